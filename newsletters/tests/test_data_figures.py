"""Figures from the data layer in an issue: on the web page, and in the email as tables with
absolute links and plain text; never a figure that is not public yet."""

import html
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from datasets.tests.factories import (
    AreaListFactory,
    CodeFactory,
    DatasetFactory,
    DatasetVersionFactory,
    IndicatorFactory,
    ObservationFactory,
)
from newsletters.rendering import render_issue_email
from newsletters.tests.factories import NewsletterIssuePageFactory
from portal.core.mail import site_root_url

FIGURES = [
    ("2023", "NAT", "1020", "A"),
    ("2024", "NAT", "1030", "P"),
    ("2023", "R1", None, "M"),
    ("2024", "R1", "420", "A"),
]


@pytest.fixture
def population(db):
    """Population for the country and a region, 2023 and 2024, in a version published or not."""

    def make(published=True):
        areas = AreaListFactory()
        codes = {
            "NAT": CodeFactory(code_list=areas, code="NAT", label="Country", order=1),
            "R1": CodeFactory(code_list=areas, code="R1", label="North", order=2),
        }
        dataset = DatasetFactory(slug="population", title="Population", area_code_list=areas)
        indicator = IndicatorFactory(dataset=dataset, code="POP", name="Population")
        version = DatasetVersionFactory(
            dataset=dataset, number=1, published_at=timezone.now() - timedelta(hours=1) if published else None
        )
        for period, area, value, status in FIGURES:
            ObservationFactory(
                version=version,
                indicator=indicator,
                period=period,
                period_start=date(int(period), 1, 1),
                area=codes[area],
                value=None if value is None else Decimal(value),
                status=status,
            )
        return indicator

    return make


def blocks_for(indicator):
    chart = {"indicator": indicator, "areas": "NAT, R1", "period_from": "2023", "period_to": "2024"}
    return [
        ("data_key_figure", {"indicator": indicator, "area": "NAT"}),
        (
            "data_chart",
            chart | {"chart_type": "line", "breakdown": "", "title": "", "summary": "", "notes": ""},
        ),
    ]


def words(text):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def test_the_email_shows_data_figures_as_tables_with_absolute_links(newsletter_index, population, settings):
    settings.NEWSLETTER_TRACKING = False
    issue = NewsletterIssuePageFactory(title="December", figures=blocks_for(population()))
    email = render_issue_email(issue)
    soup = BeautifulSoup(email.html, "html.parser")
    table = soup.find("table", class_="data-table")
    assert table.caption.get_text() == "Population, Country, North, 2023 to 2024 (persons)"
    assert [th.get_text() for th in table.find_all("th", scope="row")] == ["2023", "2024"]
    assert "style=" in str(table)  # inlined like the rest of the email
    assert not soup.find("svg") and not soup.find("script")
    assert soup.find("a", href=f"{site_root_url()}/en/data/population/")
    assert "1,030 persons" in words(email.html) and "(p) provisional" in words(email.html)
    assert "Population, Country, 2024: 1,030 persons (provisional)" in email.text
    assert "Up 10 persons (1.0%) on 2023" in email.text
    assert "2023: Country 1,020; North not available" in email.text
    assert f"Source: Population, version 1: {site_root_url()}/en/data/population/" in email.text


def test_an_issue_never_sends_a_figure_that_is_not_public(newsletter_index, population):
    issue = NewsletterIssuePageFactory(title="December", figures=blocks_for(population(published=False)))
    email = render_issue_email(issue)
    assert "1,030" not in email.html and "1,030" not in email.text
    assert "Figures from our data" not in email.text and "Figures from our data" not in email.html


def test_the_web_page_draws_the_data_chart(client, newsletter_index, population):
    issue = NewsletterIssuePageFactory(title="December", figures=blocks_for(population()))
    page = client.get(issue.url).content.decode()
    assert "Figures from our data" in page and "<svg" in page and 'href="/en/data/population/"' in page
    assert "1,030" in words(page)
