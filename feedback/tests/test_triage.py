"""Staff triage: assign, tag, change the status (with a reason), redirect, reply; all of it in the history."""

import pytest

from feedback import data_requests
from feedback.models import DataRequest, DataRequestEvent
from tests.factories import StaffFactory
from tests.spreadsheets import csv_rows

from .helpers import request_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_request(request_page, django_capture_on_commit_callbacks):
    details = request_form_data(request_page)
    fields = {
        key: details[key]
        for key in ("what", "purpose", "purpose_detail", "name", "email", "organisation", "user_group")
    }
    with django_capture_on_commit_callbacks(execute=True):
        return data_requests.submit(**fields, consent_wording=request_page.consent_text)


@pytest.fixture
def triage(client, triager, django_capture_on_commit_callbacks):
    """triage(data_request, **fields): POST the triage form as the analyst; emails go out."""
    client.force_login(triager)

    def post(data_request, **fields):
        data_request.refresh_from_db()
        data = {"status": data_request.status, "message": "", "product_url": "", **fields}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/admin/feedback/requests/{data_request.pk}/", data)

    return post


def test_the_triage_screen_shows_the_request_its_history_and_the_form(client, triager, data_request):
    client.force_login(triager)
    response = client.get(f"/admin/feedback/requests/{data_request.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert data_request.reference in html
    assert data_request.what in html
    assert "Triage and reply" in html
    assert 'name="status"' in html


def test_assigning_and_tagging_are_logged_without_emailing_the_requester(
    triage, triager, data_request, themes, smtp_sink
):
    smtp_sink.clear()
    response = triage(data_request, assigned_to=triager.pk, themes=[themes["Regional figures"].pk])
    assert response.status_code == 302
    data_request.refresh_from_db()
    assert data_request.assigned_to == triager
    assert list(data_request.themes.values_list("name", flat=True)) == ["Regional figures"]
    kinds = list(data_request.events.values_list("kind", "message", "user__email"))
    assert kinds == [
        ("received", "", None),
        ("assigned", "Assigned to Jo Analyst", "analyst@statistics.example"),
        ("themes", "Regional figures", "analyst@statistics.example"),
    ]
    assert smtp_sink.messages == []


def test_a_status_change_is_logged_and_emailed(triage, data_request, smtp_sink):
    smtp_sink.clear()
    triage(data_request, status="in_progress")
    data_request.refresh_from_db()
    assert data_request.status == "in_progress"
    assert data_request.closed_at is None
    event = data_request.events.get(kind="status")
    assert event.status == "in_progress"
    [email] = smtp_sink.wait_for(1)
    assert email.subject == f"Your data request {data_request.reference}: in progress"
    assert "A statistician is working on your request." in email.text


def test_answering_closes_the_request_and_sends_the_answer(triage, data_request, smtp_sink):
    smtp_sink.clear()
    triage(data_request, status="answered", message="Here is your table:\nhttps://statistics.example/t/42")
    data_request.refresh_from_db()
    assert data_request.status == "answered"
    assert data_request.closed_at is not None
    [email] = smtp_sink.wait_for(1)
    assert "We have answered your request." in email.text
    assert "https://statistics.example/t/42" in email.text


def test_declining_needs_a_reason_which_the_requester_reads(
    triage, data_request, smtp_sink, client, request_page
):
    smtp_sink.clear()
    response = triage(data_request, status="declined")
    assert response.status_code == 200
    assert "Give the reason for declining" in response.content.decode()
    data_request.refresh_from_db()
    assert data_request.status == "received"
    assert smtp_sink.messages == []

    triage(data_request, status="declined", message="These figures would identify individual firms.")
    data_request.refresh_from_db()
    assert data_request.status == "declined"
    [email] = smtp_sink.wait_for(1)
    assert "These figures would identify individual firms." in email.text
    client.logout()
    status_page = client.get(f"{request_page.url}status/{data_request.token}/").content.decode()
    assert "Declined" in status_page
    assert "These figures would identify individual firms." in status_page


def test_redirecting_needs_the_existing_product(triage, data_request, smtp_sink):
    smtp_sink.clear()
    response = triage(data_request, status="redirected")
    assert "Give the address of the existing product" in response.content.decode()
    triage(data_request, status="redirected", product_url="https://statistics.example/prices/cpi")
    data_request.refresh_from_db()
    assert (data_request.status, data_request.product_url) == (
        "redirected",
        "https://statistics.example/prices/cpi",
    )
    [email] = smtp_sink.wait_for(1)
    assert "https://statistics.example/prices/cpi" in email.text


def test_a_message_without_a_status_change_is_a_reply(triage, data_request, smtp_sink):
    smtp_sink.clear()
    triage(data_request, message="Could you tell us which districts you need?")
    reply = data_request.events.get(kind="reply")
    assert reply.message == "Could you tell us which districts you need?"
    [email] = smtp_sink.wait_for(1)
    assert email.subject == f"A reply to your data request {data_request.reference}"
    assert "Could you tell us which districts you need?" in email.text


def test_saving_without_changes_logs_and_sends_nothing(triage, data_request, smtp_sink):
    smtp_sink.clear()
    triage(data_request)
    assert data_request.events.count() == 1
    assert smtp_sink.messages == []


def test_reopening_an_answered_request_clears_its_answer_time(triage, data_request):
    triage(data_request, status="answered", message="Done.")
    triage(data_request, status="in_progress")
    data_request.refresh_from_db()
    assert data_request.closed_at is None
    assert list(data_request.events.filter(kind="status").values_list("status", flat=True)) == [
        "answered",
        "in_progress",
    ]


def test_the_history_is_the_archive(triage, data_request, triager):
    triage(data_request, status="in_progress")
    triage(data_request, message="Which years?")
    triage(data_request, status="answered", message="Attached.")
    assert list(data_request.events.values_list("kind", flat=True)) == [
        "received",
        "status",
        "reply",
        "status",
    ]
    assert DataRequestEvent.objects.filter(request=data_request, user=triager).count() == 3


def test_view_only_staff_see_the_request_but_cannot_change_it(client, data_request):
    client.force_login(StaffFactory(groups=["Communications team"]))
    response = client.get(f"/admin/feedback/requests/{data_request.pk}/")
    assert response.status_code == 200
    assert "Triage and reply" not in response.content.decode()
    assert client.post(
        f"/admin/feedback/requests/{data_request.pk}/", {"status": "declined"}
    ).status_code in (302, 403)
    data_request.refresh_from_db()
    assert data_request.status == "received"


def test_other_staff_cannot_open_requests(client, data_request):
    client.force_login(StaffFactory())
    assert client.get(f"/admin/feedback/requests/{data_request.pk}/").status_code in (302, 403)
    assert client.get("/admin/feedback/datarequest/").status_code in (302, 403)


def test_the_list_links_to_triage_and_exports_safely(
    client, triager, request_page, django_capture_on_commit_callbacks
):
    details = request_form_data(
        request_page, what="=cmd|' /C calc'!A0 unemployment by district", name="@Mallory"
    )
    with django_capture_on_commit_callbacks(execute=True):
        data_request = data_requests.submit(
            **{k: details[k] for k in ("what", "purpose", "name", "email")}, consent_wording="I agree."
        )
    client.force_login(triager)
    listing = client.get("/admin/feedback/datarequest/").content.decode()
    assert f"/admin/feedback/requests/{data_request.pk}/" in listing
    assert "Triage" in listing
    header, *rows = csv_rows(client.get("/admin/feedback/datarequest/?export=csv"))
    [row] = [row for row in rows if row[0] == data_request.reference]
    assert row[header.index("Data needed")].startswith("'=cmd")
    assert row[header.index("Name")] == "'@Mallory"


def test_requests_cannot_be_created_edited_or_deleted_through_the_generic_admin(
    superuser_client, data_request
):
    assert superuser_client.get("/admin/feedback/datarequest/create/").status_code in (302, 403)
    assert superuser_client.get(f"/admin/feedback/datarequest/edit/{data_request.pk}/").status_code in (
        302,
        403,
    )
    assert superuser_client.post(f"/admin/feedback/datarequest/delete/{data_request.pk}/").status_code in (
        302,
        403,
    )
    data_request.refresh_from_db()
    assert data_request.status == "received"
    assert DataRequest.objects.filter(pk=data_request.pk).exists()
