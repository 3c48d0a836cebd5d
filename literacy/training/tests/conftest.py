import datetime

import icalendar
import pytest
from django.utils import timezone

from literacy.training.models import TrainingIndexPage, TrainingSessionPage

CONSENT = "I agree that the statistics office keeps my details to run this training session."


def make_training_index(home):
    """The site's one training index, published under the site root."""
    index = TrainingIndexPage(
        title="Training",
        slug="training",
        intro="Sessions for journalists and others.",
        consent_text=CONSENT,
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def training_index(home_page):
    return make_training_index(home_page)


def in_days(days, hour=10):
    """A whole-minute time `days` from now, as an editor would enter it."""
    moment = timezone.now() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def session_fields(**fields):
    starts_at = fields.pop("starts_at", in_days(10))
    defaults = {
        "title": "Reading inflation figures",
        "summary": "How the consumer price index is made, and how to report it.",
        "starts_at": starts_at,
        "duration_minutes": 90,
        "time_zone": "Europe/Paris",
        "capacity": 10,
        "venue_name": "Statistics House",
        "address": "1 Census Street, Capital City",
        "map_url": "https://maps.example/statistics-house",
        "trainer_name": "Ana Trainer",
        "trainer_role": "Head of Prices",
    }
    defaults.update(fields)
    return defaults


@pytest.fixture
def make_session(training_index):
    """make_session(**fields) publishes a session under the index (in person, in ten days)."""

    def make(**fields):
        fields = session_fields(**fields)
        fields.setdefault("slug", f"session-{training_index.get_children().count() + 1}")
        session = TrainingSessionPage(**fields)
        training_index.add_child(instance=session)
        session.save_revision().publish()
        session.refresh_from_db()
        return session

    return make


@pytest.fixture
def session(make_session):
    return make_session()


@pytest.fixture
def person():
    """register() keyword arguments for one journalist."""

    def make(email="reporter@news.example", **fields):
        data = {
            "name": "Rita Reporter",
            "email": email,
            "organisation": "Daily News",
            "role": "Economics reporter",
            "consent_wording": CONSENT,
        }
        data.update(fields)
        return data

    return make


def ics_attachment(message):
    """The parsed session.ics of a message received by the SMTP sink (email.message.EmailMessage)."""
    for part in message.iter_attachments():
        if part.get_filename() == "session.ics":
            return icalendar.Calendar.from_ical(part.get_content())
    raise AssertionError("No session.ics attached.")


def outbox_ics(message):
    """The parsed session.ics of a Django (locmem outbox) message."""
    for filename, content, _mimetype in message.attachments:
        if filename == "session.ics":
            return icalendar.Calendar.from_ical(content)
    raise AssertionError("No session.ics attached.")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs the on-commit callbacks (the emails) of what happens inside,
    as a real commit would; tests otherwise run in a transaction that is never committed."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
