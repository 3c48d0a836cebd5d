"""Applications: the public form (bad input, hostile text, spam, duplicates, rate limit), the
applicant in the user database, the state machine with its emails, who may see and decide, and
signing in to the ambassador page with a verified address."""

import pytest
from django.urls import reverse

from ambassadors import programme
from ambassadors.models import Application, ApplicationEvent
from ambassadors.tests.factories import ApplicationFactory, ApprovedAmbassadorFactory
from portal.contacts.forms import wording_fingerprint
from portal.contacts.models import Consent, Contact, Touchpoint, TouchpointKind
from tests.factories import StaffFactory, UserFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db
Status = Application.Status


def form_data(page, **changes):
    data = {
        "name": "Tess Teacher",
        "email": " Tess.Teacher@Example.org ",
        "role": "teacher",
        "organisation": "Riverside School",
        "channels": "My classes: 120 students a year.",
        "motivation": "I want my students to read figures well.",
        "consent": "on",
        "consent_version": wording_fingerprint(page.consent_text),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    def post(page, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, data)

    return post


def test_the_form_has_labelled_fields_hints_consent_and_csrf(client, programme):
    html = client.get(programme.url).content.decode()
    for text in (
        "Your name",
        "Email address",
        "You are a…",
        "Where do you share, and with whom?",
        "Why do you want to be an ambassador?",
        'aria-describedby="id_channels_helptext"',
        "csrfmiddlewaretoken",
        programme.consent_text,
    ):
        assert text in html, text


def test_an_application_is_recorded_emailed_and_in_the_user_database(send, client, programme, mailoutbox):
    response = send(programme, form_data(programme))
    assert response.status_code == 302 and response["Location"] == programme.url + "sent/"
    application = Application.objects.get()
    assert (application.email, application.status, application.role) == (
        "tess.teacher@example.org",
        Status.APPLIED,
        "teacher",
    )
    assert [event.status for event in application.events.all()] == [Status.APPLIED]
    [email] = mailoutbox
    assert email.to == ['"Tess Teacher" <tess.teacher@example.org>']
    assert email.subject == "We received your application to be an ambassador"
    sent = client.get(response["Location"])
    assert "tess.teacher@example.org" in sent.content.decode() and sent["X-Robots-Tag"] == "noindex"
    contact = Contact.objects.get(email="tess.teacher@example.org")
    assert application.contact == contact and contact.organisation == "Riverside School"
    assert Touchpoint.objects.get(contact=contact).kind == TouchpointKind.AMBASSADOR_APPLICATION
    consent = Consent.objects.get(contact=contact)
    assert (consent.purpose, consent.wording) == ("ambassadors", programme.consent_text)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter your name."),
        ({"name": "<b></b>"}, "name", "Enter your name."),
        ({"email": "not-an-address"}, "email", "Enter an email address like name@example.com."),
        ({"role": "president"}, "role", "Choose one of the list."),
        ({"role": ""}, "role", "Choose what describes you best."),
        ({"channels": "x" * 2001}, "channels", "Keep this to 2,000 characters or fewer"),
        ({"motivation": "<script>alert(1)</script>"}, None, None),
        ({"motivation": "   "}, "motivation", "Tell us why you want to join."),
        ({"name": "Tess\r\nBcc: victim@example.org"}, "name", "Enter your name on one line."),
        ({"consent": None}, "consent", "Please agree to this so that we can consider your application."),
    ],
)
def test_bad_input_is_refused_with_the_form_kept(send, programme, changes, field, message):
    response = send(programme, form_data(programme, **changes))
    if field is None:  # hostile markup is not an error: it is taken out
        assert response.status_code == 302
        assert Application.objects.get().motivation == "alert(1)"
        return
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert not Application.objects.exists() and not Contact.objects.exists()
    html = response.content.decode()
    assert "Riverside School" in html  # what the person typed is kept


def test_hostile_text_is_stored_as_plain_text_and_shown_escaped(send, client, programme, programme_staff):
    send(
        programme,
        form_data(
            programme, organisation='<img src=x onerror="alert(1)">Evil & Co', channels="<a href=x>hi</a>"
        ),
    )
    application = Application.objects.get()
    assert application.organisation == "Evil & Co" and application.channels == "hi"
    client.force_login(programme_staff)
    html = client.get(reverse("ambassadors_application_decide", args=[application.pk])).content.decode()
    assert "onerror" not in html and "Evil &amp; Co" in html


def test_nul_bytes_are_refused(client, programme):
    response = client.post(programme.url, form_data(programme, motivation="Hello\x00world"))
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_robots_get_the_thank_you_and_nothing_is_saved(send, programme, mailoutbox):
    response = send(programme, form_data(programme, website="http://spam.example"))
    assert response.status_code == 302
    assert not Application.objects.exists() and not mailoutbox


def test_a_second_application_from_the_same_address_is_a_409(send, programme, mailoutbox):
    assert send(programme, form_data(programme)).status_code == 302
    response = send(programme, form_data(programme, email="TESS.teacher@example.org"))
    assert response.status_code == 409
    assert "already have an application" in response.content.decode()
    assert Application.objects.count() == 1 and len(mailoutbox) == 1


def test_flooding_is_stopped_by_the_rate_limit(send, programme):
    statuses = [
        send(programme, form_data(programme, email=f"person{n}@example.org")).status_code for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]


