"""Sign-up with double opt-in: the form, the confirmation email and link, and bad input."""

import datetime
import re

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone

from home.tests.factories import StandardPageFactory
from newsletters.models import NewsletterIssuePage, Sending, SignupRequest, Subscriber
from newsletters.tests.factories import SendingFactory, SubscriberFactory
from portal.contacts.models import Consent, Contact, Touchpoint, TouchpointKind
from portal.core.mail import site_root_url


def signup_data(chosen, **fields):
    data = {
        "email": "Reader@Example.org",
        "lists": [item.pk for item in chosen],
        "frequency": "every_issue",
        "user_group": "teachers_and_students",
        "organisation": "Hillside School",
        "consent": "on",
    }
    data.update(fields)
    return data


def signup_url(index):
    return index.url + index.reverse_subpage("signup")


def confirm_link(message):
    [link] = [link for link in message.links if "/en/email/confirm/" in link]
    return link.removeprefix(site_root_url())


@pytest.fixture
def sign_up(client, newsletter_index, lists, django_capture_on_commit_callbacks):
    """POST the page's form; emails queued on commit go out (the test's transaction never commits)."""

    def post(**fields):
        data = signup_data([lists["monthly"], lists["teachers"]], **fields)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(signup_url(newsletter_index), data)

    return post


def test_the_page_shows_the_form_with_the_consent_wording_and_the_archive(client, newsletter_index, lists):
    for title, status, days_ago in (
        ("September round-up: prices, jobs and a new quiz", Sending.Status.SENT, 50),
        ("October round-up: our population in one picture", Sending.Status.SENT, 20),
        ("November round-up: training for journalists", Sending.Status.SCHEDULED, 0),
    ):
        sending = SendingFactory(issue__lists=[lists["monthly"]], issue__title=title, status=status)
        published = timezone.now() - datetime.timedelta(days=days_ago)
        NewsletterIssuePage.objects.filter(pk=sending.issue_id).update(first_published_at=published)
    html = BeautifulSoup(client.get(newsletter_index.url).content, "html.parser")
    assert html.find("h1").get_text(strip=True) == "Newsletter"
    form = html.find("form", action=signup_url(newsletter_index))
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert newsletter_index.consent_text in form.get_text(" ", strip=True)
    assert [a.get_text(strip=True) for a in html.select(".newsletter-archive a")] == [
        "October round-up: our population in one picture",
        "September round-up: prices, jobs and a new quiz",
    ]  # the scheduled November issue is not out yet


def test_double_opt_in_lifecycle(client, sign_up, smtp_sink, lists, newsletter_index):
    response = sign_up()
    assert response.status_code == 302
    assert response["Location"].endswith("/en/newsletter/check-your-email/")
    assert not Contact.objects.exists()  # nothing enters the user database before the click
    assert not Subscriber.objects.exists()

    [message] = smtp_sink.wait_for(1)
    assert message.rcpt_tos == ("reader@example.org",)
    assert message.subject == "Confirm your newsletter sign-up"
    assert "Monthly round-up" in message.text and "Teachers' news" in message.text
    assert "/en/email/confirm/" in message.html
    link = confirm_link(message)

    page = client.get(link)
    assert page.status_code == 200
    assert b"Confirm my sign-up" in page.content
    assert not Subscriber.objects.exists()  # a mail scanner opening the link subscribes nobody

    confirmed = client.post(link)
    assert b"You are subscribed" in confirmed.content
    subscriber = Subscriber.objects.get()
    assert subscriber.contact.email == "reader@example.org"
    assert subscriber.contact.user_group == "teachers_and_students"
    assert subscriber.contact.organisation == "Hillside School"
    assert set(subscriber.lists.all()) == {lists["monthly"], lists["teachers"]}
    touchpoint = Touchpoint.objects.get(contact=subscriber.contact)
    assert touchpoint.kind == TouchpointKind.NEWSLETTER_SIGNUP
    consent = Consent.objects.get(contact=subscriber.contact)
    assert consent.wording == newsletter_index.consent_text
    assert consent.granted


def test_replayed_confirmation_changes_nothing(client, sign_up, smtp_sink):
    sign_up()
    link = confirm_link(smtp_sink.wait_for(1)[0])
    client.post(link)
    subscriber = Subscriber.objects.get()
    subscriber.unsubscribed_at = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    subscriber.save()
    subscriber.subscriptions.all().delete()

    for replay in (client.get(link), client.post(link)):
        assert replay.status_code == 200
        assert b"This link has been used" in replay.content
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None  # the old link does not subscribe them again
    assert not subscriber.subscriptions.exists()
    assert Touchpoint.objects.count() == 1


