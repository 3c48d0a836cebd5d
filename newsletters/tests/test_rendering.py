"""An issue as a web page, in the archive, and as email: HTML for mail apps and plain text."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.urls import reverse

from home.tests.factories import StandardPageFactory
from literacy.training.tests.factories import TrainingSessionPageFactory
from newsletters.rendering import PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER, render_issue_email
from newsletters.tests.factories import NewsletterIssuePageFactory, SendingFactory
from portal.core.mail import site_root_url
from stories.tests.factories import DataStoryPageFactory
from tests.queries import queries_for


@pytest.fixture
def issue(newsletter_index, lists):
    """An issue with every section: a story with its chart, a quiz, training and a link."""
    story = DataStoryPageFactory()
    TrainingSessionPageFactory()
    return NewsletterIssuePageFactory(
        lists=[lists["monthly"]],
        title="December round-up",
        intro='<p>Read <a href="/en/stories/">our stories</a> <b>now</b>.</p>',
        featured_stories=[("story", story)],
        chart_story=story,
        game=StandardPageFactory(title="Statistics quiz", slug="statistics-quiz"),
        game_text="Play it",
        show_training=True,
        links=[
            (
                "link",
                {
                    "title": "Release calendar",
                    "url": "https://statistics.example/releases",
                    "description": "Dates",
                },
            )
        ],
    )


def test_email_html_is_table_laid_out_inlined_absolute_and_script_free(issue, settings):
    settings.NEWSLETTER_TRACKING = False
    email = render_issue_email(issue)
    html = BeautifulSoup(email.html, "html.parser")
    root = site_root_url()
    assert html.find("table", attrs={"role": "presentation"})
    assert not html.find("style") and not html.find("script") and not html.find("link")
    assert "style=" in email.html  # the styles are on the elements now
    for link in html.find_all("a"):
        assert link["href"].startswith(("http://", "https://")) or link["href"] in (
            UNSUBSCRIBE_PLACEHOLDER,
            PREFERENCES_PLACEHOLDER,
        ), link
    for image in html.find_all("img"):
        assert image["src"].startswith(root), image
    chart = html.find("img", class_="chart")
    assert re.search(r"/chart/[\w-]+/png/$", chart["src"])
    assert chart["alt"]
    assert html.find("a", href=f"{root}/en/stories/").get_text() == "our stories"
    assert html.find("a", href=issue.get_full_url())  # view in browser


def test_plain_text_part_comes_from_the_same_content(issue, settings):
    settings.NEWSLETTER_TRACKING = False
    email = render_issue_email(issue)
    root = site_root_url()
    assert "<b>" not in email.text and "<p>" not in email.text
    assert f"our stories ({root}/en/stories/) now." in email.text
    for heading in (
        "Featured stories",
        "Chart of the month",
        "Quiz of the month",
        "Upcoming training",
        "More to read",
    ):
        assert heading in email.text and heading in email.html
    assert "https://statistics.example/releases" in email.text
    assert UNSUBSCRIBE_PLACEHOLDER in email.text and PREFERENCES_PLACEHOLDER in email.text


def test_personalise_fills_each_readers_links(issue):
    email = render_issue_email(issue).personalise("https://x.example/u/1", "https://x.example/p/1")
    assert "__NEWSLETTER_" not in email.html + email.text
    assert "https://x.example/u/1" in email.text and 'href="https://x.example/p/1"' in email.html


def test_tracking_counts_opens_and_clicks_in_aggregate(issue, newsletter_index, lists, client, settings):
    settings.NEWSLETTER_TRACKING = True
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    email = render_issue_email(issue, sending=sending)
    html = BeautifulSoup(email.html, "html.parser")
    pixel = html.find("img", src=re.compile("/en/email/open/"))
    assert pixel["alt"] == ""
    click = html.find("a", string="Release calendar")["href"]
    assert "/en/email/click/" in click
    response = client.get(click.removeprefix(site_root_url()))
    assert response.status_code == 302 and response["Location"] == "https://statistics.example/releases"
    client.get(pixel["src"].removeprefix(site_root_url()))
    sending.refresh_from_db()
    assert (sending.opens, sending.clicks) == (1, 1)


def test_click_links_we_did_not_sign_go_nowhere(client, newsletter_index, lists):
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    response = client.get(f"/en/email/click/{sending.pk}/?to=https://evil.example:forged")
    assert response.status_code == 400
    sending.refresh_from_db()
    assert sending.clicks == 0


def test_tracking_off_leaves_links_alone_and_counts_nothing(issue, newsletter_index, lists, client, settings):
    settings.NEWSLETTER_TRACKING = False
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    email = render_issue_email(issue, sending=sending)
    assert "/en/email/open/" not in email.html and "/en/email/click/" not in email.html
    client.get(f"/en/email/open/{sending.pk}.gif")
    sending.refresh_from_db()
    assert sending.opens == 0


def test_the_web_page_shows_the_same_sections(client, issue):
    html = BeautifulSoup(client.get(issue.url).content, "html.parser")
    assert html.find("h1").get_text(strip=True) == "December round-up"
    headings = [h.get_text(strip=True) for h in html.select("main h2")]
    assert headings[:5] == [
        "Featured stories",
        "Chart of the month",
        "Quiz of the month",
        "Upcoming training",
        "More to read",
    ]
    assert html.select_one(".newsletter-issue__chart img")["alt"]


def test_preview_modes_show_the_email(issue):
    assert [mode for mode, _ in issue.preview_modes] == ["", "email", "text"]
    request = RequestFactory().get("/en/")
    email_preview = issue.serve_preview(request, "email")
    assert b"December round-up" in email_preview.content and b"<table" in email_preview.content
    assert b"__NEWSLETTER_" not in email_preview.content
    text_preview = issue.serve_preview(request, "text")
    assert text_preview["Content-Type"].startswith("text/plain")
    assert b"Featured stories" in text_preview.content


def style_sources(response):
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return policy["style-src"].split()


def test_the_admin_email_preview_lets_its_inline_styles_apply(superuser_client, issue):
    """Through the real preview, which runs the site's middleware with the page's own path."""
    preview = reverse("wagtailadmin_pages:view_draft", args=[issue.pk])
    email = superuser_client.get(preview, {"mode": "email"})
    assert email.status_code == 200
    assert b'style="' in email.content
    assert style_sources(email) == ["'self'", "'unsafe-inline'"]
    web = superuser_client.get(preview)
    assert style_sources(web) == ["'self'"]  # the web page keeps the strict policy


def test_archive_query_count_does_not_grow_with_issues(client, newsletter_index, lists):
    NewsletterIssuePageFactory(lists=[lists["monthly"]])
    few = queries_for(client, newsletter_index.url)
    for _ in range(5):
        NewsletterIssuePageFactory(lists=[lists["monthly"]])
    assert queries_for(client, newsletter_index.url) == few


def test_empty_archive_says_so(client, newsletter_index):
    for issue in newsletter_index.get_children():
        issue.delete()
    assert b"No issues yet" in client.get(newsletter_index.url).content
