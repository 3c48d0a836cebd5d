"""A long send keeps the worker's memory flat: nothing is kept per recipient once sent."""

import tracemalloc
from functools import partial

import pytest
from django.core.mail import get_connection

from newsletters import sending
from newsletters.models import Subscriber, Subscription
from newsletters.tests.factories import SendingFactory
from portal.contacts.models import Contact

pytestmark = pytest.mark.django_db

RECIPIENTS = 1500
# Deliveries at which memory in use is compared: bounded caches (the PostgreSQL driver's
# among them) fill during the first 600 or so emails, then memory must stay where it is.
EARLY, LATE = 700, 1450


def add_subscribers(count, newsletter_list):
    emails = [f"reader{n}@example.org" for n in range(count)]
    Contact.objects.bulk_create([Contact(email=email) for email in emails])
    contacts = Contact.objects.filter(email__in=emails).values_list("pk", flat=True)
    Subscriber.objects.bulk_create([Subscriber(contact_id=pk) for pk in contacts])
    Subscription.objects.bulk_create(
        Subscription(subscriber=subscriber, newsletter_list=newsletter_list)
        for subscriber in Subscriber.objects.filter(contact__email__in=emails)
    )


def test_memory_in_use_does_not_grow_with_the_emails_sent(newsletter_index, lists, settings, monkeypatch):
    settings.NEWSLETTER_BATCH_SIZE = 50  # many batches, as in a send to 100 000 people
    dummy = partial(get_connection, "django.core.mail.backends.dummy.EmailBackend")
    add_subscribers(RECIPIENTS, lists["monthly"])
    marked = [0]
    in_use = {}
    sent = sending.SentMarks.sent

    def mark_and_measure(self, delivery_pk, now):
        sent(self, delivery_pk, now)
        marked[0] += 1
        if marked[0] in (EARLY, LATE):
            in_use[marked[0]] = tracemalloc.get_traced_memory()[0]

    monkeypatch.setattr(sending.SentMarks, "sent", mark_and_measure)
    tracemalloc.start()
    try:
        report = sending.run_sending(
            SendingFactory(issue__lists=[lists["monthly"]]).pk, connection_factory=dummy
        )
    finally:
        tracemalloc.stop()

    assert report.sent == RECIPIENTS
    # A message, an address or a row kept per recipient would add kilobytes for each of them;
    # the database driver's own caches add some tens of bytes (about 55 on PostgreSQL).
    growth_per_email = (in_use[LATE] - in_use[EARLY]) / (LATE - EARLY)
    assert growth_per_email < 250, in_use
