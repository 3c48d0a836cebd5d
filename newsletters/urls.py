"""Addresses from emails and the mail service, and those below the newsletter page (the sign-up)."""

from django.urls import path

from . import tracking, views, webhooks

app_name = "newsletters"

urlpatterns = [
    path("email/signup/", views.footer_signup, name="footer_signup"),
    path("email/follow-area/", views.follow_area, name="follow_area"),
    path("email/confirm/<str:token>/", views.confirm, name="confirm"),
    path("email/preferences/<str:token>/", views.preferences, name="preferences"),
    path("email/preferences/<str:token>/data.<str:file_format>", views.download_data, name="download_data"),
    path("email/preferences/<str:token>/delete/", views.delete_data, name="delete_data"),
    path("email/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("email/unsubscribe/<str:token>/<int:sending_id>/", views.unsubscribe, name="unsubscribe_from"),
    path("email/open/<int:sending_id>.gif", tracking.opened, name="open"),
    path("email/click/<int:sending_id>/", tracking.clicked, name="click"),
    path("email/webhooks/bounces/", webhooks.bounces, name="bounces"),
]

# Below the newsletter page (NewsletterIndexPage.subpage_urls): each view takes the page first.
newsletter_index_urls = [
    path("", views.signup_page, name="signup_page"),
    path("signup/", views.signup, name="signup"),
    path("releases/", views.alerts_signup, name="release_alerts"),
    path("check-your-email/", views.check_email, name="check_email"),
]
