"""Fixtures for the staff side of training: people with different admin rights, registrations
in any state, and sessions moved in time. Registered for the whole suite in tests/conftest.py.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from literacy.training import services as training
from literacy.training.models import Registration, TrainingSessionPage
from tests.factories import PASSWORD


@pytest.fixture
def make_staff(db):
    """make_staff(email, *codenames, groups=()) makes a member of staff who can open the admin."""

    def make(email, *codenames, groups=()):
        user = get_user_model().objects.create_user(email, PASSWORD, is_staff=True)
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            *Permission.objects.filter(
                codename__in=codenames, content_type__app_label__in=("modules", "training")
            ),
        )
        user.groups.add(*Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def training_manager(make_staff):
    """Staff who run the training: see registrations and feedback, and change registrations."""
    return make_staff(
        "trainer@statistics.example", "view_registration", "change_registration", "view_sessionfeedback"
    )


@pytest.fixture
def comms_member(make_staff):
    return make_staff("comms@statistics.example", groups=["Communications team"])


@pytest.fixture
def manager_client(client, training_manager):
    client.force_login(training_manager)
    return client


@pytest.fixture
def make_registration(person):
    """make_registration(session, email, name=…, status=…, attended=…) registers someone through
    literacy.training.services, then sets the status or attendance a test needs directly."""

    def make(session, email, *, status=None, attended=None, **fields):
        registration = training.register(session, **person(email=email, **fields))
        changes = {}
        if status is not None:
            changes["status"] = status
        if attended is not None:
            changes["attended"] = attended
        if changes:
            Registration.objects.filter(pk=registration.pk).update(**changes)
        registration.refresh_from_db()
        return registration

    return make


def move_session(session, *, starts_in, **fields):
    """Move a session in time (e.g. into the past, which registration would refuse), without
    publishing a revision: the change notifications are the registration side's business."""
    TrainingSessionPage.objects.filter(pk=session.pk).update(starts_at=timezone.now() + starts_in, **fields)
    session.refresh_from_db()
    return session
