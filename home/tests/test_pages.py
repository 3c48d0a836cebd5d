import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from home.models import HomePage, SiteSettings

from .factories import StandardPageFactory, key_figure

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_renders_every_section(client, home_page):
    home_page.key_figures = [key_figure(label=f"Figure {n}") for n in range(4)]
    home_page.save_revision().publish()
    response = client.get("/en/")
    assert response.status_code == 200
    html = soup(response)
    assert len(html.find_all("h1")) == 1
    assert html.h1.get_text(strip=True) == home_page.hero_heading
    headings = [h2.get_text(strip=True) for h2 in html.main.find_all("h2")]
    for section in (
        "Featured story",
        "Key figures",
        "Learn statistics at your level",
        "Upcoming training",
        "Latest in the forums",
        "Get the numbers in your inbox",
    ):
        assert section in headings
    figures = html.select(".key-figure")
    assert len(figures) == 4
    assert "Source:" in figures[0].get_text()


def test_home_sections_without_content_say_so(client, home_page, about):
    home_page.key_figures = [key_figure()]
    home_page.featured_story = about
    home_page.save_revision().publish()

    def empty_states():
        empty = soup(client.get("/en/")).select(".empty-state")
        return " | ".join(p.get_text(" ", strip=True) for p in empty)

    assert "No key figures" not in empty_states() and "No story is featured" not in empty_states()
    home_page.key_figures = []
    home_page.featured_story = None
    home_page.save_revision().publish()
    empty = empty_states()
    for message in (
        "No key figures",
        "No story is featured yet",
        "No modules are published yet",
        "No training sessions",
        "No forum conversations yet",
    ):
        assert message in empty


def test_featured_story_is_linked(client, home_page, about):
    home_page.featured_story = about
    home_page.save_revision().publish()
    featured = soup(client.get("/en/")).select_one(".card--featured a")
    assert featured["href"] == about.url
    assert featured.get_text(strip=True) == about.title


def test_base_template_landmarks_and_metadata(client, about):
    html = soup(client.get("/en/about/"))
    assert html.html["lang"] == "en-GB"
    skip = html.select_one("a.skip-link")
    assert skip["href"] == "#main" and html.find("main", id="main")
    assert html.find("header") and html.find("footer") and html.find("nav", attrs={"aria-label": "Main"})
    assert html.find("form", attrs={"role": "search"})
    assert html.find("link", rel="canonical")["href"] == "http://localhost/en/about/"
    assert html.find("meta", property="og:title")["content"] == "About this site"
    assert html.find("meta", property="og:url")["content"] == "http://localhost/en/about/"
    assert html.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    assert html.find("meta", attrs={"name": "description"})["content"]


def test_primary_navigation_follows_the_tree(client, home_page):
    sections = ["Stories", "Learn", "Games & competitions", "Training", "Forums", "Newsletter"]
    for title in sections:
        page = StandardPageFactory(parent=home_page, title=title)
        StandardPageFactory(parent=page, title=f"Inside {title}")  # only the top level is listed
    StandardPageFactory(parent=home_page, title="Privacy notice", show_in_menus=False)
    StandardPageFactory(parent=home_page, title="Embargoed section", live=False)
    html = soup(client.get("/en/learn/"))
    links = [a.get_text(strip=True) for a in html.select(".site-nav a")]
    assert links == sections
    assert html.select_one('.site-nav a[aria-current="page"]').get_text(strip=True) == "Learn"


def test_footer_links_come_from_site_settings(client, home_page, about):
    settings = SiteSettings.load()
    settings.about_page = about
    for field, title in (
        ("accessibility_page", "Accessibility statement"),
        ("privacy_page", "Privacy notice"),
        ("contact_page", "Contact us"),
        ("newsletter_page", "Newsletter"),
    ):
        setattr(settings, field, StandardPageFactory(parent=home_page, title=title))
    settings.save()
    footer = soup(client.get("/en/")).find("footer")
    texts = [a.get_text(strip=True) for a in footer.find_all("a")]
    for title in ("About this site", "Accessibility statement", "Privacy notice", "Contact us"):
        assert title in texts
    assert "Sign up for the newsletter" in texts


def test_site_name_is_editable(client, home_page, about):
    site = home_page.get_site()
    site.site_name = "Statistics Explained"
    site.save()
    html = soup(client.get("/en/about/"))
    assert html.title.get_text().endswith("| Statistics Explained")
    assert html.select_one(".site-brand__name").get_text(strip=True) == "Statistics Explained"


def test_site_notice_is_shown_and_removable(client, home_page):
    settings = SiteSettings.load()
    settings.site_notice = "Demonstration site: the figures are invented."
    settings.save()
    assert "Demonstration site" in soup(client.get("/en/")).select_one(".site-notice").get_text()
    settings.site_notice = ""
    settings.save()
    assert soup(client.get("/en/")).select_one(".site-notice") is None


def test_standard_page_renders_body_and_breadcrumb(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Privacy notice",
        body=[("paragraph", "<p>You may withdraw consent at any time.</p>")],
    )
    html = soup(client.get(page.url))
    assert html.h1.get_text(strip=True) == "Privacy notice"
    assert "withdraw consent" in html.select_one(".prose").get_text()
    assert [a.get_text(strip=True) for a in html.select(".breadcrumbs a")] == ["Home"]


def test_hostile_page_content_is_escaped(client, home_page):
    StandardPageFactory(
        parent=home_page,
        title="<script>alert(1)</script>",
        slug="hostile",
        intro='"><img src=x onerror=alert(1)>',
    )
    body = client.get("/en/hostile/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "<img src=x onerror" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_draft_pages_are_not_served(client, home_page):
    StandardPageFactory(parent=home_page, title="Embargoed release", slug="embargoed", live=False)
    assert client.get("/en/embargoed/").status_code == 404


def test_404_page_is_helpful(client, home_page):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Page not found"
    assert html.find("a", href="/en/search/")


def test_500_page_renders_without_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert re.search(r'<html lang="en-GB"', html)


def test_only_one_home_page_allowed(home_page):
    assert not HomePage.can_create_at(Page.get_first_root_node())
