"""Every training email goes in the registrant's language: at registration, and from the cron
commands, whatever language the command's process runs in."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from portal.contacts.models import Contact

from .staff_fixtures import move_session
from .test_reminders import HOUR

pytestmark = pytest.mark.django_db


def reminder_prefix(language):
    with translation.override(language):
        return gettext("Reminder: %(title)s, %(date)s").split("%(title)s")[0]


@pytest.fixture
def tomorrow_in_three_languages(make_session, make_registration, django_capture_on_commit_callbacks):
    session = make_session(title="Reading the CPI", capacity=5)
    for language in ("fr", "ar", "en-gb"):
        with translation.override(language), django_capture_on_commit_callbacks(execute=True):
            make_registration(session, f"{language}@example.org", name="Rita")
    return move_session(session, starts_in=20 * HOUR)


def test_registering_on_the_french_page_records_french(tomorrow_in_three_languages):
    assert Contact.objects.get(email="fr@example.org").preferred_language == "fr"
    assert Contact.objects.get(email="ar@example.org").preferred_language == "ar"


def test_the_confirmation_is_in_the_registrants_language(tomorrow_in_three_languages):
    by_reader = {message.to[0].split("<")[-1].rstrip(">"): message for message in mail.outbox}
    assert by_reader["fr@example.org"].extra_headers["Content-Language"] == "fr"
    assert by_reader["ar@example.org"].extra_headers["Content-Language"] == "ar"
    assert by_reader["en-gb@example.org"].extra_headers["Content-Language"] == "en-gb"


def test_the_reminder_command_writes_in_each_registrants_language(tomorrow_in_three_languages):
    mail.outbox.clear()
    with translation.override("ar"):  # the cron process's language must not matter
        call_command("send_training_reminders", stdout=io.StringIO())
    by_reader = {message.to[0].split("<")[-1].rstrip(">"): message for message in mail.outbox}
    assert len(by_reader) == 3
    for language in ("fr", "ar", "en-gb"):
        message = by_reader[f"{language}@example.org"]
        assert message.subject.startswith(reminder_prefix(language) + "Reading the CPI")
        assert message.extra_headers["Content-Language"] == language
    assert by_reader["fr@example.org"].subject.startswith("Rappel : Reading the CPI")
    assert by_reader["en-gb@example.org"].subject.startswith("Reminder: Reading the CPI")
