"""Staff side of training in the admin: the registrations list, its export, the approve /
decline / attendance actions and who may use them."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from literacy.training.models import Registration
from portal.core.vocabularies import UserGroup
from tests.spreadsheets import csv_rows

from .staff_fixtures import move_session

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/literacy/registration/"
APPROVE_URL = "/admin/literacy/registration/approve/"
DECLINE_URL = "/admin/literacy/registration/decline/"
ATTENDED_URL = "/admin/literacy/registration/attended/"
NOT_ATTENDED_URL = "/admin/literacy/registration/not-attended/"
DENIED = (302, 403)  # the admin redirects to its dashboard with a message; Django answers 403

Status = Registration.Status


def listed_emails(response):
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return {cell.get_text(strip=True) for cell in html.select("table.listing td.field-email")}


def export_rows(client, **params):
    header, *rows = csv_rows(client.get(LIST_URL, {"export": "csv", **params}))
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def two_sessions(make_session):
    for_media = make_session(title="Reading the CPI", audience=UserGroup.MEDIA)
    for_teachers = make_session(
        title="Census in class",
        audience=UserGroup.TEACHERS_AND_STUDENTS,
        requires_approval=True,
        slug="census-in-class",
    )
    return for_media, for_teachers


def test_list_filters_and_search(manager_client, two_sessions, make_registration):
    for_media, for_teachers = two_sessions
    make_registration(for_media, "rita@news.example", name="Rita Reporter", organisation="Daily News")
    make_registration(for_teachers, "tom@school.example", name="Tom Teacher", organisation="Hill School")

    assert listed_emails(manager_client.get(LIST_URL)) == {"rita@news.example", "tom@school.example"}
    by_session = manager_client.get(LIST_URL, {"session": for_teachers.pk})
    assert listed_emails(by_session) == {"tom@school.example"}
    by_status = manager_client.get(LIST_URL, {"status__exact": Status.PENDING})
    assert listed_emails(by_status) == {"tom@school.example"}
    by_audience = manager_client.get(LIST_URL, {"session__audience__exact": UserGroup.MEDIA})
    assert listed_emails(by_audience) == {"rita@news.example"}
    assert listed_emails(manager_client.get(LIST_URL, {"attended__exact": "1"})) == set()
    for term, expected in (("hill school", "tom@school.example"), ("rita", "rita@news.example")):
        assert listed_emails(manager_client.get(LIST_URL, {"q": term})) == {expected}
    future = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    assert listed_emails(manager_client.get(LIST_URL, {"created_at__gte": future})) == set()


def test_csv_export_is_formula_safe_and_follows_filters(manager_client, two_sessions, make_registration):
    for_media, for_teachers = two_sessions
    make_registration(
        for_media,
        "formula@example.org",
        name='=HYPERLINK("http://evil.example","Click")',
        organisation="+cmd|' /C calc'!A0",
        role="-2+3",
        questions="@SUM(A1:A2)",
    )
    make_registration(for_teachers, "other@example.org", name="Tom Teacher")

    rows = export_rows(manager_client, session=for_media.pk)
    assert len(rows) == 1
    row = rows[0]
    assert row["Name"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row["Organisation or outlet"] == "'+cmd|' /C calc'!A0"
    assert row["Role"] == "'-2+3"
    assert row["Questions for the trainer"] == "'@SUM(A1:A2)"
    assert row["Email"] == "formula@example.org"
    assert row["Session"] == "Reading the CPI"
    assert row["Status"] == "Confirmed"


def test_hostile_names_are_escaped_in_the_list(manager_client, session, make_registration):
    make_registration(session, "x@example.org", name="<script>alert(1)</script>")
    listing = manager_client.get(LIST_URL).content.decode()
    assert "<script>alert(1)</script>" not in listing
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in listing


def test_approving_is_confirmed_on_a_page_then_posted(
    manager_client,
    training_manager,
    make_session,
    make_registration,
    smtp_sink,
    django_capture_on_commit_callbacks,
):
    session = make_session(requires_approval=True, title="Accredited media only")
    pending = make_registration(session, "rita@news.example", name="Rita Reporter")
    assert pending.status == Status.PENDING

    listing = BeautifulSoup(manager_client.get(LIST_URL).content, "html.parser")
    approve_link = listing.find("a", string="Approve")
    assert approve_link is not None and approve_link["href"].startswith(f"{APPROVE_URL}?id={pending.pk}")

    confirm = manager_client.get(approve_link["href"])
    assert confirm.status_code == 200
    assert b"Rita Reporter" in confirm.content
    pending.refresh_from_db()
    assert pending.status == Status.PENDING  # a GET changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(APPROVE_URL, {"id": [pending.pk], "next": LIST_URL})
    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    pending.refresh_from_db()
    assert pending.status == Status.CONFIRMED
    [message] = smtp_sink.wait_for(1)
    assert message.rcpt_tos == ("rita@news.example",)
    assert "Approved" in message.subject
    entry = ModelLogEntry.objects.get(object_id=str(pending.pk), action="literacy.registration.approve")
    assert entry.user == training_manager
    history = manager_client.get(f"/admin/literacy/registration/history/{pending.pk}/")
    assert b"Approved" in history.content


def test_declining_needs_a_reason_and_tells_the_person(
    manager_client, make_session, make_registration, smtp_sink, django_capture_on_commit_callbacks
):
    session = make_session(requires_approval=True)
    pending = make_registration(session, "rita@news.example", name="Rita Reporter")

    refused = manager_client.post(DECLINE_URL, {"id": [pending.pk], "reason": "  "})
    assert refused.status_code == 200
    assert b"This field is required" in refused.content
    pending.refresh_from_db()
    assert pending.status == Status.PENDING

    reason = "This session is for accredited journalists only."
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(DECLINE_URL, {"id": [pending.pk], "reason": reason})
    pending.refresh_from_db()
    assert pending.status == Status.DECLINED
    [message] = smtp_sink.wait_for(1)
    assert reason in message.text
    entry = ModelLogEntry.objects.get(object_id=str(pending.pk), action="literacy.registration.decline")
    assert entry.data == {"reason": reason}


def test_bulk_approval_from_the_list_skips_what_does_not_apply(
    manager_client, make_session, make_registration, django_capture_on_commit_callbacks
):
    session = make_session(requires_approval=True, capacity=1)
    first = make_registration(session, "a@example.org", name="Ana First")
    second = make_registration(session, "b@example.org", name="Ben Second")
    cancelled = make_registration(session, "c@example.org", name="Cy Cancelled", status=Status.CANCELLED)
    ids = [first.pk, second.pk, cancelled.pk]

    listing = BeautifulSoup(manager_client.get(LIST_URL).content, "html.parser")
    boxes = listing.select('input[type="checkbox"][name="id"][form="registration-actions"]')
    assert {int(box["value"]) for box in boxes} == set(ids)
    assert listing.select_one("form#registration-actions")["method"] == "get"

    confirm = manager_client.get(APPROVE_URL, {"id": ids})
    assert "Approve 2 registrations?" in confirm.content.decode()
    assert "Cy Cancelled" in confirm.content.decode()  # listed as left unchanged

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(APPROVE_URL, {"id": ids}, follow=True)
    statuses = dict(Registration.objects.filter(pk__in=ids).values_list("name", "status"))
    assert statuses == {
        "Ana First": Status.CONFIRMED,  # the one seat
        "Ben Second": Status.WAITLISTED,
        "Cy Cancelled": Status.CANCELLED,
    }
    shown = [str(message) for message in response.context["messages"]]
    assert any("Approved: Ana First, Ben Second." in text for text in shown)
    assert any("Cy Cancelled" in text and "Left unchanged" in text for text in shown)


def test_attendance_is_marked_after_the_session_starts(manager_client, make_session, make_registration):
    session = make_session()
    came = make_registration(session, "came@example.org", name="Came Along")
    stayed_away = make_registration(session, "away@example.org", name="Stayed Away")
    waiting = make_registration(session, "wait@example.org", name="Still Waiting", status=Status.WAITLISTED)

    too_early = manager_client.post(ATTENDED_URL, {"id": [came.pk]})
    assert too_early.status_code == 302
    came.refresh_from_db()
    assert came.attended is None  # the session has not started yet

    move_session(session, starts_in=-datetime.timedelta(hours=3))
    manager_client.post(ATTENDED_URL, {"id": [came.pk, waiting.pk]})
    manager_client.post(NOT_ATTENDED_URL, {"id": [stayed_away.pk]})
    attendance = dict(Registration.objects.filter(session=session).values_list("name", "attended"))
    assert attendance == {"Came Along": True, "Stayed Away": False, "Still Waiting": None}
    assert listed_emails(manager_client.get(LIST_URL, {"attended__exact": "1"})) == {"came@example.org"}
    assert ModelLogEntry.objects.filter(action="literacy.registration.attended").count() == 1


def test_actions_need_post_and_csrf(training_manager, session, make_registration):
    registration = make_registration(session, "rita@news.example")
    move_session(session, starts_in=-datetime.timedelta(hours=3))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(training_manager)
    assert strict.post(ATTENDED_URL, {"id": [registration.pk]}).status_code == 403
    assert strict.put(ATTENDED_URL, {"id": [registration.pk]}).status_code in (403, 405)
    strict.get(ATTENDED_URL, {"id": [registration.pk]})
    registration.refresh_from_db()
    assert registration.attended is None


@pytest.mark.parametrize("url", [APPROVE_URL, DECLINE_URL, ATTENDED_URL, NOT_ATTENDED_URL])
def test_actions_need_the_change_permission(client, comms_member, make_session, make_registration, url):
    session = make_session(requires_approval=True)
    registration = make_registration(session, "rita@news.example")
    client.force_login(comms_member)
    assert client.get(url, {"id": [registration.pk]}).status_code in DENIED
    assert client.post(url, {"id": [registration.pk], "reason": "No."}).status_code in DENIED
    registration.refresh_from_db()
    assert registration.status == Status.PENDING
    assert not ModelLogEntry.objects.filter(object_id=str(registration.pk)).exists()


def test_anonymous_visitors_are_sent_to_log_in(client, session, make_registration):
    registration = make_registration(session, "rita@news.example")
    for url in (LIST_URL, APPROVE_URL):
        response = client.post(url, {"id": [registration.pk]})
        assert response.status_code == 302
        assert "/login/" in response["Location"]


def test_communications_team_lists_and_exports_but_cannot_act(
    client, comms_member, session, make_registration
):
    make_registration(session, "rita@news.example", name="Rita Reporter")
    client.force_login(comms_member)
    listing = client.get(LIST_URL)
    assert listed_emails(listing) == {"rita@news.example"}
    html = BeautifulSoup(listing.content, "html.parser")
    assert not html.select('input[name="id"]')  # no select column, no action bar
    assert html.find("a", string="Approve") is None and html.find("a", string="Decline") is None
    assert [row["Email"] for row in export_rows(client)] == ["rita@news.example"]


def test_registrations_cannot_be_created_edited_or_deleted_generically(
    superuser_client, session, make_registration
):
    registration = make_registration(session, "rita@news.example")
    for url in (
        "/admin/literacy/registration/create/",
        f"/admin/literacy/registration/edit/{registration.pk}/",
        f"/admin/literacy/registration/delete/{registration.pk}/",
    ):
        assert superuser_client.get(url).status_code in DENIED, url
    assert superuser_client.get(f"/admin/literacy/registration/inspect/{registration.pk}/").status_code == 200


def test_history_is_for_staff_who_may_see_registrations(client, make_staff, session, make_registration):
    registration = make_registration(session, "rita@news.example")
    editor = make_staff("editor@statistics.example")
    client.force_login(editor)
    response = client.get(f"/admin/literacy/registration/history/{registration.pk}/")
    assert response.status_code in DENIED
    assert b"rita" not in response.content.lower()


def test_staff_without_permission_cannot_list_registrations(client, make_staff, session, make_registration):
    make_registration(session, "private@example.org")
    client.force_login(make_staff("editor@statistics.example"))
    response = client.get(LIST_URL)
    assert response.status_code in DENIED
    assert b"private@example.org" not in response.content


def test_list_query_count_does_not_grow(
    manager_client, make_session, make_registration, django_assert_max_num_queries
):
    session = make_session(capacity=50)
    for index in range(3):
        make_registration(session, f"p{index}@example.org", name=f"Person {index}")
    with django_assert_max_num_queries(60) as few:
        manager_client.get(LIST_URL)
    for index in range(3, 30):
        make_registration(session, f"p{index}@example.org", name=f"Person {index}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        manager_client.get(LIST_URL)
