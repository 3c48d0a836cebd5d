"""The preference centre, one-click unsubscribe (RFC 8058), and the person's own data."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from literacy.training.models import Registration
from literacy.training.tests.factories import TrainingSessionPageFactory
from newsletters.models import Delivery, Subscriber
from newsletters.sending import run_sending
from newsletters.tests.factories import SendingFactory, SubscriberFactory
from portal.contacts.models import Consent, Contact


@pytest.fixture
def subscriber(newsletter_index, lists):
    """A reader of two lists; the sign-up page words the preference centre."""
    return SubscriberFactory(
        email="reader@example.org", lists=[lists["monthly"], lists["releases"]], user_group="citizens"
    )


def preferences_url(subscriber):
    return f"/en/email/preferences/{subscriber.token}/"


def test_the_preference_centre_shows_the_current_choices(client, subscriber, lists):
    response = client.get(preferences_url(subscriber))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"
    html = BeautifulSoup(response.content, "html.parser")
    checked = {int(box["value"]) for box in html.select("input[name=lists][checked]")}
    assert checked == {lists["monthly"].pk, lists["releases"].pk}
    assert html.select_one("select[name=user_group] option[selected]")["value"] == "citizens"
    assert "reader@example.org" in html.get_text()


def test_changing_lists_frequency_and_user_group(client, subscriber, lists):
    response = client.post(
        preferences_url(subscriber),
        {"lists": [lists["teachers"].pk], "frequency": "monthly", "user_group": "teachers_and_students"},
    )
    assert b"Your choices are saved." in response.content
    subscriber.refresh_from_db()
    assert list(subscriber.lists.all()) == [lists["teachers"]]
    assert subscriber.frequency == "monthly"
    assert subscriber.contact.user_group == "teachers_and_students"


def test_unticking_every_list_unsubscribes(client, subscriber):
    response = client.post(preferences_url(subscriber), {"frequency": "every_issue", "user_group": ""})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None
    assert not subscriber.lists.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"lists": ["99999"], "frequency": "monthly", "user_group": ""},
        {"lists": ["x"], "frequency": "monthly", "user_group": ""},
        {"frequency": "daily", "user_group": ""},
        {"frequency": "monthly", "user_group": "<script>"},
    ],
)
def test_bad_choices_change_nothing(client, subscriber, lists, data):
    response = client.post(preferences_url(subscriber), data)
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select_one(".error-summary")
    subscriber.refresh_from_db()
    assert set(subscriber.lists.all()) == {lists["monthly"], lists["releases"]}
    assert (subscriber.frequency, subscriber.contact.user_group) == ("every_issue", "citizens")


UNKNOWN = "A" * 43


@pytest.mark.parametrize(
    "url",
    [
        f"/en/email/preferences/{UNKNOWN}/",
        f"/en/email/unsubscribe/{UNKNOWN}/",
        f"/en/email/unsubscribe/{UNKNOWN}/1/",
        f"/en/email/preferences/{UNKNOWN}/delete/",
    ],
)
def test_unknown_tokens_get_a_clear_message_and_change_nothing(client, subscriber, url):
    for response in (
        client.get(url),
        client.post(url),
        client.get(f"/en/email/preferences/{UNKNOWN}/data.json"),
    ):
        assert response.status_code == 404
        assert b"This link does not work" in response.content
        assert b"reader@example.org" not in response.content
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is None and subscriber.lists.count() == 2


def test_one_click_unsubscribe_needs_no_csrf_token_but_a_valid_link(subscriber, newsletter_index, lists):
    mail_app = Client(enforce_csrf_checks=True)
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    url = f"/en/email/unsubscribe/{subscriber.token}/{sending.pk}/"
    response = mail_app.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None
    assert not subscriber.lists.exists()
    assert Consent.objects.filter(contact=subscriber.contact, granted=False).count() == 1
    sending.refresh_from_db()
    assert sending.unsubscribes == 1
    mail_app.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    sending.refresh_from_db()
    assert sending.unsubscribes == 1  # counted once


def test_the_unsubscribe_link_asks_first(client, subscriber):
    response = client.get(f"/en/email/unsubscribe/{subscriber.token}/")
    assert b"Yes, unsubscribe me" in response.content
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is None


def test_hard_bounced_people_are_told_in_the_preference_centre(client, subscriber):
    from newsletters.subscriptions import record_feedback

    record_feedback("reader@example.org", "hard_bounce")
    assert b"stopped sending" in client.get(preferences_url(subscriber)).content


def test_download_my_data_as_json(client, subscriber):
    response = client.get(f"/en/email/preferences/{subscriber.token}/data.json")
    assert response["Content-Disposition"] == 'attachment; filename="my-newsletter-data.json"'
    data = json.loads(response.content)
    assert data["email"] == "reader@example.org"
    assert sorted(data["newsletters"]) == ["Monthly round-up", "Release alerts"]
    assert data["consents"][0]["wording"] == "I agree."


def test_download_my_data_as_csv_is_formula_safe(client, subscriber):
    Contact.objects.filter(pk=subscriber.contact_id).update(organisation='=HYPERLINK("http://evil.example")')
    response = client.get(f"/en/email/preferences/{subscriber.token}/data.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Section", "Field", "Value"]
    assert ["organisation", "", '\'=HYPERLINK("http://evil.example")'] in rows
    assert client.get(f"/en/email/preferences/{subscriber.token}/data.xml").status_code == 404


def test_erasure_removes_the_person_but_keeps_the_counts(
    client, subscriber, newsletter_index, lists, smtp_sink
):
    sending = SendingFactory(issue__lists=[lists["monthly"]])
    run_sending(sending.pk)
    sent_before = sending.deliveries.filter(status=Delivery.Status.SENT).count()
    contact_pk = subscriber.contact_id

    assert b"Yes, delete my data" in client.get(f"/en/email/preferences/{subscriber.token}/delete/").content
    response = client.post(f"/en/email/preferences/{subscriber.token}/delete/")
    assert b"Your data is deleted" in response.content
    assert not Contact.objects.filter(pk=contact_pk).exists()
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert not Consent.objects.filter(contact_id=contact_pk).exists()
    assert not Contact.objects.filter(email="reader@example.org").exists()
    assert sending.deliveries.filter(status=Delivery.Status.SENT).count() == sent_before
    assert sending.deliveries.filter(contact__isnull=True).count() == 1
    assert client.get(preferences_url(subscriber)).status_code == 404  # the old link is dead


def test_erasure_keeps_a_contact_other_services_still_need(client, subscriber):
    Registration.objects.create(
        session=TrainingSessionPageFactory(),
        contact=subscriber.contact,
        name="Reader",
        email="reader@example.org",
        status="confirmed",
    )
    response = client.post(f"/en/email/preferences/{subscriber.token}/delete/")
    assert b"training registrations" in response.content
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert Contact.objects.filter(pk=subscriber.contact_id).exists()
