"""Editors can open every editing screen the foundation adds, and save through them."""

import pytest
from wagtail.models import Page

from home.models import SiteSettings
from tests.factories import UserFactory

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_dashboard_and_explorer_open(superuser_client, home_page):
    assert superuser_client.get("/admin/").status_code == 200
    assert superuser_client.get(f"/admin/pages/{home_page.pk}/").status_code == 200


@pytest.mark.parametrize("slug", ["home", "about"])
def test_page_editors_open(superuser_client, about, slug):
    page = Page.objects.get(slug=slug)
    assert superuser_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_new_standard_page_form_opens(superuser_client, home_page):
    assert superuser_client.get(f"/admin/pages/add/home/standardpage/{home_page.pk}/").status_code == 200


def test_preview_renders_a_draft(superuser_client, home_page):
    draft = StandardPageFactory(parent=home_page, title="Embargoed figures", live=False)
    response = superuser_client.get(f"/admin/pages/{draft.pk}/edit/preview/")
    assert response.status_code == 200


def test_site_settings_save_through_the_admin(superuser_client, home_page):
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
    client.force_login(UserFactory())
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert b"Dashboard" not in response.content
