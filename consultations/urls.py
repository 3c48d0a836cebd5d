"""The addresses below the listing and below each consultation (their pages' ``subpage_urls``):
each view in consultations.views takes the page first."""

from django.urls import path

from . import views

# Below the listing (ConsultationIndexPage.subpage_urls).
index_urls = [
    path("", views.consultation_index, name="index"),
]

# Below a consultation (ConsultationPage.subpage_urls).
consultation_urls = [
    path("", views.consultation, name="form"),
    path("sent/", views.response_sent, name="sent"),
]
