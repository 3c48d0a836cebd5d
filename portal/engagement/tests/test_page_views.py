"""Page views counted by the site itself: one counter per page and day, nothing about the visitor."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from portal.engagement import page_views
from portal.engagement.models import PageViewCount
from portal.engagement.page_views import count_cached_response, is_bot, record_view, write_view_counts
from tests.factories import UserFactory

from .conftest import BROWSER

pytestmark = pytest.mark.django_db


def statements(queries):
    """The statements run, without the savepoints a test's own transaction adds around them."""
    return [query["sql"] for query in queries.captured_queries if "SAVEPOINT" not in query["sql"]]


def views_of(page):
    return sum(PageViewCount.objects.filter(page_id=page.pk).values_list("views", flat=True))


def test_each_view_of_a_live_page_adds_one_to_todays_counter(browser_client, story):
    for _ in range(3):
        assert browser_client.get(story.url).status_code == 200
    [count] = PageViewCount.objects.filter(page_id=story.pk)
    assert (count.day, count.views) == (timezone.localdate(), 3)
    assert count.content_type_id == story.content_type_id


def test_signed_in_readers_count_the_same(browser_client, story):
    browser_client.force_login(UserFactory())
    browser_client.get(story.url)
    assert views_of(story) == 1


def test_a_new_day_starts_a_new_counter(story):
    today = timezone.localdate()
    record_view(story.pk, day=today - datetime.timedelta(days=1))
    record_view(story.pk, day=today)
    record_view(story.pk, day=today)
    assert dict(PageViewCount.objects.filter(page_id=story.pk).values_list("day", "views")) == {
        today - datetime.timedelta(days=1): 1,
        today: 2,
    }


@pytest.mark.parametrize(
    "user_agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0)",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0",
        "facebookexternalhit/1.1",
    ],
)
def test_robots_are_not_counted(client, story, user_agent):
    assert client.get(story.url, HTTP_USER_AGENT=user_agent).status_code == 200
    assert views_of(story) == 0


def test_people_s_browsers_are_not_mistaken_for_robots():
    for user_agent in (
        BROWSER,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    ):
        assert not is_bot(user_agent)


def test_only_successful_html_gets_of_public_pages_count(browser_client, story):
    browser_client.head(story.url)
    browser_client.get(story.url + "no-such-route/")
    browser_client.get("/en/no-such-page/")
    [chart_id] = [block.id for block in story.body if block.block_type == "chart"]
    assert browser_client.get(f"{story.url}chart/{chart_id}/csv/").status_code == 200
    assert views_of(story) == 0
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    browser_client.get(story.url)
    assert views_of(story) == 0


def test_a_restriction_on_an_ancestor_also_keeps_the_page_out(browser_client, story):
    PageViewRestriction.objects.create(page=story.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    browser_client.force_login(UserFactory())
    assert browser_client.get(story.url).status_code == 200
    assert views_of(story) == 0


def test_nothing_about_the_visitor_is_stored(browser_client, story):
    browser_client.get(story.url, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert {field.name for field in PageViewCount._meta.get_fields()} == {
        "id",
        "page",
        "content_type",
        "day",
        "views",
    }
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {PageViewCount._meta.db_table}")  # noqa: S608
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert "203.0.113.7" not in stored and "198.51.100.9" not in stored
    assert views_of(story) == 1


def test_counting_is_one_statement_however_big_the_table(story):
    PageViewCount.objects.bulk_create(
        PageViewCount(
            page_id=story.pk,
            content_type_id=story.content_type_id,
            day=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            views=5,
        )
        for n in range(500)
    )
    with CaptureQueriesContext(connection) as queries:
        record_view(story.pk)
    [statement] = statements(queries)
    assert statement.startswith("INSERT INTO")


@pytest.fixture
def story_index(story):
    return story.get_parent()


@pytest.fixture
def buffered(settings, monkeypatch):
    """Views held in this process for a minute, on a clock the test moves."""
    settings.PAGE_VIEWS_FLUSH_SECONDS = 60
    clock = {"now": 1000.0}
    monkeypatch.setattr(page_views.time, "monotonic", lambda: clock["now"])
    buffer = page_views.ViewBuffer()
    monkeypatch.setattr(page_views, "view_buffer", buffer)
    return clock


def test_buffered_views_cost_no_query_until_they_are_written_together(buffered, story, story_index):
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            record_view(story.pk)
        record_view(story_index.pk)
    assert queries.captured_queries == []
    assert views_of(story) == 0

    buffered["now"] += 60
    with CaptureQueriesContext(connection) as queries:
        record_view(story.pk)  # the first view after the interval writes the lot
    assert len(statements(queries)) == 1
    assert (views_of(story), views_of(story_index)) == (6, 1)


def test_buffered_views_are_written_when_the_process_exits(buffered, story):
    record_view(story.pk)
    record_view(story.pk)
    page_views.view_buffer.flush()  # what the process's exit handler calls
    assert views_of(story) == 2
    page_views.view_buffer.flush()  # nothing left: nothing written twice
    assert views_of(story) == 2


def test_counters_add_to_what_is_stored_and_keep_days_apart(story, story_index):
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    write_view_counts({(story.pk, today): 4})
    write_view_counts({(story.pk, today): 3, (story.pk, yesterday): 2, (story_index.pk, today): 1})
    stored = dict(PageViewCount.objects.filter(page_id=story.pk).values_list("day", "views"))
    assert stored == {today: 7, yesterday: 2}
    assert views_of(story_index) == 1


def test_many_counters_are_written_in_batches(story, monkeypatch):
    monkeypatch.setattr(page_views, "BATCH_ROWS", 4)
    first = datetime.date(2021, 1, 1)
    counts = {(story.pk, first + datetime.timedelta(days=n)): n + 1 for n in range(10)}
    with CaptureQueriesContext(connection) as queries:
        write_view_counts(counts)
    assert len(statements(queries)) == 3
    assert views_of(story) == sum(range(1, 11))


def test_a_database_error_loses_the_counts_not_the_page(story, monkeypatch, caplog):
    broken = "INSERT INTO no_such_table VALUES (%s, %s, %s)"
    monkeypatch.setattr(page_views, "upsert_sql", lambda rows: broken)
    write_view_counts({(story.pk, timezone.localdate()): 1})
    assert "Could not write 1 page-view counters" in caplog.text
    assert views_of(story) == 0


def test_a_page_that_no_longer_exists_is_not_counted(story):
    missing = Page.objects.order_by("-pk").first().pk + 1000
    record_view(missing)
    assert not PageViewCount.objects.filter(page_id=missing).exists()


def test_a_copy_served_from_the_page_cache_is_counted_from_its_label(browser_client, story):
    response = browser_client.get(story.url)
    assert response["X-Page-Id"] == str(story.pk)
    factory = RequestFactory()
    count_cached_response(factory.get(story.url, HTTP_USER_AGENT=BROWSER), response)
    assert views_of(story) == 2
    count_cached_response(factory.get(story.url, HTTP_USER_AGENT="Googlebot/2.1"), response)
    count_cached_response(factory.post(story.url, HTTP_USER_AGENT=BROWSER), response)
    del response["X-Page-Id"]
    count_cached_response(factory.get(story.url, HTTP_USER_AGENT=BROWSER), response)
    assert views_of(story) == 2
