"""The release calendar's .ics, the Atom feeds and the figures' status words in French and Arabic:
each fetched at the language's own address, with no English left in the words we write."""

import feedparser
import pytest
from django.urls import reverse
from django.utils.translation import override
from icalendar import Calendar

from datasets import slices
from datasets.models import Observation, Release, RevisionNotice
from datasets.tests.corrections_helpers import first_version, second_version
from datasets.tests.factories import DatasetFactory, ReleaseFactory

Status = Release.Status
HOSTILE_TOPIC = 'Jobs<script>alert(1)</script>; "x", y\r\nBEGIN:VEVENT\r\nX-INJECTED:yes'


def get_in(client, language, name, query=None, **kwargs):
    """GET the address of ``name`` in ``language`` (its prefix, once addresses carry one; the
    Accept-Language header says the same until then)."""
    with override(language):
        url = reverse(name, kwargs=kwargs or None)
    return client.get(url, query or {}, HTTP_ACCEPT_LANGUAGE=language)


def calendar_of(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


# The release calendar (.ics)


def test_the_release_calendar_in_french(client, db):
    ReleaseFactory(
        title="Jobs", topic="Labour", status=Status.CANCELLED, status_reason="Merged into another."
    )
    ReleaseFactory(title="Prices", topic="Prices", status=Status.CONFIRMED)
    response = get_in(client, "fr", "datasets:releases_ics")
    calendar = calendar_of(response)
    raw = response.content.decode()
    assert "X-WR-CALNAME;LANGUAGE=fr:Calendrier des publications\r\n" in raw
    events = {str(event["SUMMARY"]): str(event["DESCRIPTION"]) for event in calendar.walk("VEVENT")}
    assert events == {"Jobs": "Annulée : Merged into another.", "Prices": "Confirmée."}
    assert "Release calendar" not in raw.replace("//Release calendar//", "")  # the PRODID stays
    assert "Cancelled" not in raw and "Confirmed." not in raw
    assert str(calendar["PRODID"]) == "-//National Statistics Office//Release calendar//EN"


def test_one_topics_release_calendar_in_arabic(client, db):
    ReleaseFactory(title="Jobs", topic="Labour", status=Status.POSTPONED, status_reason="Late data.")
    ReleaseFactory(title="Prices", topic="Prices")
    response = get_in(client, "ar", "datasets:releases_ics", {"topic": "Labour"})
    calendar = calendar_of(response)
    assert "X-WR-CALNAME;LANGUAGE=ar:تقويم الإصدارات: Labour\r\n" in response.content.decode()
    [event] = calendar.walk("VEVENT")
    assert str(event["DESCRIPTION"]) == "مؤجَّل: Late data."
    assert "Postponed" not in response.content.decode()


def test_the_calendar_says_english_in_english(client, db):
    ReleaseFactory(title="Prices", topic="Prices", status=Status.CONFIRMED)
    response = get_in(client, "en-gb", "datasets:releases_ics")
    assert "X-WR-CALNAME;LANGUAGE=en-GB:Release calendar\r\n" in response.content.decode()
    assert str(calendar_of(response).walk("VEVENT")[0]["DESCRIPTION"]) == "Confirmed."


@pytest.mark.parametrize("topic", ["Nowhere", "", "<script>", "x" * 1000])
def test_an_unknown_topic_is_still_not_found_in_french(client, db, topic):
    ReleaseFactory(topic="Labour")
    assert get_in(client, "fr", "datasets:releases_ics", {"topic": topic}).status_code == 404


def test_a_hostile_topic_is_escaped_in_the_calendars_name(client, db):
    ReleaseFactory(title="Jobs", topic=HOSTILE_TOPIC)
    response = get_in(client, "fr", "datasets:releases_ics", {"topic": HOSTILE_TOPIC})
    calendar = calendar_of(response)
    lines = response.content.decode().replace("\r\n ", "").split("\r\n")  # unfolded
    assert [line for line in lines if line.startswith("BEGIN:VEVENT")] == ["BEGIN:VEVENT"]
    assert not [line for line in lines if line.startswith("X-INJECTED")]
    [name] = [line for line in lines if line.startswith("X-WR-CALNAME")]
    assert name.startswith("X-WR-CALNAME;LANGUAGE=fr:Calendrier des publications : Jobs<script>")
    assert '\\; "x"\\, y\\nBEGIN:VEVENT\\nX-INJECTED:yes' in name
    assert len(calendar.walk("VEVENT")) == 1


# The Atom feeds


def test_the_published_releases_feed_in_french(client, db):
    ReleaseFactory(title="Out", dataset=DatasetFactory(), status=Status.PUBLISHED, summary="Figures.")
    response = get_in(client, "fr", "datasets:releases_atom")
    content = response.content.decode()
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.feed.title == "Publications parues"
    assert feed.feed.subtitle.startswith("Les statistiques dès leur publication")
    assert 'xml:lang="fr"' in content
    assert "Published releases" not in content and "Statistics as they are released" not in content
    with override("fr"):
        calendar_url = reverse("datasets:releases")
    assert feed.feed.link.endswith(calendar_url)


def test_the_published_releases_feed_in_arabic_escapes_a_hostile_topic(client, db):
    ReleaseFactory(title="Out<b>", topic="<script>x</script>", status=Status.PUBLISHED)
    response = get_in(client, "ar", "datasets:releases_atom")
    content = response.content.decode()
    feed = feedparser.parse(response.content)
    assert feed.feed.title == "الإصدارات المنشورة" and 'xml:lang="ar"' in content
    assert "<script>" not in content and "&lt;script&gt;" in content
    assert [tag.term for tag in feed.entries[0].tags] == ["<script>x</script>"]


@pytest.fixture
def corrected(dataset, django_capture_on_commit_callbacks):
    """Population, version 2 correcting version 1."""
    first_version(dataset)
    with django_capture_on_commit_callbacks(execute=True):
        second_version(dataset)
    return RevisionNotice.objects.get()


@pytest.mark.parametrize(
    ("language", "title", "entry", "counts"),
    [
        (
            "fr",
            "Corrections et révisions",
            "Correction : Population, version 2",
            "1 chiffre modifié, 1 supprimé(s).",
        ),
        ("ar", "التصحيحات والتنقيحات", "تصويب: Population، النسخة 2", "الأرقام المتغيرة: 1، والمحذوفة: 1."),
    ],
)
def test_the_corrections_feed_in_french_and_arabic(client, corrected, language, title, entry, counts):
    response = get_in(client, language, "datasets:corrections_atom")
    content = response.content.decode()
    feed = feedparser.parse(response.content)
    assert not feed.bozo and f'xml:lang="{language}"' in content
    assert feed.feed.title == title
    assert counts in feed.entries[0].summary
    assert feed.entries[0].title == entry
    assert "Corrections and revisions" not in content and "figure changed" not in content
    with override(language):
        assert feed.entries[0].link.endswith(reverse("datasets:correction", kwargs={"pk": corrected.pk}))


def test_a_correction_notice_page_explains_its_kind_in_french(client, corrected):
    response = get_in(client, "fr", "datasets:correction", pk=corrected.pk)
    content = response.content.decode()
    assert "Une erreur dans des chiffres publiés a été corrigée." in content
    assert "error in published figures" not in content


# The figures' own words


@pytest.mark.parametrize(
    ("language", "missing", "confidential", "label"),
    [
        ("fr", "non disponible", "confidentiel", "Rupture de série"),
        ("ar", "غير متاح", "سري", "انقطاع في السلسلة"),
        ("en-gb", "not available", "confidential", "Break in series"),
    ],
)
def test_a_figure_without_a_value_says_why_in_the_readers_language(language, missing, confidential, label):
    without = Observation(status=Observation.MISSING, value=None)
    secret = Observation(status=Observation.CONFIDENTIAL, value=None)
    broken = Observation(status=Observation.BREAK, value=3)
    with override(language):
        assert without.display_value() == missing and slices.cell_text(without, 1) == missing
        assert secret.display_value() == confidential and slices.cell_text(secret, 1) == confidential
        assert broken.get_status_display() == label
        # The records and logs keep one wording whatever the language.
        assert (without.canonical_value(), secret.canonical_value()) == ("not available", "confidential")
        assert broken.canonical_value() == "3"
