"""Page feedback from every page, and the addresses below the data request and "You said, we did" pages."""

from django.urls import path

from . import views

urlpatterns = [
    path("page-feedback/<int:page_id>/", views.page_feedback, name="page_feedback"),
]

# Below the data request page (DataRequestPage.subpage_urls): each view takes the page first.
data_request_urls = [
    path("", views.request_form, name="form"),
    path("sent/", views.request_sent, name="sent"),
    path("status/<str:token>/", views.request_status, name="status"),
]

# The "You said, we did" page itself (YouSaidWeDidPage.subpage_urls).
you_said_we_did_urls = [
    path("", views.you_said_we_did, name="you_said_we_did"),
]
