"""The training demo content, and the home page's "Upcoming training" built from it."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model

from literacy.models import (
    Audience,
    Registration,
    SessionFeedback,
    SessionMaterial,
    TrainingIndexPage,
    TrainingSessionPage,
)
from portal.contacts.models import Consent, Contact, Touchpoint
from tests.queries import queries_for

from .conftest import session_fields

pytestmark = pytest.mark.django_db

Status = Registration.Status


def upcoming():
    return TrainingSessionPage.objects.live().filter(starts_at__gt=timezone.now()).order_by("starts_at")


def test_demo_index_replaces_the_placeholder(demo_site):
    index = demo_site.get_children().get(slug="training")
    assert index.specific_class is TrainingIndexPage
    assert index.show_in_menus and index.live
    assert index.url == "/training/"


def test_demo_has_six_upcoming_sessions_three_for_journalists(demo_site):
    sessions = list(upcoming())
    assert len(sessions) == 6
    assert sum(session.audience == Audience.JOURNALISTS for session in sessions) == 3
    assert "Reading the consumer price index: a two-hour module for the media" in [s.title for s in sessions]
    for session in sessions:
        session.full_clean()  # an editor could save every one of them as it is


def test_one_upcoming_session_is_full_with_a_waitlist(demo_site):
    full = [
        session
        for session in upcoming()
        if session.registrations.filter(status=Status.CONFIRMED).count() == session.capacity
    ]
    assert len(full) == 1
    waiting = full[0].registrations.filter(status=Status.WAITLISTED)
    assert waiting.count() >= 1
    assert all(
        email.endswith("@example.org") for email in full[0].registrations.values_list("email", flat=True)
    )


def test_demo_registrants_are_in_the_user_database(demo_site):
    registrations = Registration.objects.select_related("contact")
    assert registrations.exists()
    for registration in registrations:
        assert registration.contact.email == registration.email
        assert Consent.objects.filter(contact=registration.contact, purpose="training_registration").exists()


def test_two_past_sessions_have_materials_attendance_and_feedback(demo_site):
    past = list(TrainingSessionPage.objects.live().filter(starts_at__lt=timezone.now()))
    assert len(past) == 2
    for session in past:
        assert session.materials.exists()
        assert session.registrations.filter(attended=True).exists()
        assert session.registrations.filter(attended=False).exists()
        assert SessionFeedback.objects.filter(registration__session=session).exists()
        # Already thanked, so the follow-up cron does not write to demo people on its first run.
        assert not session.registrations.filter(attended=True, thank_you_sent_at__isnull=True).exists()
    documents = SessionMaterial.objects.filter(session__in=past, document__isnull=False)
    assert documents.exists()
    for material in documents:
        with material.document.file.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"


def test_second_run_changes_nothing(demo_site):
    def counts():
        return [
            model.objects.count()
            for model in (
                TrainingSessionPage,
                Registration,
                SessionFeedback,
                SessionMaterial,
                Contact,
                Touchpoint,
                Consent,
                get_document_model(),
            )
        ]

    before = counts()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert counts() == before


def test_home_says_which_sessions_are_full(client, demo_site):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    items = html.select(".home-training__item")
    full = [item.a.get_text(strip=True) for item in items if "full: waitlist open" in item.get_text()]
    assert full == ["Reading the consumer price index: a two-hour module for the media"]


def test_home_lists_the_next_three_live_sessions(client, demo_site):
    first = upcoming().first()
    first.cancelled = True
    first.save_revision().publish()
    expected = [session.title for session in upcoming().filter(cancelled=False)[:3]]
    html = BeautifulSoup(client.get("/").content, "html.parser")
    section = html.select_one('section[aria-labelledby="training-heading"]')
    items = section.select(".home-training__item")
    assert [item.a.get_text(strip=True) for item in items] == expected
    assert first.title not in section.get_text()
    nearest = upcoming().filter(cancelled=False).first()
    assert items[0].a["href"] == nearest.url
    assert items[0].time["datetime"] == nearest.starts_at.isoformat()
    assert nearest.get_format_display() in items[0].get_text()
    assert section.find("a", string="All training sessions")["href"] == "/training/"
    assert not section.select(".empty-state")


def test_home_query_count_does_not_grow_with_sessions(client, demo_site):
    index = TrainingIndexPage.objects.get()
    with_demo = queries_for(client, "/")
    for number in range(10):
        session = TrainingSessionPage(**session_fields(slug=f"extra-{number}", title=f"Extra {number}"))
        index.add_child(instance=session)
        session.save_revision().publish()
    assert queries_for(client, "/") == with_demo