def test_the_sent_page_needs_an_application_of_this_browser(client, programme):
    response = client.get(programme.url + "sent/")
    assert response.status_code == 302 and response["Location"] == programme.url


# The state machine, with its emails through a real SMTP server


def test_each_decision_is_logged_and_emailed_to_the_applicant(
    smtp_sink, programme_staff, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(name="Jo Journalist", email="jo@example.org")
    steps = [
        (Status.APPROVED, "", "approved", "Welcome: you are now one of our ambassadors"),
        (Status.SUSPENDED, "Your posts broke our rules.", "suspended", "Your posts broke our rules."),
        (Status.APPROVED, "", "approved", "Welcome"),
    ]
    for number, (status, message, subject, text) in enumerate(steps, start=1):
        with django_capture_on_commit_callbacks(execute=True):
            programme.move(application, user=programme_staff, status=status, message=message)
        received = smtp_sink.wait_for(number)[-1]
        assert received.rcpt_tos == ("jo@example.org",)
        assert received.subject == f"Your ambassador application: {subject}"
        assert text in received.text
    application.refresh_from_db()
    assert application.status == Status.APPROVED and application.decided_at is not None
    assert [event.status for event in ApplicationEvent.objects.filter(application=application)] == [
        Status.APPROVED,
        Status.SUSPENDED,
        Status.APPROVED,
    ]


def test_rejection_needs_a_message_and_is_final(
    programme_staff, mailoutbox, django_capture_on_commit_callbacks
):
    application = ApplicationFactory()
    with pytest.raises(programme.TransitionError, match="Write the message"):
        programme.move(application, user=programme_staff, status=Status.REJECTED)
    with django_capture_on_commit_callbacks(execute=True):
        programme.move(application, user=programme_staff, status=Status.REJECTED, message="Not this year.")
    assert "cannot take you" in mailoutbox[-1].body and "Not this year." in mailoutbox[-1].body
    for status in (Status.APPROVED, Status.SUSPENDED, Status.APPLIED):
        with pytest.raises(programme.TransitionError, match="cannot become"):
            programme.move(application, user=programme_staff, status=status, message="x")


def test_an_applied_application_cannot_be_suspended(programme_staff):
    with pytest.raises(programme.TransitionError):
        programme.move(ApplicationFactory(), user=programme_staff, status=Status.SUSPENDED, message="x")


# Who sees applicants and decides


def test_only_the_programme_team_sees_applicants(client, db):
    application = ApplicationFactory(email="private@example.org")
    urls = [
        reverse("ambassadors_application_modeladmin_index"),
        reverse("ambassadors_application_decide", args=[application.pk]),
    ]
    for user in (None, UserFactory(), StaffFactory()):
        client.logout()
        if user:
            client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code in (302, 403), (user, url)
            assert b"private@example.org" not in response.content


def test_viewers_without_the_change_permission_cannot_decide(client, db):
    application = ApplicationFactory()
    viewer = StaffFactory(permissions=["ambassadors.view_application"])
    client.force_login(viewer)
    url = reverse("ambassadors_application_decide", args=[application.pk])
    html = client.get(url).content.decode()
    assert application.email in html and "Save and email" not in html
    assert client.post(url, {"status": "approved"}).status_code in (302, 403)  # the admin sends refusals home
    application.refresh_from_db()
    assert application.status == Status.APPLIED


def test_the_team_decides_in_the_admin(
    client, programme_staff, mailoutbox, django_capture_on_commit_callbacks
):
    application = ApplicationFactory()
    client.force_login(programme_staff)
    url = reverse("ambassadors_application_decide", args=[application.pk])
    response = client.post(url, {"status": "rejected", "message": ""})
    assert response.status_code == 400 and "Write the message" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"status": "approved", "message": "Welcome aboard."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert "Welcome aboard." in mailoutbox[-1].body
    assert client.post(url, {"status": "rejected", "message": "x"}).status_code == 400  # not a move from here


# Signing in


def test_an_approved_ambassador_with_a_verified_address_gets_their_page(client, programme):
    application = ApprovedAmbassadorFactory(email="tess@example.org")
    user = VerifiedUserFactory(email="tess@example.org")
    client.force_login(user)
    response = client.get(programme.url + "me/")
    assert response.status_code == 200
    assert "Make a share link" in response.content.decode()
    application.refresh_from_db()
    assert application.user == user
    assert response["Cache-Control"].startswith("max-age=0")


def test_an_unverified_address_does_not_claim_an_application(client, programme):
    application = ApprovedAmbassadorFactory(email="tess@example.org")
    client.force_login(VerifiedUserFactory(email="tess@example.org", email_verified=False))
    html = client.get(programme.url + "me/").content.decode()
    assert "Make a share link" not in html and "apply to be an ambassador" in html
    application.refresh_from_db()
    assert application.user is None


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (Status.APPLIED, "with our programme team"),
        (Status.REJECTED, "could not take"),
        (Status.SUSPENDED, "paused"),
    ],
)
def test_others_see_where_their_application_stands(client, programme, status, text):
    ApplicationFactory(email="tess@example.org", status=status)
    client.force_login(VerifiedUserFactory(email="tess@example.org"))
    html = client.get(programme.url + "me/").content.decode()
    assert text in html and "Make a share link" not in html


def test_anonymous_visitors_are_sent_to_sign_in(client, programme):
    response = client.get(programme.url + "me/")
    assert response.status_code == 302 and "/en/accounts/login/" in response["Location"]
