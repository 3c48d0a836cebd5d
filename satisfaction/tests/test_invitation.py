"""The invitation on every page: the same HTML for everyone (so cached pages may carry it), the
rate and period from the settings for the browser's script to use, and a link that works
without JavaScript."""

import pytest

from satisfaction.models import SurveySettings
from satisfaction.templatetags.satisfaction_tags import survey_offer

pytestmark = pytest.mark.django_db


def set_rate(percent, days=90, **changes):
    settings = SurveySettings.load()
    settings.sample_percent = percent
    settings.period_days = days
    for name, value in changes.items():
        setattr(settings, name, value)
    settings.save()


def test_pages_carry_the_hidden_invitation_with_rate_and_period(client, survey_page):
    set_rate(12.5, days=30, invitation="Four quick questions?")
    html = client.get("/en/").content.decode()
    assert 'data-rate="0.1250" data-period-days="30" hidden' in html
    assert "Four quick questions?" in html
    assert 'href="/en/survey/?from=%2Fen%2F" data-survey-accept' in html
    assert 'src="/static/satisfaction/satisfaction.js"' in html


def test_without_javascript_the_page_links_to_the_survey_from_itself(client, survey_page):
    html = client.get("/en/").content.decode()
    assert (
        '<p class="container survey-prompt">'
        '<a href="/en/survey/?from=%2Fen%2F">Tell us what you think of this site</a></p>' in html
    )


def test_no_survey_page_no_invitation_and_no_link(client, home_page):
    html = client.get("/en/").content.decode()
    assert "data-survey-invitation" not in html and "/en/survey/" not in html


def test_an_unpublished_survey_is_not_offered(client, survey_page, committed):
    with committed():
        survey_page.unpublish()
    assert "data-survey-invitation" not in client.get("/en/").content.decode()


def test_a_rate_of_zero_keeps_the_link_and_the_script_never_shows_it(client, survey_page):
    set_rate(0)
    html = client.get("/en/").content.decode()
    assert 'data-rate="0.0000"' in html


def test_the_facts_are_read_once_not_on_every_page_view(client, survey_page, django_assert_num_queries, rf):
    request = rf.get("/en/stories/")
    survey_offer({"request": request, "page": None})
    with django_assert_num_queries(0):
        offer = survey_offer({"request": request, "page": None})
    assert offer["link"] == "/en/survey/?from=%2Fen%2Fstories%2F"


def test_the_invitation_is_the_same_for_every_visitor_so_the_page_stays_cached(
    client, survey_page, page_cache_on, committed
):
    set_rate(5)
    first = client.get("/en/")
    second = client.get("/en/")
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert "Set-Cookie" not in first and not first.cookies
    assert first.content == second.content
    with committed():
        set_rate(100)  # a new rate is written into every page: the cache is purged
    third = client.get("/en/")
    assert third["X-Cache"] == "MISS"
    assert b'data-rate="1.0000"' in third.content


def test_the_first_page_to_read_the_default_settings_is_still_cached(
    client, survey_page, page_cache_on, committed
):
    """The settings row is made, with its defaults, by the first page view that reads it: that
    makes no purge, so the page it rendered is served to the next visitor."""
    SurveySettings.objects.all().delete()
    with committed():
        first = client.get("/en/")
    assert SurveySettings.objects.exists()
    assert (first["X-Cache"], client.get("/en/")["X-Cache"]) == ("MISS", "HIT")


def test_the_settings_refuse_rates_and_periods_out_of_range(survey_page):
    from django.core.exceptions import ValidationError

    for changes in ({"sample_percent": -1}, {"sample_percent": 101}, {"period_days": 0}):
        settings = SurveySettings.load()
        for name, value in changes.items():
            setattr(settings, name, value)
        with pytest.raises(ValidationError):
            settings.full_clean()


def test_a_moved_survey_is_offered_at_its_new_address(client, survey_page, committed):
    from home.tests.factories import StandardPageFactory
    from tests.pages import site_root

    assert 'href="/en/survey/?from=%2Fen%2F"' in client.get("/en/").content.decode()
    section = StandardPageFactory(parent=site_root(), title="Have your say", slug="have-your-say")
    with committed():
        survey_page.move(section, pos="last-child")
    assert 'href="/en/have-your-say/survey/?from=%2Fen%2F"' in client.get("/en/").content.decode()
