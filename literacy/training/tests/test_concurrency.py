"""On PostgreSQL, with real concurrent connections: the last seats go to exactly as many people."""

import threading

import pytest
from django.conf import settings
from django.core import mail
from django.db import close_old_connections
from django.utils.translation import get_supported_language_variant
from wagtail.models import Locale, Page, Site

from literacy.training import services as training
from literacy.training.models import Registration, TrainingSessionPage

from .conftest import make_training_index, session_fields

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]
Status = Registration.Status


def site_home():
    """The default site's root page. An earlier transactional test may have emptied every
    table (pytest-django flushes after each), so put back the little a page tree needs."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_page
    Locale.objects.get_or_create(language_code=get_supported_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=Page(title="Home", slug="home"))
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return home


def run_together(workers, work):
    """Start `workers` threads at the same instant (each has its own database connection)."""
    barrier = threading.Barrier(workers)
    results, errors = [], []

    def run(number):
        try:
            barrier.wait(timeout=10)
            results.append(work(number))
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=run, args=(number,)) for number in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_twenty_people_race_for_the_last_two_seats():
    index = make_training_index(site_home())
    session = TrainingSessionPage(slug="race", **session_fields(capacity=5))
    index.add_child(instance=session)
    session.save_revision().publish()
    for number in range(3):
        training.register(
            session, name=f"Early {number}", email=f"early{number}@news.example", consent_wording="Yes"
        )
    assert training.seats_left(session) == 2
    mail.outbox.clear()

    def register(number):
        return training.register(
            session, name=f"Racer {number}", email=f"racer{number}@news.example", consent_wording="Yes"
        ).status

    results, errors = run_together(20, register)
    assert errors == []
    assert sorted(results) == [Status.CONFIRMED] * 2 + [Status.WAITLISTED] * 18
    racers = Registration.objects.filter(session=session, email__startswith="racer")
    assert racers.filter(status=Status.CONFIRMED).count() == 2
    assert racers.filter(status=Status.WAITLISTED).count() == 18
    assert training.seats_left(session) == 0
    subjects = sorted(message.subject.split(" ")[0] for message in mail.outbox)
    assert subjects == ["You"] * 18 + ["Your"] * 2, "each racer is told once, and rightly"


def test_the_same_person_registering_twenty_times_at_once_gets_one_place():
    index = make_training_index(site_home())
    session = TrainingSessionPage(slug="double-click", **session_fields(capacity=5))
    index.add_child(instance=session)
    session.save_revision().publish()

    def register(number):
        try:
            return training.register(
                session, name="Same Person", email=f"{' ' * number}Same@News.example", consent_wording="Yes"
            ).status
        except training.AlreadyRegistered:
            return "refused"

    results, errors = run_together(20, register)
    assert errors == []
    assert sorted(results) == [Status.CONFIRMED] + ["refused"] * 19
    assert Registration.objects.filter(session=session).count() == 1


def test_cancellations_racing_promote_each_waiting_person_once():
    index = make_training_index(site_home())
    session = TrainingSessionPage(slug="swap", **session_fields(capacity=4))
    index.add_child(instance=session)
    session.save_revision().publish()
    seated = [
        training.register(session, name=f"Seated {n}", email=f"seated{n}@news.example", consent_wording="Yes")
        for n in range(4)
    ]
    for n in range(6):
        training.register(
            session, name=f"Waiting {n}", email=f"waiting{n}@news.example", consent_wording="Yes"
        )

    results, errors = run_together(4, lambda number: training.cancel(seated[number]).status)
    assert errors == []
    assert results == [Status.CANCELLED] * 4
    confirmed = Registration.objects.filter(session=session, status=Status.CONFIRMED)
    assert sorted(confirmed.values_list("email", flat=True)) == [f"waiting{n}@news.example" for n in range(4)]
    assert Registration.objects.filter(session=session, status=Status.WAITLISTED).count() == 2
