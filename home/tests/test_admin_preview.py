"""The admin's preview panel frames the page being edited: that page may be framed by the admin
(same origin) and nowhere else; public pages are never framed."""

import pytest
from django.urls import reverse

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def frame_ancestors(response):
    policy = response.get("Content-Security-Policy", "")
    return next((part.split()[1:] for part in policy.split(";") if "frame-ancestors" in part), None)


def test_the_preview_panel_may_be_framed_by_the_admin_only(superuser_client, home_page):
    page = home_page.add_child(instance=StandardPage(title="About us", slug="about", intro="Who we are."))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    form = {"title": "About us (draft)", "slug": "about", "intro": "Who we are.", "body-count": "0"}
    assert superuser_client.post(url, form).json()["is_valid"]
    preview = superuser_client.get(url)
    assert preview.status_code == 200
    assert "About us (draft)" in preview.content.decode()
    assert preview.get("X-Frame-Options", "SAMEORIGIN") == "SAMEORIGIN"
    assert frame_ancestors(preview) in (None, ["'self'"])


def test_public_pages_may_not_be_framed(client, home_page):
    response = client.get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == ["'none'"]
