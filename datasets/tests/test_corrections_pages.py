"""The public side of corrections: the list (order, filters, bad input, pagination, empty state,
queries), a notice's page, the Atom feed, the dataset page, the line on charts and key figures,
and the embargo: a notice of a version that is not public shows nowhere."""

import html
import re
from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from datasets.blocks import IndicatorChartBlock, IndicatorKeyFigureBlock
from datasets.models import RevisionNotice
from datasets.tests.corrections_helpers import REASON, first_version, second_version
from datasets.tests.factories import (
    CodeFactory,
    DatasetFactory,
    DatasetVersionFactory,
    IndicatorFactory,
    ObservationFactory,
)
from datasets.views import corrections as views

LIST = "/en/data/corrections/"
FEED = "/en/data/corrections/feed/atom/"


def words(content):
    """The words a reader sees, tags dropped, spaces squeezed."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", content)).split())
    return re.sub(r" ([,.;:)])", r"\1", text)


@pytest.fixture
def corrected(dataset, django_capture_on_commit_callbacks):
    """Population, version 2 correcting version 1: its notice."""
    first_version(dataset)
    with django_capture_on_commit_callbacks(execute=True):
        second_version(dataset)
    return RevisionNotice.objects.get()


def make_notice(dataset=None, kind="revision", reason="Scheduled.", published_at=None, topics="Population"):
    """A notice without importing: a dataset with two versions (the second published at
    ``published_at``, an hour ago by default) and one changed figure."""
    if dataset is None:
        area = CodeFactory(code="NAT")
        dataset = DatasetFactory(topics=topics, area_code_list=area.code_list)
    indicator = IndicatorFactory(dataset=dataset, code="POP")
    number = dataset.versions.count()
    earlier = timezone.now() - timedelta(days=2)
    old = DatasetVersionFactory(dataset=dataset, number=number + 1, published_at=earlier)
    new = DatasetVersionFactory(
        dataset=dataset,
        number=number + 2,
        published_at=published_at or timezone.now() - timedelta(hours=1),
        revision_kind=kind,
        revision_reason=reason,
    )
    notice = RevisionNotice.objects.create(
        dataset=dataset, version=new, previous=old, kind=kind, reason=reason, changed=1
    )
    notice.indicators.add(indicator)
    return notice


# The list


def test_the_list_shows_each_notice_newest_first(client, corrected):
    older = make_notice(published_at=timezone.now() - timedelta(days=1), reason="Older one.")
    response = client.get(LIST)
    assert response.status_code == 200
    text = words(response.content.decode())
    assert "2 notices" in text
    assert text.index("Correction: Population, version 2") < text.index(
        f"Routine revision: {older.dataset.title}"
    )
    assert REASON in text and "1 figure changed, 1 removed" in text
    assert f'href="/en/data/corrections/{corrected.pk}/"' in response.content.decode()
    assert 'type="application/atom+xml"' in response.content.decode()


def test_the_list_says_when_there_is_nothing_yet(client, db):
    response = client.get(LIST)
    assert response.status_code == 200
    assert "No published figure has been corrected or revised yet." in words(response.content.decode())


def test_filters_by_dataset_topic_and_kind(client, corrected):
    other = make_notice(topics="Prices, Inflation", kind="revision")
    corrected.dataset.topics = "Population"
    corrected.dataset.save()
    cases = {
        f"?dataset={other.dataset.slug}": [other],
        "?dataset=population": [corrected],
        "?topic=Inflation": [other],
        "?topic=Population": [corrected],
        "?kind=correction": [corrected],
        "?kind=revision&topic=Prices": [other],
        "?kind=correction&topic=Prices": [],
    }
    for query, expected in cases.items():
        response = client.get(LIST + query)
        assert response.status_code == 200, query
        assert [n.pk for n in response.context["notices"]] == [n.pk for n in expected], query
    assert "No corrections or revisions match these filters." in words(
        client.get(LIST + "?kind=correction&topic=Prices").content.decode()
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?dataset=nope", "Dataset: There is no dataset “nope” with notices."),
        ("?topic=%3Cscript%3Ealert(1)%3C/script%3E", "Topic: There is no topic “<script>alert(1)</script>”."),
        ("?kind=typo", "Kind: There is no kind “typo”."),
    ],
)
def test_a_bad_filter_is_named_and_answered_with_400(client, corrected, query, message):
    response = client.get(LIST + query + "&kind=correction" if "kind" not in query else LIST + query)
    assert response.status_code == 400
    content = response.content.decode()
    assert "<script>alert" not in content
    assert message in words(content)
    assert "error-summary" in content


def test_the_other_filters_still_apply_beside_a_bad_one(client, corrected):
    make_notice(kind="revision")
    response = client.get(LIST + "?dataset=nope&kind=correction")
    assert response.status_code == 400
    assert [n.pk for n in response.context["notices"]] == [corrected.pk]


def test_the_list_is_paginated(client, db, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    notices = [make_notice(published_at=timezone.now() - timedelta(minutes=n + 1)) for n in range(5)]
    second = client.get(LIST + "?page=2&kind=revision")
    assert [n.pk for n in second.context["notices"]] == [notices[2].pk, notices[3].pk]
    content = second.content.decode()
    assert "Page 2 of 3" in content and "kind=revision&amp;page=3" in content
    assert client.get(LIST + "?page=99").context["notices"].number == 3
    assert client.get(LIST + "?page=x").context["notices"].number == 1


def list_queries(client):
    client.get(LIST)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(LIST).status_code == 200
    return len(captured.captured_queries)


def test_the_lists_queries_do_not_grow_with_the_notices(client, db):
    make_notice()
    make_notice()
    few = list_queries(client)
    for _ in range(6):
        make_notice()
    assert list_queries(client) == few


def test_hostile_reasons_and_titles_are_escaped(client, db):
    notice = make_notice(reason='<script>alert("x")</script>')
    notice.dataset.title = "<img src=x onerror=alert(1)>"
    notice.dataset.save()
    for url in (LIST, notice.get_absolute_url()):
        content = client.get(url).content.decode()
        assert "<script>alert" not in content and "<img src=x" not in content
        assert "&lt;script&gt;" in content


# A notice's page


def test_a_notice_page_says_what_changed_why_when_and_by_whom(client, corrected):
    response = client.get(corrected.get_absolute_url())
    assert response.status_code == 200
    text = words(response.content.decode())
    assert "Correction: Population" in text and "An error in published figures was fixed." in text
    assert "version 2 replaces version 1" in text
    assert f"Why {REASON}" in text
    assert "By National Statistics Office (contact: Population statistics)" in text
    assert "Indicators Population (POP)" in text
    assert "1 figure changed, 1 removed, 1 added" in text
    assert "POP 2024 NAT 1030 (P) → 1045 (A)" in text and "POP 2024 R1 420 (A)" in text
    assert 'href="/en/data/corrections/?dataset=population"' in response.content.decode()
    assert "datetime=" in response.content.decode()


def test_an_unknown_notice_is_not_found(client, db):
    assert client.get("/en/data/corrections/999/").status_code == 404
    assert client.get("/en/data/corrections/abc/").status_code == 404


# The feed


def test_the_atom_feed_lists_the_notices(client, corrected):
    older = make_notice(published_at=timezone.now() - timedelta(days=1))
    response = client.get(FEED)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.feed.title == "Corrections and revisions"
    assert [entry.title for entry in feed.entries] == [
        "Correction: Population, version 2",
        f"Routine revision: {older.dataset.title}, version {older.version.number}",
    ]
    first = feed.entries[0]
    assert first.id == f"urn:uuid:{corrected.uid}"
    assert first.link.endswith(f"/en/data/corrections/{corrected.pk}/")
    assert REASON in first.summary and "1 figure changed, 1 removed." in first.summary
    assert {tag.term for tag in first.tags} >= {"Correction"}


def test_the_feed_is_empty_without_notices(client, db):
    feed = feedparser.parse(client.get(FEED).content)
    assert not feed.bozo and feed.entries == []


# The dataset page


def test_the_dataset_page_shows_its_notices(client, corrected):
    content = client.get("/en/data/population/").content.decode()
    text = words(content)
    assert "Corrections and revisions" in text and "Correction, version 2" in text and REASON in text
    assert f'href="/en/data/corrections/{corrected.pk}/"' in content
    assert 'href="/en/data/corrections/?dataset=population"' in content


def test_a_dataset_page_without_notices_shows_no_section(client, dataset):
    first_version(dataset)
    assert "Corrections and revisions" not in client.get("/en/data/population/").content.decode()


# The line on charts and key figures


def chart(indicator):
    block = IndicatorChartBlock()
    raw = {"indicator": indicator.pk, "areas": "NAT", "breakdown": "", "period_from": "2023"}
    value = block.to_python(
        raw | {"period_to": "2024", "chart_type": "line", "title": "", "summary": "", "notes": ""}
    )
    return str(block.render(value))


def key_figure(indicator):
    block = IndicatorKeyFigureBlock()
    raw = {"indicator": indicator.pk, "area": "NAT", "breakdown": "", "period": "", "label": ""}
    return str(block.render(block.to_python(raw)))


def test_charts_and_key_figures_of_a_revised_indicator_link_to_the_notice(corrected):
    pop = corrected.dataset.indicators.get(code="POP")
    date = f"{corrected.published_at:%-d %B %Y}"
    for rendered in (chart(pop), key_figure(pop)):
        assert f'<a href="/en/data/corrections/{corrected.pk}/">Corrected on' in rendered
        assert f"Corrected on {date} — see the notice" in words(rendered)
        assert 'datetime="' in rendered


def test_an_indicator_that_did_not_change_carries_no_line(corrected):
    births = corrected.dataset.indicators.get(code="BIRTHS")
    rendered = key_figure(births)
    assert "12" in words(rendered) and "see the notice" not in rendered


def test_a_routine_revision_says_revised(dataset, django_capture_on_commit_callbacks):
    first_version(dataset)
    with django_capture_on_commit_callbacks(execute=True):
        second_version(dataset, kind="revision", reason="Final figures.")
    assert "Revised on" in words(key_figure(dataset.indicators.get(code="POP")))


def test_the_newsletter_renderings_carry_the_line_with_absolute_links(corrected):
    pop = corrected.dataset.indicators.get(code="POP")
    block = IndicatorKeyFigureBlock()
    value = block.to_python({"indicator": pop.pk, "area": "NAT", "breakdown": "", "period": "", "label": ""})
    rendering = block.renderings(value, "https://stats.example/")
    link = f"https://stats.example/en/data/corrections/{corrected.pk}/"
    assert f'href="{link}"' in rendering.email_html
    assert f"see the notice: {link}" in rendering.text
    assert f'href="/en/data/corrections/{corrected.pk}/"' in rendering.html, (
        "the web page links like its other links"
    )


# Embargo: a notice of a version not yet public never shows


def test_a_notice_of_an_embargoed_version_shows_nowhere(client, dataset):
    first_version(dataset)
    pop = dataset.indicators.get(code="POP")
    public_version = dataset.current_version()
    embargoed = DatasetVersionFactory(
        dataset=dataset, number=2, published_at=timezone.now() + timedelta(minutes=5)
    )
    ObservationFactory(version=embargoed, indicator=pop, area=public_version.observations.first().area)
    notice = RevisionNotice.objects.create(
        dataset=dataset,
        version=embargoed,
        previous=public_version,
        kind="correction",
        reason="Secret 9999.",
        changed=1,
    )
    notice.indicators.add(pop)
    assert "Secret" not in client.get(LIST).content.decode()
    assert client.get(LIST + "?dataset=population").status_code == 400, "no public notice of it yet"
    assert client.get(notice.get_absolute_url()).status_code == 404
    assert "Secret" not in client.get(FEED).content.decode()
    assert "Secret" not in client.get("/en/data/population/").content.decode()
    assert "see the notice" not in chart(pop) + key_figure(pop)
    assert not RevisionNotice.objects.public().exists()
    assert RevisionNotice.objects.public(at=timezone.now() + timedelta(minutes=6)).get() == notice