def test_a_second_signup_answers_the_same_and_sends_a_new_link(client, sign_up, smtp_sink, lists):
    SubscriberFactory(email="known@example.org", lists=[lists["monthly"]])
    known = sign_up(email="known@example.org")
    unknown = sign_up(email="stranger@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    page_known = client.get(known["Location"]).content.decode()
    page_unknown = client.get(unknown["Location"]).content.decode()
    assert re.sub(r'value="[^"]+"', "", page_known) == re.sub(r'value="[^"]+"', "", page_unknown)
    messages = smtp_sink.wait_for(2)
    assert sorted(m.rcpt_tos[0] for m in messages) == ["known@example.org", "stranger@example.org"]


def test_expired_link_says_so_and_subscribes_nobody(client, sign_up, smtp_sink, settings):
    settings.NEWSLETTER_CONFIRMATION_MAX_AGE = 3600
    sign_up()
    link = confirm_link(smtp_sink.wait_for(1)[0])
    with time_machine.travel(datetime.timedelta(hours=2)):
        response = client.post(link)
    assert response.status_code == 410
    assert b"This link has expired" in response.content
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("change", ["cut", "tampered", "other-request", "garbage"])
def test_tampered_links_are_refused(client, sign_up, smtp_sink, change):
    sign_up()
    link = confirm_link(smtp_sink.wait_for(1)[0])
    token = link.split("/")[-2]
    payload, timestamp, signature = token.split(":")
    forged = {
        "cut": token[:-4],
        "tampered": f"{payload}:{timestamp}:{signature[::-1]}",
        "other-request": f"eyJyIjo5OTk5fQ:{timestamp}:{signature}",
        "garbage": "%3Cscript%3Ealert(1)",
    }[change]
    response = client.post(f"/en/email/confirm/{forged}/")
    assert response.status_code == 400
    assert b"This link does not work" in response.content
    assert b"<script>alert" not in response.content
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"email": ""}, "Enter your email address"),
        ({"email": "not-an-email"}, "Enter a valid email address"),
        ({"email": "a@b.c\r\nBcc: victim@example.org"}, "Enter a valid email address"),
        ({"email": "x" * 250 + "@example.org"}, "at most 254 characters"),
        ({"lists": []}, "Choose at least one newsletter."),
        ({"lists": ["999999"]}, "not offered any more"),
        ({"lists": ["monthly"]}, "not offered any more"),
        ({"consent": ""}, "Please agree to this"),
        ({"organisation": "School\r\nBcc: x@example.org"}, "on one line"),
        ({"user_group": "aliens"}, "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_kept(sign_up, smtp_sink, fields, error):
    response = sign_up(**fields)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert error in html.select_one(".error-summary").get_text(" ", strip=True)
    assert not SignupRequest.objects.exists()
    assert smtp_sink.messages == []


def test_what_was_typed_is_kept_after_an_error(sign_up):
    response = sign_up(consent="", organisation="Hillside School")
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("input", attrs={"name": "email"})["value"] == "Reader@Example.org"
    assert html.find("input", attrs={"name": "organisation"})["value"] == "Hillside School"


def test_hostile_text_is_shown_escaped(sign_up):
    response = sign_up(organisation="<script>alert(1)</script>", consent="")
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content


def test_signups_are_rate_limited_per_address(sign_up, settings, smtp_sink):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "newsletter_signup": "100/m/ip,2/m/key"}
    assert [sign_up(email="same@example.org").status_code for _ in range(3)] == [302, 302, 429]
    assert sign_up(email="other@example.org").status_code == 302
    assert SignupRequest.objects.filter(email="same@example.org").count() == 2


def test_footer_form_is_on_other_pages_and_signs_up_to_the_footer_lists(
    client, smtp_sink, lists, newsletter_index, django_capture_on_commit_callbacks
):
    about = StandardPageFactory()
    html = BeautifulSoup(client.get(about.url).content, "html.parser")
    form = html.select_one("footer form.footer-signup")
    assert form["action"] == "/en/email/signup/"
    assert [i["value"] for i in form.find_all("input", attrs={"name": "lists"})] == [str(lists["monthly"].pk)]
    assert newsletter_index.consent_text in form.get_text(" ", strip=True)
    assert not BeautifulSoup(client.get(newsletter_index.url).content, "html.parser").select("footer form")

    data = {"email": "footer@example.org", "lists": [lists["monthly"].pk], "consent": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/email/signup/", data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302
    assert list(SignupRequest.objects.get(email="footer@example.org").lists.all()) == [lists["monthly"]]
    assert smtp_sink.wait_for(1)[0].rcpt_tos == ("footer@example.org",)


def test_footer_signup_from_another_site_is_refused(client, newsletter_index, lists, smtp_sink):
    data = {"email": "victim@example.org", "lists": [lists["monthly"].pk], "consent": "on"}
    assert client.post("/en/email/signup/", data, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert client.post("/en/email/signup/", data).status_code == 403
    assert not SignupRequest.objects.exists()


def test_footer_errors_show_the_full_form_with_what_was_typed(client, newsletter_index, lists):
    data = {"email": "footer@example.org", "lists": [lists["monthly"].pk]}
    response = client.post("/en/email/signup/", data, HTTP_ORIGIN="http://testserver")
    html = BeautifulSoup(response.content, "html.parser")
    assert "Please agree to this" in html.select_one(".error-summary").get_text()
    assert html.select_one("main input[name=email]")["value"] == "footer@example.org"


def test_the_footer_consent_is_the_newsletter_pages_in_the_readers_language(client, newsletter_index, lists):
    from tests.pages import translate_page

    newsletter_index.consent_text = "I agree to receive the newsletter."
    newsletter_index.save_revision().publish()
    translate_page(newsletter_index, "fr", consent_text="J'accepte de recevoir la lettre.", slug="lettre")

    def footer_text(address):
        html = BeautifulSoup(client.get(address).content, "html.parser")
        return html.select_one("footer form.footer-signup").get_text(" ", strip=True)

    assert "J'accepte de recevoir la lettre." in footer_text("/fr/")
    assert "I agree to receive the newsletter." in footer_text("/en/")
    assert "I agree to receive the newsletter." in footer_text("/ar/")  # no Arabic page: the original
