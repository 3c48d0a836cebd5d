from django.urls import path

from . import views

urlpatterns = [
    path(
        "forum-emails/unsubscribe/<str:token>/",
        views.one_click_unsubscribe,
        name="forums_one_click_unsubscribe",
    ),
]
