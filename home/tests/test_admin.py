"""Editors can open every editing screen the foundation adds, and save through them."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from home.models import SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def test_dashboard_and_explorer_open(superuser_client, demo_site):
    assert superuser_client.get("/admin/").status_code == 200
    assert superuser_client.get(f"/admin/pages/{demo_site.pk}/").status_code == 200


@pytest.mark.parametrize("slug", [None, "about"])
def test_page_editors_open(superuser_client, demo_site, slug):
    page = demo_site if slug is None else Page.objects.get(slug=slug)
    assert superuser_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_new_standard_page_form_opens(superuser_client, demo_site):
    assert superuser_client.get(f"/admin/pages/add/home/standardpage/{demo_site.pk}/").status_code == 200


def test_preview_renders_a_draft(superuser_client, demo_site):
    page = StandardPage.objects.get(slug="about")
    response = superuser_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200


def test_site_settings_save_through_the_admin(superuser_client, demo_site):
    settings = SiteSettings.load()
    url = f"/admin/settings/home/sitesettings/{settings.pk}/"
    assert superuser_client.get(url).status_code == 200
    response = superuser_client.post(
        url,
        {
            "organisation_name": "Statistics Office of Ruritania",
            "tagline": "Numbers you can trust",
            "site_notice": "",
            "contact_email": "not-an-email",
            "newsletter_prompt": "x",
        },
    )
    assert response.status_code == 200  # redisplayed with the error, nothing saved
    assert "Enter a valid email address" in response.content.decode()
    assert SiteSettings.load().organisation_name == settings.organisation_name
    superuser_client.post(
        url,
        {
            "organisation_name": "Statistics Office of Ruritania",
            "tagline": "Numbers you can trust",
            "site_notice": "",
            "contact_email": "press@ruritania.example",
            "newsletter_prompt": "x",
        },
    )
    assert SiteSettings.load().organisation_name == "Statistics Office of Ruritania"


def test_consent_wording_is_editable(superuser_client):
    from portal.contacts.models import ConsentWording

    url = f"/admin/settings/contacts/consentwording/{ConsentWording.load().pk}/"
    assert superuser_client.get(url).status_code == 200
    superuser_client.post(url, {"account_signup": "New wording."})

    assert ConsentWording.load().account_signup == "New wording."


def test_non_staff_cannot_reach_the_admin(client):
    user = get_user_model().objects.create_user("citizen@example.org", "x-Strong-pass-1")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert b"Dashboard" not in response.content
