"""Literacy's migrations lose no row: the split into the modules and training apps, and the
audiences becoming user groups of the one shared vocabulary. The checks run in a process of their
own on a new database (see migration_check.py), once for all the tests here."""

import pytest

from tests.migrations import run_migration_check


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    return run_migration_check("literacy.tests.migration_check", tmp_path_factory.mktemp("migrations"))


def test_a_page_and_a_registration_made_before_the_split_are_kept(found):
    split = found["split"]
    assert split["session_class"] == "TrainingSessionPage"
    assert split["session_title"] == "A session before the split"
    assert split["session_content_type"] == "training"
    assert split["registration_email"] == "before.split@example.org"
    assert split["registrations_of_session"]
    assert split["registration_content_type"], "the registration keeps its content type row"
    assert split["old_content_types"] == 0


def test_audiences_become_user_groups_in_rows_and_revisions(found):
    assert found["audiences_forward"] == {
        "session": "teachers_and_students",
        "session_revision": "media",
        # students -> teachers and students, public servants -> policymakers, an editor's
        # "researchers" is a user group too; "pensioners" matches none and is left out
        "module": ["policymakers", "teachers_and_students", "researchers"],
        "module_revision": ["media"],
        "learner_audience_table": False,
    }


def test_going_back_restores_the_audiences(found):
    assert found["audiences_backward"] == {
        "session": "teachers",
        "session_revision": "journalists",
        "module": ["public-servants", "researchers", "students", "teachers"],
        "module_revision": ["journalists"],
    }
