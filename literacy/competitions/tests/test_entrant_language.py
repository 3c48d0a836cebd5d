"""An entrant's emails go in their language (their contact's), from the background task,
whatever language the process runs in."""

import pytest
from django.utils.translation import override

from literacy.competitions.emails import send_entry_email
from portal.contacts.tests.factories import ContactFactory

from .factories import EntryFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "start"),
    [
        ("fr", "Nous avons bien reçu votre participation"),
        ("ar", "تلقّينا مشاركتك في"),
        ("en-gb", "We have received"),
    ],
)
def test_the_received_email_follows_the_entrant(competition, mailoutbox, language, start):
    ContactFactory(email="ana@example.org", preferred_language=language)
    entry = EntryFactory(competition=competition, email="ana@example.org", display_name="Ana")
    with override("en-gb" if language != "en-gb" else "ar"):
        send_entry_email(entry, "received")
    [message] = mailoutbox
    assert message.subject.startswith(start)
    assert message.extra_headers["Content-Language"] == language


def test_an_entrant_with_a_garbage_stored_language_gets_the_default(competition, mailoutbox):
    ContactFactory(email="ana@example.org", preferred_language="klingon")
    entry = EntryFactory(competition=competition, email="ana@example.org")
    with override("fr"):
        send_entry_email(entry, "received")
    [message] = mailoutbox
    assert message.subject.startswith("We have received")
