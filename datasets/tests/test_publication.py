"""Publishing an imported version goes through the Moderators' workflow (issue 18): a data
editor submits it, a Moderator approves or rejects it with a comment; nothing is public before
approval, a rejection changes nothing and says why, and a release waiting for the version keeps
it until its minute. The command line's ``--publish`` is unchanged."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from datasets import figures
from datasets.models import DatasetVersion, Release, VersionPublication
from datasets.releasing import publish_due_releases
from datasets.tests.factories import ReleaseFactory, VersionPublicationFactory
from tests.factories import StaffFactory

GOOD = b"indicator,period,area,value\nPOP,2024,NAT,10\n"


def url(name, *args):
    return reverse(f"wagtailsnippets_datasets_versionpublication:{name}", args=args)


@pytest.fixture
def editor(db):
    return StaffFactory(groups=["Data editors"])


@pytest.fixture
def moderator(db):
    return StaffFactory(groups=["Moderators"])


def import_in_admin(client, dataset, note="New estimates"):
    upload = SimpleUploadedFile("population.csv", GOOD, content_type="text/csv")
    return client.post(
        reverse("datasets_dataset_import", args=[dataset.pk]),
        {"file": upload, "format": "tidy", "note": note, "import": ""},
    )


def submit(client, publication, note="New estimates"):
    return client.post(url("edit", publication.pk), {"note": note, "action-submit": "1"})


def task_state(publication):
    return TaskState.objects.filter(workflow_state__in=publication.workflow_states.all()).latest("pk")


def act(client, publication, action, comment=""):
    state = task_state(publication)
    return client.post(url("workflow_action", publication.pk, action, state.pk), {"comment": comment})


@pytest.fixture
def submitted(client, dataset, editor):
    """An import in the admin, submitted for approval by its data editor."""
    client.force_login(editor)
    response = import_in_admin(client, dataset)
    publication = VersionPublication.objects.get()
    assert response.status_code == 302 and response.url == url("edit", publication.pk)
    assert submit(client, publication).status_code == 302
    client.logout()
    publication.refresh_from_db()
    return publication


def is_public(version):
    version.refresh_from_db()
    return version.is_public() and version.dataset.current_version() == version


def test_an_import_in_the_admin_is_a_draft_publication_and_nothing_is_public(client, dataset, editor):
    client.force_login(editor)
    import_in_admin(client, dataset)
    publication = VersionPublication.objects.select_related("version").get()
    assert not publication.live
    assert publication.version.published_at is None
    assert publication.state() == ("Not submitted", "")
    assert client.get(dataset.get_absolute_url()).status_code == 404
    assert figures.current_version(dataset) is None
    assert dataset not in figures.public_datasets()


def test_submitting_starts_the_moderators_workflow(submitted):
    assert submitted.workflow_in_progress
    assert submitted.state() == ("Awaiting approval", "")
    assert not submitted.live
    assert submitted.version.published_at is None


def test_a_moderator_approves_and_the_version_goes_public(client, submitted, moderator, dataset):
    client.force_login(moderator)
    with_commit = act(client, submitted, "approve")
    assert with_commit.status_code == 302
    submitted.refresh_from_db()
    assert submitted.live
    assert submitted.state() == ("Approved", "")
    assert is_public(submitted.version)
    client.logout()
    assert client.get(dataset.get_absolute_url()).status_code == 200


def test_a_rejection_changes_nothing_and_says_why(client, submitted, moderator, editor, dataset):
    client.force_login(moderator)
    reason = "The North figure is <b>twice</b> last year's: check the file."
    assert act(client, submitted, "reject", reason).status_code == 302
    submitted.refresh_from_db()
    assert not submitted.live
    assert submitted.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    assert submitted.state() == ("Rejected", reason)
    submitted.version.refresh_from_db()
    assert submitted.version.published_at is None
    client.force_login(editor)
    page = client.get(reverse("datasets_dataset_modeladmin_inspect", args=[dataset.pk])).content.decode()
    assert "Rejected: <q>The North figure is &lt;b&gt;twice&lt;/b&gt; last year&#x27;s" in page
    client.logout()
    assert client.get(dataset.get_absolute_url()).status_code == 404


def test_a_data_editor_cannot_approve_nor_publish(client, submitted, editor):
    client.force_login(editor)
    response = act(client, submitted, "approve")
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    published = client.post(url("edit", submitted.pk), {"note": "x", "action-publish": "1"})
    assert published.status_code in (200, 302, 403)  # saved as a draft at most, never published
    submitted.refresh_from_db()
    assert not submitted.live
    submitted.version.refresh_from_db()
    assert submitted.version.published_at is None


def test_data_editors_have_no_publish_permission(editor, moderator):
    assert not editor.has_perm("datasets.publish_versionpublication")
    assert moderator.has_perm("datasets.publish_versionpublication")


def test_staff_without_the_permissions_cannot_see_the_approvals(client, submitted):
    client.force_login(StaffFactory())
    assert client.get(url("edit", submitted.pk)).status_code in (302, 403)
    assert act(client, submitted, "approve").status_code in (302, 403)
    submitted.refresh_from_db()
    assert not submitted.live


def test_approval_leaves_a_version_of_a_waiting_release_to_the_release_run(client, submitted, moderator):
    release = ReleaseFactory(dataset=submitted.version.dataset, version=submitted.version)
    Release.objects.filter(pk=release.pk).update(status=Release.Status.CONFIRMED)
    client.force_login(moderator)
    act(client, submitted, "approve")
    submitted.refresh_from_db()
    assert submitted.live
    submitted.version.refresh_from_db()
    assert submitted.version.published_at is None
    publish_due_releases(now=release.announced_at + timedelta(seconds=30))
    submitted.version.refresh_from_db()
    assert submitted.version.published_at == release.announced_at


def test_the_release_run_waits_for_approval(dataset):
    publication = VersionPublicationFactory(version__dataset=dataset)
    release = ReleaseFactory(dataset=dataset, version=publication.version)
    Release.objects.filter(pk=release.pk).update(status=Release.Status.CONFIRMED)
    assert publish_due_releases(now=release.announced_at + timedelta(minutes=1)) == []
    publication.version.refresh_from_db()
    release.refresh_from_db()
    assert publication.version.published_at is None
    assert release.status == Release.Status.CONFIRMED


def test_approving_an_already_public_version_changes_nothing(dataset):
    publication = VersionPublicationFactory(version__dataset=dataset)
    at = timezone.now() - timedelta(days=1)
    DatasetVersion.objects.filter(pk=publication.version_id).update(published_at=at)
    publication.save_revision().publish()
    publication.version.refresh_from_db()
    assert publication.version.published_at == at


def test_the_command_line_still_publishes_at_once(tmp_path, dataset):
    path = tmp_path / "population.csv"
    path.write_bytes(GOOD)
    call_command("import_dataset", str(path), dataset="population", publish=True)
    version = DatasetVersion.objects.get()
    assert version.is_public()
    assert not VersionPublication.objects.exists()


def test_the_publication_form_cannot_change_the_version(client, submitted, moderator, dataset):
    other = DatasetVersion.objects.create(dataset=dataset, number=99)
    client.force_login(moderator)
    client.post(url("edit", submitted.pk), {"note": "x", "version": other.pk, "action-publish": "1"})
    submitted.refresh_from_db()
    assert submitted.version_id != other.pk
    other.refresh_from_db()
    assert other.published_at is None


def test_nobody_adds_a_publication_by_hand(client, dataset):
    from tests.factories import SuperUserFactory

    client.force_login(SuperUserFactory())
    assert client.get(url("add")).status_code in (302, 403)
    assert client.post(url("add"), {"note": "x"}).status_code in (302, 403)
    assert not VersionPublication.objects.exists()
