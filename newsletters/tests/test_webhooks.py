"""Bounces and complaints from the mail service: signed, and they stop future sends."""

import json
import time

import pytest

from newsletters.models import Delivery
from newsletters.sending import run_sending
from newsletters.tests.factories import SendingFactory, SubscriberFactory
from newsletters.webhooks import signature

SECRET = "webhook-test-secret"
URL = "/en/email/webhooks/bounces/"


@pytest.fixture
def post_event(client, settings):
    settings.NEWSLETTER_WEBHOOK_SECRET = SECRET

    def post(payload, *, secret=SECRET, timestamp=None, body=None):
        body = body if body is not None else json.dumps(payload).encode()
        timestamp = str(int(timestamp if timestamp is not None else time.time()))
        return client.post(
            URL,
            body,
            content_type="application/json",
            HTTP_X_NEWSLETTER_TIMESTAMP=timestamp,
            HTTP_X_NEWSLETTER_SIGNATURE=signature(secret, timestamp, body),
        )

    return post


@pytest.fixture
def two_readers(lists):
    return SubscriberFactory(email="bouncy@example.org", lists=[lists["monthly"]]), SubscriberFactory(
        email="fine@example.org", lists=[lists["monthly"]]
    )


def test_a_hard_bounce_stops_future_sends(post_event, two_readers, newsletter_index, lists, smtp_sink):
    bouncy, _ = two_readers
    first = SendingFactory(issue__lists=[lists["monthly"]])
    run_sending(first.pk)
    response = post_event({"email": "Bouncy@Example.org", "type": "hard_bounce", "sending": first.pk})
    assert response.status_code == 200 and response.json() == {"received": 1, "matched": 1}
    bouncy.refresh_from_db()
    assert bouncy.suppressed_at is not None and bouncy.suppression_reason == "hard_bounce"
    assert first.deliveries.get(contact=bouncy.contact).feedback == Delivery.Feedback.HARD_BOUNCE

    smtp_sink.clear()
    run_sending(SendingFactory(issue__lists=[lists["monthly"]]).pk)
    assert [m.rcpt_tos for m in smtp_sink.messages] == [("fine@example.org",)]


def test_soft_bounces_stop_sends_only_after_several(post_event, two_readers):
    bouncy, _ = two_readers
    for _ in range(2):
        post_event({"email": "bouncy@example.org", "type": "soft_bounce"})
    bouncy.refresh_from_db()
    assert (bouncy.soft_bounces, bouncy.suppressed_at) == (2, None)
    post_event({"email": "bouncy@example.org", "type": "soft_bounce"})
    bouncy.refresh_from_db()
    assert bouncy.suppressed_at is not None


def test_a_complaint_unsubscribes(post_event, two_readers):
    bouncy, _ = two_readers
    post_event({"email": "bouncy@example.org", "type": "complaint"})
    bouncy.refresh_from_db()
    assert bouncy.unsubscribed_at is not None and bouncy.suppression_reason == "complaint"


def test_a_bounce_during_a_send_skips_the_person(post_event, two_readers, newsletter_index, lists):
    from newsletters.sending import write_down_recipients

    sending = SendingFactory(issue__lists=[lists["monthly"]])
    write_down_recipients(sending)
    post_event({"email": "bouncy@example.org", "type": "hard_bounce"})
    assert sending.deliveries.get(contact=two_readers[0].contact).status == Delivery.Status.SKIPPED


def test_unknown_addresses_are_accepted_and_change_nothing(post_event, two_readers):
    response = post_event({"email": "nobody@example.org", "type": "hard_bounce"})
    assert response.json() == {"received": 1, "matched": 0}


@pytest.mark.parametrize(
    "tamper",
    ["wrong secret", "changed body", "stale", "no signature"],
)
def test_tampered_or_stale_requests_are_refused(post_event, client, two_readers, tamper):
    payload = {"email": "bouncy@example.org", "type": "hard_bounce"}
    if tamper == "wrong secret":
        response = post_event(payload, secret="guess")
    elif tamper == "changed body":
        timestamp = str(int(time.time()))
        response = client.post(
            URL,
            json.dumps(payload),
            content_type="application/json",
            HTTP_X_NEWSLETTER_TIMESTAMP=timestamp,
            HTTP_X_NEWSLETTER_SIGNATURE=signature(SECRET, timestamp, b'{"email": "other@example.org"}'),
        )
    elif tamper == "stale":
        response = post_event(payload, timestamp=time.time() - 3600)
    else:
        response = client.post(URL, json.dumps(payload), content_type="application/json")
    assert response.status_code == 403
    two_readers[0].refresh_from_db()
    assert two_readers[0].suppressed_at is None


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        json.dumps({"email": "a@example.org", "type": "explode"}).encode(),
        json.dumps([1, 2]).encode(),
    ],
)
def test_malformed_events_are_refused(post_event, body):
    assert post_event(None, body=body).status_code == 400


def test_the_webhook_is_off_without_a_secret(client, settings, db):
    settings.NEWSLETTER_WEBHOOK_SECRET = ""
    assert client.post(URL, "{}", content_type="application/json").status_code == 404


def test_only_post(client, settings, db):
    settings.NEWSLETTER_WEBHOOK_SECRET = SECRET
    assert client.get(URL).status_code == 405
