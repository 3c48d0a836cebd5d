import threading

import pytest
from django.db import close_old_connections

from portal.contacts.models import Consent, Contact, Touchpoint, TouchpointKind
from portal.contacts.services import ConsentGiven, normalise_email, record_touchpoint
from portal.core.vocabularies import UserGroup
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "raw", ["Ana@Example.org", "  ana@example.org  ", "ANA@EXAMPLE.ORG", "\tana@example.org\n"]
)
def test_email_is_normalised(raw):
    assert normalise_email(raw) == "ana@example.org"


def test_same_person_in_different_case_and_spacing_is_one_contact():
    first = record_touchpoint("Ana@Example.org", kind=TouchpointKind.NEWSLETTER_SIGNUP)
    second = record_touchpoint("  ana@EXAMPLE.org ", kind=TouchpointKind.FORUM_JOIN)
    assert first.pk == second.pk
    assert Contact.objects.count() == 1
    assert list(first.touchpoints.values_list("kind", flat=True).order_by("pk")) == [
        TouchpointKind.NEWSLETTER_SIGNUP,
        TouchpointKind.FORUM_JOIN,
    ]


def test_touchpoint_records_what_and_where():
    contact = record_touchpoint(
        "b@example.org", kind=TouchpointKind.FEEDBACK, source="/en/stories/prices/", detail="Chart unclear"
    )
    touchpoint = Touchpoint.objects.get(contact=contact)
    assert (touchpoint.kind, touchpoint.source, touchpoint.detail) == (
        TouchpointKind.FEEDBACK,
        "/en/stories/prices/",
        "Chart unclear",
    )
    assert touchpoint.created_at is not None


def test_consent_keeps_exact_wording_and_withdrawal_is_a_new_record():
    wording = "I agree to receive the monthly newsletter."
    record_touchpoint(
        "c@example.org", kind=TouchpointKind.NEWSLETTER_SIGNUP, consent=ConsentGiven("newsletter", wording)
    )
    record_touchpoint(
        "c@example.org",
        kind=TouchpointKind.NEWSLETTER_SIGNUP,
        consent=ConsentGiven("newsletter", "Unsubscribed", granted=False),
    )
    consents = list(Consent.objects.order_by("recorded_at", "pk").values_list("wording", "granted"))
    assert consents == [(wording, True), ("Unsubscribed", False)]


def test_profile_fills_and_updates_but_blank_never_erases():
    record_touchpoint(
        "d@example.org",
        kind=TouchpointKind.ACCOUNT_SIGNUP,
        user_group=UserGroup.MEDIA,
        organisation="Daily Bugle",
        topics=["prices", "jobs"],
    )
    contact = record_touchpoint(
        "d@example.org", kind=TouchpointKind.TRAINING_REGISTRATION, organisation="", region="North"
    )
    contact.refresh_from_db()
    assert contact.user_group == UserGroup.MEDIA
    assert contact.organisation == "Daily Bugle"
    assert contact.region == "North"
    assert sorted(contact.topics.names()) == ["jobs", "prices"]


def test_overlong_source_is_truncated_not_refused():
    contact = record_touchpoint("e@example.org", kind=TouchpointKind.FEEDBACK, source="/x" * 1000)
    assert len(contact.touchpoints.get().source) == 500


@pytest.mark.parametrize("email", ["", "   "])
def test_blank_email_is_refused(email):
    with pytest.raises(ValueError, match="email"):
        record_touchpoint(email, kind=TouchpointKind.FEEDBACK)
    assert not Contact.objects.exists()


def test_unknown_profile_field_is_a_programming_error():
    with pytest.raises(TypeError, match="favourite_colour"):
        record_touchpoint("f@example.org", kind=TouchpointKind.FEEDBACK, favourite_colour="blue")
    assert not Contact.objects.exists()


def test_links_account_once():
    user, other = UserFactory(email="g@example.org"), UserFactory(email="h@example.org")
    record_touchpoint("g@example.org", kind=TouchpointKind.ACCOUNT_SIGNUP, user=user)
    contact = record_touchpoint("g@example.org", kind=TouchpointKind.FEEDBACK, user=other)
    assert contact.user == user


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_calls_create_one_contact():
    """Eight requests for one new address at the same instant: one contact, eight touchpoints."""
    workers = 8
    barrier = threading.Barrier(workers)
    errors = []

    def sign_up(index):
        try:
            barrier.wait(timeout=10)
            record_touchpoint(
                f"  Race@Example.org{' ' * index}", kind=TouchpointKind.NEWSLETTER_SIGNUP, source=f"/t{index}"
            )
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=sign_up, args=(index,)) for index in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Contact.objects.filter(email="race@example.org").count() == 1
    assert Touchpoint.objects.filter(contact__email="race@example.org").count() == workers


def test_streamed_csv_lines_are_formula_safe():
    from portal.contacts.exports import safe_csv_lines

    lines = list(safe_csv_lines([["Name", "Note"], ["=cmd|' /C calc'!A0", 12], ["@SUM(A1)", "-1 day"]]))
    assert lines == ["Name,Note\r\n", "'=cmd|' /C calc'!A0,12\r\n", "'@SUM(A1),'-1 day\r\n"]
