"""Competitions, entrants and judges for the competition tests."""

import pytest

from portal.core.vocabularies import UserGroup
from tests.factories import StaffFactory, VerifiedUserFactory

from .factories import CompetitionPageFactory


@pytest.fixture(autouse=True)
def entry_root(settings, tmp_path):
    """Every test stores entry files in its own folder, outside the public media root."""
    settings.COMPETITION_ENTRY_ROOT = tmp_path / "entries"
    return settings.COMPETITION_ENTRY_ROOT


def stored_files(root):
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """with committed(): ... runs what the code queued for after its transaction commits
    (emails, file clean-up), as a real request's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def competition(home_page):
    """A competition open for entries, under the site's games index."""
    return CompetitionPageFactory()


@pytest.fixture
def entrant(db):
    return VerifiedUserFactory(email="ana@example.org")


@pytest.fixture
def entrant_client(client, entrant):
    client.force_login(entrant)
    return client


def entry_data(competition, **overrides):
    """A complete, valid POST for the entry form (the file goes in separately)."""
    from portal.contacts.forms import wording_fingerprint

    data = {
        "title": "Where the money goes",
        "description": "Household spending in twelve slices.\nSource: household budget survey.",
        "category": str(competition.categories.first().pk) if competition.categories.exists() else "",
        "team_members": "Ana\nBruno",
        "organisation": "Riverside School",
        "display_name": "Ana, Riverside School",
        "user_group": UserGroup.TEACHERS_AND_STUDENTS,
        "link": "",
        "accept_rules": "on",
        "consent": "on",
        "consent_version": wording_fingerprint(competition.consent_text),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def subpage(competition, name, *args):
    return competition.url + competition.reverse_subpage(name, args=args)


@pytest.fixture
def judge(db):
    return StaffFactory(first_name="Tomas", last_name="Reed", groups=["Judges"])


@pytest.fixture
def second_judge(db):
    return StaffFactory(first_name="Rosa", last_name="Marsh", groups=["Judges"])


@pytest.fixture
def moderator(db):
    return StaffFactory(permissions=["competitions.moderate_entry"])
