"""Data requests from the public side: the form, the reference number, the email and the status link."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from feedback.models import DataRequest, DataRequestEvent
from portal.contacts.models import Consent, Contact, Touchpoint, TouchpointKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """POST the form; what runs after the commit (the confirmation email) runs too."""

    def post(client, request_page, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(request_page.url, data)

    return post


def test_the_form_asks_what_why_when_who_and_consent(client, request_page):
    html = client.get(request_page.url).content.decode()
    for label in (
        "What data do you need?",
        "What is it for?",
        "When do you need it by?",
        "Your name",
        "Email address",
        "Which best describes you?",
        request_page.consent_text,
        "Research",
        "Journalism",
        "Policy making",
        "Study or teaching",
    ):
        assert label in html
    assert "csrfmiddlewaretoken" in html


def test_a_request_gets_a_reference_an_email_and_a_status_link(
    submit, client, request_page, request_details, smtp_sink
):
    response = submit(client, request_page, request_details())
    assert response.status_code == 302
    assert response["Location"] == request_page.url + "sent/"
    data_request = DataRequest.objects.get()
    assert re.fullmatch(rf"DR-{timezone.now().year}-\d{{5}}", data_request.reference)
    assert data_request.reference.endswith(f"{data_request.pk:05d}")
    assert data_request.email == "rosa.quant@research.example"
    assert data_request.status == DataRequest.Status.RECEIVED
    assert data_request.purpose == "research"

    sent = client.get(response["Location"])
    html = sent.content.decode()
    assert data_request.reference in html
    assert "rosa.quant@research.example" in html
    assert sent["X-Robots-Tag"] == "noindex"
    assert "no-cache" in sent["Cache-Control"] or "max-age=0" in sent["Cache-Control"]

    [email] = smtp_sink.wait_for(1)
    assert email.rcpt_tos == ("rosa.quant@research.example",)
    assert email.subject == f"We have received your data request {data_request.reference}"
    assert data_request.what in email.text
    [status_link] = [link for link in email.links if "/status/" in link]
    assert status_link.endswith(f"/status/{data_request.token}/")
    assert data_request.reference in email.html


def test_the_requester_is_recorded_in_the_user_database_with_consent(
    submit, client, request_page, request_details
):
    submit(client, request_page, request_details())
    contact = Contact.objects.get(email="rosa.quant@research.example")
    assert (contact.name, contact.organisation, contact.user_group) == (
        "Rosa Quant",
        "National University",
        "researchers",
    )
    touchpoint = Touchpoint.objects.get(contact=contact, kind=TouchpointKind.DATA_REQUEST)
    assert touchpoint.source == "http://testserver" + request_page.url
    consent = Consent.objects.get(contact=contact, purpose="data_request")
    assert consent.wording == request_page.consent_text
    assert DataRequest.objects.get().contact == contact


def test_the_status_page_shows_the_request_and_its_public_history(
    submit, client, request_page, request_details
):
    submit(client, request_page, request_details())
    data_request = DataRequest.objects.get()
    DataRequestEvent.objects.create(
        request=data_request, kind="assigned", message="Assigned to Jo (internal)"
    )
    response = client.get(f"{request_page.url}status/{data_request.token}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert data_request.reference in html
    assert "Received" in html
    assert "Assigned to Jo" not in html  # staff-only history stays in the admin
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("tamper", ["flip", "truncate", "other", "empty-ish"])
def test_a_tampered_status_link_is_not_found(submit, client, request_page, request_details, tamper):
    submit(client, request_page, request_details())
    token = DataRequest.objects.get().token
    bad = {
        "flip": token[:-1] + ("A" if token[-1] != "A" else "B"),
        "truncate": token[:20],
        "other": "x" * len(token),
        "empty-ish": "-",
    }[tamper]
    assert client.get(f"{request_page.url}status/{bad}/").status_code == 404


def test_the_sent_page_needs_a_request_from_this_browser(client, request_page):
    assert client.get(request_page.url + "sent/")["Location"] == request_page.url


def test_the_same_request_twice_in_a_minute_is_refused_clearly(
    submit, client, request_page, request_details, smtp_sink
):
    submit(client, request_page, request_details())
    reference = DataRequest.objects.get().reference
    response = submit(
        client,
        request_page,
        request_details(what="Unemployment  rate by district and SEX, quarterly, 2020 to 2024."),
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "less than a minute ago" in html
    assert reference in html
    assert "Unemployment  rate by district" in html  # what they typed is still there
    assert DataRequest.objects.count() == 1
    assert (
        Touchpoint.objects.filter(
            kind=TouchpointKind.DATA_REQUEST, contact__email="rosa.quant@research.example"
        ).count()
        == 1
    )
    assert len(smtp_sink.wait_for(1)) == 1


def test_the_same_request_after_a_minute_or_a_different_one_is_accepted(
    submit, client, request_page, request_details
):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        submit(client, request_page, request_details())
        assert (
            submit(
                client, request_page, request_details(what="Inflation by region for 2025, monthly.")
            ).status_code
            == 302
        )
        traveller.shift(datetime.timedelta(seconds=61))
        assert submit(client, request_page, request_details()).status_code == 302
    assert DataRequest.objects.count() == 3


def test_flooding_one_address_is_stopped_by_the_rate_limit(submit, client, request_page, request_details):
    statuses = [
        submit(
            client, request_page, request_details(what=f"Population of district number {n} in 2025")
        ).status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 302, 429]
    assert DataRequest.objects.count() == 3


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"what": ""}, "what", "Tell us what data you need."),
        ({"what": "data"}, "what", "Describe the data in a few words"),
        ({"what": "word " * 1000}, "what", "Keep this to 4,000 characters or fewer"),
        ({"purpose": None}, "purpose", "Choose what the data is for."),
        ({"purpose": "spying"}, "purpose", "Select a valid choice."),
        ({"deadline": "2001-01-01"}, "deadline", "The deadline must be today or later."),
        ({"deadline": "next week"}, "deadline", "Enter a date, for example"),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"name": "Rosa\r\nBcc: victim@example.org"}, "name", "Enter your name on one line."),
        ({"consent": None}, "consent", "Please agree to this so that we can answer your request."),
        ({"user_group": "aliens"}, "user_group", "Select a valid choice."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(
    submit, client, request_page, request_details, changes, field, message
):
    response = submit(client, request_page, request_details(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert "National University" in html
    assert not DataRequest.objects.exists()
    assert not Contact.objects.filter(email="rosa.quant@research.example").exists()


def test_script_in_a_request_is_plain_text_on_the_status_page_and_in_the_email(
    submit, client, request_page, request_details, smtp_sink
):
    hostile = "<script>alert('x')</script> unemployment by district please"
    submit(client, request_page, request_details(what=hostile, name="<b>Rosa</b>"))
    data_request = DataRequest.objects.get()
    assert data_request.what == hostile
    html = client.get(f"{request_page.url}status/{data_request.token}/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    [email] = smtp_sink.wait_for(1)
    assert "<script>" not in email.html
    assert "&lt;script&gt;" in email.html


def test_robots_filling_the_honeypot_store_nothing(submit, client, request_page, request_details, smtp_sink):
    response = submit(client, request_page, request_details(website="http://spam.example"))
    assert response.status_code == 302
    assert not DataRequest.objects.exists()
    assert not Contact.objects.filter(email="rosa.quant@research.example").exists()
    assert smtp_sink.messages == []


def test_the_request_form_needs_its_csrf_token(request_page, request_details):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(request_page.url, request_details()).status_code == 403
    assert not DataRequest.objects.exists()
