"""Release states, the date-change log, validation, who may confirm, and the release run."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from datasets.models import Release, ReleasePage
from datasets.releasing import publish_due_releases
from datasets.tests.factories import DatasetFactory, DatasetVersionFactory, ReleaseFactory
from tests.factories import StaffFactory

Status = Release.Status


def reload(release):
    return Release.objects.get(pk=release.pk)


def move(release, new_at, reason="", status=None, by=None):
    release = reload(release)
    release.announced_at = new_at
    release.change_reason = reason
    release.changed_by = by
    if status:
        release.status = status
    release.full_clean()
    release.save()
    return release


def test_a_new_release_takes_its_dataset_topic_and_whole_minutes(db):
    dataset = DatasetFactory(topics="Labour market, Population")
    release = Release(
        title="Jobs", dataset=dataset, announced_at=timezone.now() + timedelta(days=1, seconds=7)
    )
    release.full_clean()
    release.save()
    assert release.topic == "Labour market"
    assert release.announced_at.second == 0 and release.announced_at.microsecond == 0
    assert release.date_changes.count() == 0


def test_a_new_release_cannot_be_announced_in_the_past(db):
    release = ReleaseFactory.build(
        dataset=DatasetFactory(), announced_at=timezone.now() - timedelta(minutes=5)
    )
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert "future" in str(error.value.message_dict["announced_at"])


def test_every_date_move_is_logged_with_reason_and_author(db):
    staff = StaffFactory()
    release = ReleaseFactory()
    first = release.announced_at
    later = first + timedelta(days=2)
    move(release, later, by=staff)  # a provisional date moves without a reason
    move(release, later, status=Status.CONFIRMED)  # no move, no entry
    last = move(release, later + timedelta(hours=3), reason="Late survey returns")
    changes = list(last.date_changes.all())
    assert [(c.old_at, c.new_at) for c in changes] == [(first, later), (later, later + timedelta(hours=3))]
    assert changes[0].changed_by == staff and changes[0].reason == ""
    assert changes[1].reason == "Late survey returns"


def test_moving_a_confirmed_date_needs_a_reason(db):
    release = ReleaseFactory(status=Status.CONFIRMED)
    with pytest.raises(ValidationError) as error:
        move(release, release.announced_at + timedelta(days=1), reason="   ")
    assert "change_reason" in error.value.message_dict
    assert reload(release).date_changes.count() == 0


@pytest.mark.parametrize("status", [Status.POSTPONED, Status.CANCELLED])
def test_postponing_or_cancelling_needs_a_reason(db, status):
    release = reload(ReleaseFactory(status=Status.CONFIRMED))
    release.status = status
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert "status_reason" in error.value.message_dict
    release.status_reason = "The source survey was delayed."
    release.full_clean()


def test_postponing_logs_the_move_with_the_public_reason(db):
    release = reload(ReleaseFactory(status=Status.CONFIRMED))
    release.status, release.status_reason = Status.POSTPONED, "Data supplier outage"
    release.announced_at += timedelta(days=14)
    release.full_clean()
    release.save()
    assert release.date_changes.get().reason == "Data supplier outage"


def test_a_moved_date_cannot_be_in_the_past(db):
    release = ReleaseFactory()
    with pytest.raises(ValidationError):
        move(release, timezone.now() - timedelta(days=1), reason="typo")


@pytest.mark.parametrize(
    ("stored", "wanted"),
    [
        (Status.PROVISIONAL, Status.PUBLISHED),
        (Status.CONFIRMED, Status.PUBLISHED),
        (Status.CANCELLED, Status.CONFIRMED),
        (Status.PUBLISHED, Status.PROVISIONAL),
    ],
)
def test_refused_state_changes(db, stored, wanted):
    release = reload(ReleaseFactory(status=stored))
    release.status = wanted
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert "status" in error.value.message_dict


def test_a_published_release_keeps_its_date(db):
    release = ReleaseFactory(status=Status.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        move(release, release.announced_at + timedelta(days=1), reason="why not")
    assert "announced_at" in error.value.message_dict


def test_the_version_must_belong_to_the_dataset(db):
    release = ReleaseFactory.build(dataset=DatasetFactory(), version=DatasetVersionFactory())
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert "version" in error.value.message_dict


def test_an_overlong_reason_is_refused(db):
    release = reload(ReleaseFactory(status=Status.CONFIRMED))
    release.announced_at += timedelta(days=1)
    release.change_reason = "x" * 1001
    with pytest.raises(ValidationError):
        release.full_clean()


# The release run


def due_release(**extra):
    """A confirmed release with an embargoed version, announced for 09:30 tomorrow."""
    at = (timezone.now() + timedelta(days=1)).replace(hour=9, minute=30, second=0, microsecond=0)
    version = DatasetVersionFactory()
    return ReleaseFactory(
        dataset=version.dataset, version=version, status=Status.CONFIRMED, announced_at=at, **extra
    )


def test_the_run_publishes_at_the_minute_and_only_then(db):
    release = due_release()
    with time_machine.travel(release.announced_at - timedelta(seconds=1)):
        assert publish_due_releases() == []
        assert reload(release).version.published_at is None
    with time_machine.travel(release.announced_at + timedelta(seconds=20)):
        assert publish_due_releases() == [release]
        done = reload(release)
        assert done.status == Status.PUBLISHED
        assert done.version.published_at == release.announced_at
        assert publish_due_releases() == []  # idempotent


@pytest.mark.parametrize("status", [Status.PROVISIONAL, Status.POSTPONED, Status.CANCELLED])
def test_only_confirmed_releases_go_out(db, status):
    release = due_release()
    Release.objects.filter(pk=release.pk).update(status=status, status_reason="r")
    with time_machine.travel(release.announced_at + timedelta(minutes=1)):
        assert publish_due_releases() == []
    assert reload(release).version.published_at is None


def test_a_due_release_without_a_version_waits_and_says_so(db, capsys):
    release = ReleaseFactory(status=Status.CONFIRMED)
    with time_machine.travel(release.announced_at + timedelta(minutes=1)):
        call_command("publish_due_releases")
    assert reload(release).status == Status.CONFIRMED
    assert "no version imported yet" in capsys.readouterr().err


def test_the_command_reports_what_it_published(db, capsys):
    release = due_release(title="Births 2026")
    with time_machine.travel(release.announced_at + timedelta(minutes=1)):
        call_command("publish_due_releases")
        assert "Published: Births 2026" in capsys.readouterr().out
        call_command("publish_due_releases")
        assert "No release due." in capsys.readouterr().out


def test_the_run_publishes_linked_draft_pages(db):
    from home.tests.factories import StandardPageFactory

    page = StandardPageFactory(title="What the new figures say", live=False)
    assert not page.live
    release = due_release()
    ReleasePage.objects.create(release=release, page=page)
    with time_machine.travel(release.announced_at + timedelta(minutes=1)):
        assert publish_due_releases() == [release]
    page.refresh_from_db()
    assert page.live
