import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from home.models import HomePage, SiteSettings, StandardPage
from literacy.models import TrainingSessionPage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_renders_every_section(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    html = soup(response)
    assert len(html.find_all("h1")) == 1
    assert html.h1.get_text(strip=True) == demo_site.hero_heading
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


def test_home_sections_without_content_say_so(client, demo_site):
    demo_site.key_figures = []
    demo_site.featured_story = None
    demo_site.save_revision().publish()
    for session in TrainingSessionPage.objects.all():
        session.unpublish()
    html = soup(client.get("/"))
    empty = [p.get_text(" ", strip=True) for p in html.select(".empty-state")]
    assert any("No key figures" in text for text in empty)
    assert any("No story is featured yet" in text for text in empty)
    assert any("No training sessions" in text for text in empty)


def test_featured_story_is_linked(client, demo_site):
    about = StandardPage.objects.get(slug="about")
    demo_site.featured_story = about
    demo_site.save_revision().publish()
    featured = soup(client.get("/")).select_one(".card--featured a")
    assert featured["href"] == about.url
    assert featured.get_text(strip=True) == about.title


def test_base_template_landmarks_and_metadata(client, demo_site):
    html = soup(client.get("/about/"))
    assert html.html["lang"] == "en-GB"
    skip = html.select_one("a.skip-link")
    assert skip["href"] == "#main" and html.find("main", id="main")
    assert html.find("header") and html.find("footer") and html.find("nav", attrs={"aria-label": "Main"})
    assert html.find("form", attrs={"role": "search"})
    assert html.find("link", rel="canonical")["href"] == "http://localhost/about/"
    assert html.find("meta", property="og:title")["content"] == "About this site"
    assert html.find("meta", property="og:url")["content"] == "http://localhost/about/"
    assert html.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    assert html.find("meta", attrs={"name": "description"})["content"]


def test_primary_navigation_follows_the_tree(client, demo_site):
    html = soup(client.get("/learn/"))
    links = [a.get_text(strip=True) for a in html.select(".site-nav a")]
    assert links == ["Stories", "Learn", "Games & competitions", "Training", "Forums", "Newsletter"]
    assert html.select_one('.site-nav a[aria-current="page"]').get_text(strip=True) == "Learn"


def test_footer_links_come_from_site_settings(client, demo_site):
    footer = soup(client.get("/")).find("footer")
    texts = [a.get_text(strip=True) for a in footer.find_all("a")]
    for title in ("About this site", "Accessibility statement", "Privacy notice", "Contact us"):
        assert title in texts
    assert "Sign up for the newsletter" in texts


def test_site_name_is_editable(client, demo_site):
    site = demo_site.get_site()
    site.site_name = "Statistics Explained"
    site.save()
    html = soup(client.get("/about/"))
    assert html.title.get_text().endswith("| Statistics Explained")
    assert html.select_one(".site-brand__name").get_text(strip=True) == "Statistics Explained"


def test_demo_notice_is_shown_and_removable(client, demo_site):
    assert "Demonstration site" in soup(client.get("/")).select_one(".site-notice").get_text()
    settings = SiteSettings.load()
    settings.site_notice = ""
    settings.save()
    assert soup(client.get("/")).select_one(".site-notice") is None


def test_standard_page_renders_body_and_breadcrumb(client, demo_site):
    page = StandardPage.objects.get(slug="privacy")
    html = soup(client.get(page.url))
    assert html.h1.get_text(strip=True) == "Privacy notice"
    assert "withdraw consent" in html.select_one(".prose").get_text()
    assert [a.get_text(strip=True) for a in html.select(".breadcrumbs a")] == ["Home"]


def test_hostile_page_content_is_escaped(client, demo_site):
    page = StandardPage(
        title="<script>alert(1)</script>", slug="hostile", intro='"><img src=x onerror=alert(1)>'
    )
    demo_site.add_child(instance=page)
    page.save_revision().publish()
    body = client.get("/hostile/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "<img src=x onerror" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_draft_pages_are_not_served(client, demo_site):
    draft = StandardPage(title="Embargoed release", slug="embargoed", live=False)
    demo_site.add_child(instance=draft)
    assert client.get("/embargoed/").status_code == 404


def test_404_page_is_helpful(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Page not found"
    assert html.find("a", href="/search/")


def test_500_page_renders_without_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert re.search(r'<html lang="en-GB"', html)


def test_only_one_home_page_allowed(demo_site):
    assert not HomePage.can_create_at(Page.get_first_root_node())
