"""Addresses outside the page tree: the public check of a certificate's code, and where a
lesson's forms post (the lesson page itself is cached whole, see LessonPage)."""

from django.urls import path

from . import certificates, views

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
