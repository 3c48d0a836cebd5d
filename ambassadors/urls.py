"""The programme page's addresses (``AmbassadorProgrammePage.subpage_urls``), a toolkit's pack,
and the short share links, ``/s/<code>`` (outside the page tree)."""

from django.urls import path

from . import views

# Below the programme page.
programme_urls = [
    path("", views.application_form, name="form"),
    path("sent/", views.application_sent, name="sent"),
    path("me/", views.ambassador_page, name="me"),
]

# Below a campaign toolkit.
toolkit_urls = [
    path("pack/", views.toolkit_pack_download, name="pack"),
]

urlpatterns = [
    path("s/<str:code>", views.follow_link, name="ambassador_share_link"),
]
