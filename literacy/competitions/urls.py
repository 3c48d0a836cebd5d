"""A competition's addresses are all below its page (CompetitionPage.subpage_urls), served by
views.py, each view taking the page first; its admin addresses come from wagtail_hooks.py."""

from django.urls import path

from . import views

urlpatterns = []

# Below a competition (CompetitionPage.subpage_urls).
competition_urls = [
    path("", views.competition_page, name="competition"),
    path("enter/", views.enter, name="enter"),
    path("entries/<int:entry_id>/", views.own_entry, name="entry"),
    path("entries/<int:entry_id>/edit/", views.edit, name="edit"),
    path("entries/<int:entry_id>/withdraw/", views.withdraw, name="withdraw"),
    path("entries/<int:entry_id>/file/", views.own_file, name="own_file"),
    path("gallery/", views.gallery, name="gallery"),
    path("gallery/<int:entry_id>/file/", views.gallery_file, name="gallery_file"),
]
