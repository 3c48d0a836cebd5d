"""The newsletter's archive and an issue are drawn once per address, chrome generation and
language, not on every uncached view; the sign-up form, with its CSRF token, is drawn for each
visitor."""

import pytest
from django.test import Client

from newsletters.tests.factories import NewsletterIssuePageFactory
from tests.pages import in_language
from tests.queries import counted_view as view

pytestmark = pytest.mark.usefixtures("fragments_cached")


@pytest.fixture
def issue(newsletter_index, lists):
    return NewsletterIssuePageFactory(title="September round-up", lists=[lists["monthly"]])


@pytest.mark.parametrize(
    "path", ["/en/newsletter/", "/en/newsletter/?page=x", "/en/newsletter/september-round-up/"]
)
def test_a_second_view_reads_no_issue(client, issue, path):
    first, _html = view(client, path)
    second, second_html = view(client, path)
    assert second < first
    assert "September round-up" in second_html


def test_an_issue_is_the_same_on_every_view(client, issue):
    _count, first = view(client, issue.url)
    second, again = view(client, issue.url)
    assert again == first and second <= 6 and "Get the next issue by email" in again


def test_each_visitor_gets_their_own_sign_up_form(issue):
    _count, first = view(Client(), "/en/newsletter/")
    _count, second = view(Client(), "/en/newsletter/")
    token = 'name="csrfmiddlewaretoken" value="'
    assert token in first and token in second
    assert first.split(token)[1][:20] != second.split(token)[1][:20]


def test_an_issue_published_since_shows_in_the_archive(client, issue, lists, committed):
    view(client, "/en/newsletter/")
    with committed():
        NewsletterIssuePageFactory(title="October round-up", lists=[lists["monthly"]])
    _count, html = view(client, "/en/newsletter/")
    assert "October round-up" in html and "September round-up" in html


def test_a_corrected_issue_shows_on_the_next_view(client, issue, committed):
    view(client, issue.url)
    with committed():
        issue.intro = "<p>Corrected: unemployment fell.</p>"
        issue.save_revision().publish()
    _count, html = view(client, issue.url)
    assert "Corrected: unemployment fell." in html


def test_each_language_gets_its_own_issue(client, issue):
    _count, english = view(client, issue.url)
    _count, french = view(client, in_language(issue.url, "fr"))
    assert "Get the next issue by email" in english and "Get the next issue by email" not in french
