"""Each reader gets the newsletter's own words (headings, footer) and confirmation in their language."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from newsletters.emails import confirmation_message, send_confirmation_email
from newsletters.models import SignupRequest
from newsletters.sending import run_sending
from newsletters.tests.factories import SendingFactory, SubscriberFactory
from portal.contacts.models import Contact

FOOTER = "You get this email because you signed up for it on our website."


def in_language(language, text):
    with translation.override(language):
        return gettext(text)


@pytest.fixture
def readers_in_three_languages(lists):
    for language in ("fr", "ar", "en-gb"):
        with translation.override(language):
            SubscriberFactory(email=f"{language}@example.org", lists=[lists["monthly"]])
    return lists


def test_the_catalogue_has_the_footer():
    assert in_language("fr", FOOTER) != FOOTER and in_language("ar", FOOTER) != FOOTER


def test_each_reader_gets_the_issue_in_their_language(readers_in_three_languages, newsletter_index):
    assert Contact.objects.get(email="fr@example.org").preferred_language == "fr"
    sending = SendingFactory(issue__lists=[readers_in_three_languages["monthly"]])
    with translation.override("ar"):  # the worker's language must not matter
        report = run_sending(sending.pk)
    assert report.sent == 3
    by_reader = {message.to[0]: message for message in mail.outbox}
    for language in ("fr", "ar", "en-gb"):
        message = by_reader[f"{language}@example.org"]
        assert in_language(language, FOOTER) in message.body
        assert message.extra_headers["Content-Language"] == language
    assert FOOTER not in by_reader["fr@example.org"].body
    assert "Vous recevez cet e-mail parce que" in by_reader["fr@example.org"].body


def test_the_issue_through_smtp_says_its_language(readers_in_three_languages, newsletter_index, smtp_sink):
    sending = SendingFactory(issue__lists=[readers_in_three_languages["monthly"]])
    run_sending(sending.pk)
    for language in ("fr", "ar", "en-gb"):
        [message] = smtp_sink.sent_to(f"{language}@example.org")
        assert message.message["Content-Language"] == language
        assert in_language(language, FOOTER) in message.text


def test_a_reader_with_a_bad_stored_language_gets_the_default(readers_in_three_languages, newsletter_index):
    Contact.objects.filter(email="fr@example.org").update(preferred_language="<script>")
    run_sending(SendingFactory(issue__lists=[readers_in_three_languages["monthly"]]).pk)
    [message] = [message for message in mail.outbox if message.to == ["fr@example.org"]]
    assert FOOTER in message.body and message.extra_headers["Content-Language"] == "en-gb"


def test_the_confirmation_goes_in_the_sign_up_pages_language_from_a_task(lists, newsletter_index):
    signup_request = SignupRequest.objects.create(email="new@example.org", consent_wording="I agree.")
    signup_request.lists.set([lists["monthly"]])
    with translation.override("fr"):
        send_confirmation_email(signup_request)
    [message] = mail.outbox
    assert message.subject == in_language("fr", "Confirm your newsletter sign-up")
    assert message.subject == "Confirmez votre inscription à la lettre d\u2019information"
    assert message.extra_headers["Content-Language"] == "fr"


def test_a_known_contact_gets_the_confirmation_in_their_own_language(lists, newsletter_index):
    with translation.override("ar"):
        SubscriberFactory(email="known@example.org", lists=[lists["teachers"]])
    signup_request = SignupRequest.objects.create(email="known@example.org", consent_wording="I agree.")
    with translation.override("fr"):
        message = confirmation_message(signup_request)
    assert message.subject == "أكّد اشتراكك في النشرة الإخبارية"
    assert message.extra_headers["Content-Language"] == "ar"


@pytest.fixture
def subscriber(newsletter_index, lists):
    return SubscriberFactory(email="reader@example.org", lists=[lists["monthly"]], user_group="citizens")


def preferences(client, subscriber, **data):
    return client.post(
        f"/en/email/preferences/{subscriber.token}/",
        {"lists": [subscriber.lists.get().pk], "frequency": "monthly", "user_group": "citizens", **data},
    )


def test_the_preference_centre_offers_the_language_for_emails(client, subscriber):
    html = BeautifulSoup(client.get(f"/en/email/preferences/{subscriber.token}/").content, "html.parser")
    select = html.select_one("select[name=preferred_language]")
    assert [option["value"] for option in select.select("option")] == ["en-gb", "fr", "ar"]
    assert select.select_one("option[selected]")["value"] == "en-gb"
    assert "Language for emails" in html.get_text()


def test_choosing_a_language_in_the_preference_centre_changes_it(client, subscriber):
    response = preferences(client, subscriber, preferred_language="ar")
    assert b"Your choices are saved." in response.content
    assert Contact.objects.get(email="reader@example.org").preferred_language == "ar"


def test_leaving_the_language_out_keeps_it(client, subscriber):
    Contact.objects.filter(email="reader@example.org").update(preferred_language="fr")
    preferences(client, subscriber)
    assert Contact.objects.get(email="reader@example.org").preferred_language == "fr"


@pytest.mark.parametrize("bad", ["de", "<script>alert(1)</script>", "fr" * 100, "EN-GB "])
def test_an_unknown_language_is_refused_and_changes_nothing(client, subscriber, bad):
    response = preferences(client, subscriber, preferred_language=bad, frequency="every_issue")
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select_one(".error-summary")
    assert b"<script>alert(1)</script>" not in response.content
    contact = Contact.objects.get(email="reader@example.org")
    assert contact.preferred_language == "en-gb"
    assert subscriber.lists.exists()
