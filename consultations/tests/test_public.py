"""The public questionnaire: answers stored (and sanitised), the respondent kept only with their
agreement, duplicates, bad and hostile input, spam, rate limit, CSRF and the confirmation email."""

import pytest
from django.test import Client

from consultations.models import ConsultationResponse
from consultations.responses import CONSENT_PURPOSE
from portal.contacts.forms import wording_fingerprint
from portal.contacts.models import Consent, Contact, Touchpoint, TouchpointKind

pytestmark = pytest.mark.django_db

OFTEN = "q_how_often_do_you_use_our_figures"
TOPICS = "q_which_topics_interest_you"
CHANGE = "q_what_should_we_change"


def answers(page, **changes):
    data = {
        OFTEN: "Every week",
        TOPICS: ["Prices", "Jobs"],
        CHANGE: "More regional tables, please.",
        "email": "",
        "consent_version": wording_fingerprint(page.consent_text),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def send(client, committed):
    """Send the form; the confirmation email waits for the commit, which runs at the end."""

    def post(page, data):
        with committed():
            return client.post(page.url, data)

    return post


def test_the_open_consultation_shows_its_questions_and_an_unticked_optional_agreement(client, consultation):
    response = client.get(consultation.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "How often do you use our figures?" in html and 'name="q_what_should_we_change"' in html
    assert 'name="consent"' in html and "checked" not in html.split('name="consent"')[1].split(">")[0]
    assert consultation.consent_text in html
    assert "Your email address (optional)" in html


def test_answers_without_agreement_are_kept_without_anything_about_the_person(send, client, consultation):
    response = send(consultation, answers(consultation, email="Rosa@Example.org"))
    assert response.status_code == 302 and response["Location"] == consultation.url + "sent/"
    stored = ConsultationResponse.objects.get()
    assert stored.contact is None
    assert stored.form_data == {
        OFTEN: "Every week",
        TOPICS: ["Prices", "Jobs"],
        CHANGE: "More regional tables, please.",
    }
    assert "rosa" not in str(stored.form_data).lower()
    assert not Contact.objects.exists() and not Touchpoint.objects.exists() and not Consent.objects.exists()
    sent = client.get(response["Location"])
    assert sent.status_code == 200 and "without your name or email address" in sent.content.decode()


def test_agreeing_keeps_the_respondent_in_the_user_database_with_the_wording(send, consultation):
    response = send(consultation, answers(consultation, email=" Rosa.Reader@Example.ORG ", consent="on"))
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.email == "rosa.reader@example.org"
    assert ConsultationResponse.objects.get().contact == contact
    consent = Consent.objects.get(contact=contact)
    assert (consent.purpose, consent.wording, consent.granted) == (
        CONSENT_PURPOSE,
        consultation.consent_text,
        True,
    )
    touchpoint = Touchpoint.objects.get(contact=contact)
    assert touchpoint.kind == TouchpointKind.CONSULTATION_RESPONSE and touchpoint.detail == consultation.title


def test_agreeing_needs_an_email_address(send, consultation):
    response = send(consultation, answers(consultation, consent="on"))
    assert response.status_code == 400
    assert "so that we can keep your answers with it" in response.content.decode()
    assert not ConsultationResponse.objects.exists()
    malformed = send(consultation, answers(consultation, consent="on", email="rosa@")).content.decode()
    assert "Enter an email address like name@example.com." in malformed
    assert "so that we can keep your answers with it" not in malformed  # one problem, one message


def test_checkbox_questions_are_a_fieldset_whose_error_links_to_the_first_box(send, consultation):
    html = send(consultation, answers(consultation, **{TOPICS: ["Weather"]})).content.decode()
    assert f'href="#id_{TOPICS}_0"' in html
    assert "<legend>Which topics interest you? (optional)</legend>" in html
    assert 'for=""' not in html


def test_one_response_per_person_we_know(send, consultation):
    first = send(consultation, answers(consultation, email="rosa@example.org", consent="on"))
    again = send(
        consultation, answers(consultation, email="ROSA@example.org ", consent="on", **{OFTEN: "Less often"})
    )
    assert first.status_code == 302
    assert again.status_code == 409
    assert "already answered this consultation" in again.content.decode()
    assert "Less often" in again.content.decode()  # what they typed is kept on the form
    assert ConsultationResponse.objects.count() == 1
    assert Consent.objects.count() == 1 and Touchpoint.objects.count() == 1  # the refused one left nothing


def test_the_same_person_may_answer_another_consultation(send, consultation, index_page):
    from consultations.tests.factories import ConsultationPageFactory

    other = ConsultationPageFactory(parent=index_page)
    assert (
        send(consultation, answers(consultation, email="rosa@example.org", consent="on")).status_code == 302
    )
    assert send(other, answers(other, email="rosa@example.org", consent="on")).status_code == 302
    assert ConsultationResponse.objects.filter(contact__email="rosa@example.org").count() == 2


def test_a_required_question_left_empty_is_named_in_the_error_summary(send, consultation):
    response = send(consultation, answers(consultation, **{OFTEN: None}))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html and "Answer this question." in html
    assert f'href="#id_{OFTEN}_0"' in html
    assert "More regional tables, please." in html  # nothing typed is lost
    assert not ConsultationResponse.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({OFTEN: "Every day"}, "Select a valid choice"),
        ({TOPICS: ["Prices", "Weather"]}, "Select a valid choice"),
        ({CHANGE: "x" * 5001}, "Ensure this value has at most 5000 characters"),
        ({"email": "not-an-address"}, "Enter an email address like name@example.com."),
        ({"email": "a@" + "b" * 260 + ".org"}, "at most 254 characters"),
    ],
    ids=["unknown-choice", "unknown-checkbox", "too-long", "malformed-email", "too-long-email"],
)
def test_bad_answers_are_refused_with_a_message(send, consultation, changes, message):
    response = send(consultation, answers(consultation, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ConsultationResponse.objects.exists()


def test_hostile_answers_are_stored_as_plain_text(send, consultation):
    hostile = '<script>alert("x")</script><b onmouseover="steal()">Bold</b> R&amp;D\x07 & more'
    assert send(consultation, answers(consultation, **{CHANGE: hostile})).status_code == 302
    assert ConsultationResponse.objects.get().form_data[CHANGE] == 'alert("x")Bold R&D & more'


def test_nul_bytes_are_refused(send, consultation):
    response = send(consultation, answers(consultation, **{CHANGE: "tables\x00"}))
    assert response.status_code == 400
    assert not ConsultationResponse.objects.exists()


def test_robots_get_the_thank_you_page_and_nothing_is_stored(send, consultation):
    response = send(consultation, answers(consultation, website="https://spam.example"))
    assert response.status_code == 302
    assert not ConsultationResponse.objects.exists()


def test_flooding_is_stopped_by_the_rate_limit(send, consultation):
    statuses = [
        send(consultation, answers(consultation, **{CHANGE: f"Idea {n}"})).status_code for n in range(6)
    ]
    assert statuses == [302, 302, 302, 302, 302, 429]


def test_posting_needs_the_csrf_token(consultation):
    client = Client(enforce_csrf_checks=True)
    response = client.post(consultation.url, answers(consultation))
    assert response.status_code == 403
    assert not ConsultationResponse.objects.exists()


def test_the_sent_page_needs_a_response_of_this_browser(client, consultation):
    response = client.get(consultation.url + "sent/")
    assert response.status_code == 302 and response["Location"] == consultation.url


def test_a_changed_agreement_wording_comes_back_unticked(send, consultation):
    data = answers(
        consultation, email="rosa@example.org", consent="on", consent_version=wording_fingerprint("old")
    )
    response = send(consultation, data)
    assert response.status_code == 400
    assert "The wording of this agreement changed" in response.content.decode()
    assert not Consent.objects.exists()


def test_a_confirmation_is_emailed_to_whoever_gave_an_address(send, consultation, smtp_sink):
    send(consultation, answers(consultation, email="rosa@example.org"))
    [email] = smtp_sink.wait_for(1)
    assert email.rcpt_tos == ("rosa@example.org",)
    assert consultation.title in email.subject
    assert "this is the only email we send you" in email.text
    assert consultation.url in email.text
    smtp_sink.clear()
    send(consultation, answers(consultation, email="sam@example.org", consent="on"))
    [email] = smtp_sink.wait_for(1)
    assert "As you agreed, we keep your email address" in email.text


def test_no_address_no_email(send, consultation, smtp_sink):
    send(consultation, answers(consultation))
    assert ConsultationResponse.objects.count() == 1
    assert smtp_sink.messages == []


def test_two_responses_at_the_same_moment_from_the_same_person_keep_one(consultation, monkeypatch):
    """The check before saving cannot see a response being saved by another request; the
    database's constraint refuses the second, which then gets the duplicate message."""
    from django.db.models import QuerySet

    from consultations import responses

    def valid_form():
        form = consultation.get_form(
            answers(consultation, email="rosa@example.org", consent="on"), page=consultation
        )
        assert form.is_valid(), form.errors
        return form

    responses.submit(consultation, valid_form())
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)  # the race: the first is not seen
    with pytest.raises(responses.DuplicateResponse):
        responses.submit(consultation, valid_form())
    monkeypatch.undo()
    assert ConsultationResponse.objects.count() == 1
    assert Consent.objects.count() == 1  # the refused attempt left nothing
