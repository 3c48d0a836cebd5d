import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision, Site

from home.models import HomePage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def snapshot():
    settings = SiteSettings.load()
    site = Site.objects.get(is_default_site=True)
    return {
        "pages": sorted(Page.objects.values_list("url_path", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "site": (site.hostname, site.port, site.site_name, site.root_page_id),
        "settings": (settings.site_notice, settings.about_page_id, settings.newsletter_page_id),
    }


def run_loader(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_demo_builds_the_site_tree(demo_site):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == demo_site
    assert site.site_name == "Portal"
    sections = list(demo_site.get_children().live().in_menu().values_list("title", flat=True))
    assert sections == ["Stories", "Learn", "Games & competitions", "Training", "Forums", "Newsletter"]
    settings = SiteSettings.load()
    assert settings.privacy_page.title == "Privacy notice"
    assert settings.accessibility_page.title == "Accessibility statement"
    assert "Demonstration site" in settings.site_notice
    assert len(demo_site.key_figures) == 4
    assert all("(demo)" in block.value["source"] for block in demo_site.key_figures)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_running_twice_changes_nothing(demo_site):
    before = snapshot()
    output = run_loader()
    assert "nothing changed" in output
    assert snapshot() == before


def test_editors_changes_survive_a_rerun(demo_site):
    about = StandardPage.objects.get(slug="about")
    about.title = "Who we are"
    about.save_revision().publish()
    settings = SiteSettings.load()
    settings.site_notice = ""
    settings.save()
    run_loader()
    assert StandardPage.objects.get(slug="about").title == "Who we are"
    assert SiteSettings.load().site_notice == ""


def test_a_missing_page_is_restored_without_touching_the_rest(demo_site):
    StandardPage.objects.get(slug="contact").delete()
    before = HomePage.objects.get().latest_revision_id
    output = run_loader()
    assert "contact" in output
    assert StandardPage.objects.filter(slug="contact").count() == 1
    assert HomePage.objects.get().latest_revision_id == before


def test_site_url_sets_the_default_site_address(demo_site):
    run_loader("--site-url", "http://127.0.0.1:8000")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert StandardPage.objects.get(slug="about").full_url == "http://127.0.0.1:8000/about/"


def test_dev_admin_refuses_outside_debug():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("ensure_dev_admin")


def test_dev_admin_can_log_in_with_debug(client, settings):
    settings.DEBUG = True
    call_command("ensure_dev_admin", stdout=io.StringIO())
    call_command("ensure_dev_admin", stdout=io.StringIO())
    response = client.post(
        "/accounts/login/", {"login": "admin@portal.example", "password": "portal-demo-admin"}, follow=True
    )
    assert response.context["user"].is_superuser
    assert client.get("/admin/").status_code == 200
