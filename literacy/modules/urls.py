"""The e-modules' addresses outside the page tree (the public check of a certificate's code, and
where a lesson's forms post: the lesson page itself is cached whole, see LessonPage), and those
below a module page."""

from django.urls import path

from . import certificates, views
from .models import CheckAttempt

urlpatterns = [
    path("certificates/", certificates.verify, name="literacy_certificate_verify"),
    path("certificates/<str:code>/", certificates.check_certificate, name="literacy_certificate_check"),
    path(
        "lessons/<int:lesson_id>/answer/",
        views.lesson_form,
        {"handle": views.answer},
        name="literacy_lesson_answer",
    ),
    path(
        "lessons/<int:lesson_id>/try-again/",
        views.lesson_form,
        {"handle": views.try_again},
        name="literacy_lesson_try_again",
    ),
    path(
        "lessons/<int:lesson_id>/done/",
        views.lesson_form,
        {"handle": views.lesson_done},
        name="literacy_lesson_done",
    ),
]

# The Learn index (ModuleIndexPage.subpage_urls) and a lesson (LessonPage.subpage_urls): the
# page itself, from the view; each view takes the page first.
module_index_urls = [path("", views.module_index, name="modules")]
lesson_urls = [path("", views.lesson, name="lesson")]

# Below a module (ModulePage.subpage_urls).
module_urls = [
    path("", views.module_overview, name="overview"),
    path("pre-check/", views.check_view, {"kind": CheckAttempt.Kind.PRE}, name="pre_check"),
    path("post-check/", views.check_view, {"kind": CheckAttempt.Kind.POST}, name="post_check"),
    path("certificate/", certificates.certificate_view, name="certificate"),
    path("certificate/pdf/", certificates.certificate_pdf_view, name="certificate_pdf"),
    path("for-teachers/", views.teachers, name="teachers"),
]
