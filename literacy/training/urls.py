"""Training's addresses are all in the page tree: those below the training index and below each
session (the pages' ``subpage_urls``), served by views.py and feedback.py, each view taking the
page first. Its admin addresses come from wagtail_hooks.py."""

from django.urls import path

from . import feedback, views

urlpatterns = []

# Below the training index (TrainingIndexPage.subpage_urls).
training_index_urls = [
    path("", views.upcoming, name="upcoming"),
    path("past/", views.past, name="past"),
    path("calendar/", views.calendar_feed, name="calendar"),
]

# Below a session (TrainingSessionPage.subpage_urls).
session_urls = [
    path("", views.session_page, name="session"),
    path("register/", views.register, name="register"),
    path("registered/", views.registered, name="registered"),
    path("cancel/<str:token>/", views.cancel, name="cancel"),
    path("feedback/<str:token>/", feedback.feedback, name="feedback"),
]
