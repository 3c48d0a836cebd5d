"""Addresses outside the page tree: the public check of a certificate's code."""

from django.urls import path

from . import certificates

urlpatterns = [
    path("certificates/", certificates.verify, name="literacy_certificate_verify"),
    path("certificates/<str:code>/", certificates.check_certificate, name="literacy_certificate_check"),
]
