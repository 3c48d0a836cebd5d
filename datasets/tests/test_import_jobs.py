"""Large files: the admin queues a background import job, shows its progress, then its result."""

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from datasets import importing, jobs
from datasets.models import DatasetVersion, ImportJob, Observation
from tests.factories import StaffFactory

HEADER = b"indicator,period,area,sex,age,value,status\n"
ROWS = b"".join(b"POP,%d,NAT,F,_T,%d,\n" % (year, year) for year in range(1950, 2025))


@pytest.fixture
def data_editor(client, db, settings, tmp_path):
    settings.DATASETS_BACKGROUND_IMPORT_BYTES = 100  # every file in these tests goes to the worker
    settings.DATASETS_IMPORT_DIR = str(tmp_path / "imports")
    editor = StaffFactory(groups=["Data editors"])
    client.force_login(editor)
    client.user = editor
    return client


def send(client, dataset, content, button="import", name="population.csv", **fields):
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    url = reverse("datasets_dataset_import", args=[dataset.pk])
    return client.post(url, {"file": upload, "format": "tidy", "note": "Big", button: "", **fields})


def stored_files(tmp_path):
    folder = tmp_path / "imports"
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def test_a_large_file_is_queued_run_and_reported(
    data_editor, dataset, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(data_editor, dataset, HEADER + ROWS)
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("datasets_import_job", args=[job.pk])
    assert (job.status, job.rows_total, job.rows_done, job.created_by) == ("done", 75, 75, data_editor.user)
    assert job.started_at and job.finished_at
    version = DatasetVersion.objects.get()
    assert (job.version, version.row_count, version.note, version.created_by) == (
        version,
        75,
        "Big",
        data_editor.user,
    )
    assert stored_files(tmp_path) == []  # the upload does not linger
    page = data_editor.get(response.url).content.decode()
    assert "Imported 75 rows as version 1." in page
    assert "75 added, 0 removed, 0 changed" in page
    assert 'http-equiv="refresh"' not in page


def test_a_job_that_revises_published_figures_says_why_and_waits_for_approval(
    data_editor, dataset, django_capture_on_commit_callbacks
):
    importing.import_observations(dataset, io.BytesIO(HEADER + ROWS), publish=True)
    revised = HEADER + ROWS.replace(b"POP,2024,NAT,F,_T,2024,", b"POP,2024,NAT,F,_T,2025,")
    with django_capture_on_commit_callbacks(execute=True):
        send(data_editor, dataset, revised)
    refused = ImportJob.objects.get()
    assert refused.status == "failed"
    assert "changes or removes 1 published figure" in " ".join(refused.problems)
    assert DatasetVersion.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = send(
            data_editor, dataset, revised, revision_kind="correction", reason="A typing error in 2024."
        )
    job = ImportJob.objects.exclude(pk=refused.pk).get()
    assert job.status == "done"
    assert job.version.revision_kind == "correction"
    assert job.version.revision_reason == "A typing error in 2024."
    assert not job.version.is_public(), "embargoed until a Moderator approves it"
    assert job.publication.version == job.version and not job.publication.live
    page = data_editor.get(response.url).content.decode()
    assert reverse("wagtailsnippets_datasets_versionpublication:edit", args=[job.publication.pk]) in page


def test_a_queued_job_waits_and_its_page_reloads(data_editor, dataset, tmp_path):
    response = send(data_editor, dataset, HEADER + ROWS)  # not committed: the worker has not run
    job = ImportJob.objects.get()
    assert job.status == "queued"
    assert len(stored_files(tmp_path)) == 1
    page = data_editor.get(response.url).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "Rows read: 0 of about 75" in page
    assert not DatasetVersion.objects.exists()


def test_a_running_job_shows_the_rows_read_so_far(data_editor, dataset):
    send(data_editor, dataset, HEADER + ROWS)
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(status="running")
    cache.set(jobs.progress_key(job.pk), 30)
    page = data_editor.get(reverse("datasets_import_job", args=[job.pk])).content.decode()
    assert "Rows read: 30 of about 75" in page
    assert 'value="40"' in page
    assert 'http-equiv="refresh"' in page


def test_progress_is_reported_as_rows_are_read(dataset, monkeypatch):
    import io

    monkeypatch.setattr(importing, "PROGRESS_EVERY", 20)
    seen = []
    importing.import_observations(dataset, io.BytesIO(HEADER + ROWS), progress=seen.append)
    assert seen == [20, 40, 60]


def test_a_bad_row_at_the_end_fails_the_job_and_writes_nothing(
    data_editor, dataset, tmp_path, django_capture_on_commit_callbacks
):
    bad = HEADER + ROWS + b"POP,2024-13,NAT,F,_T,<script>alert(1)</script>,\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = send(data_editor, dataset, bad)
    job = ImportJob.objects.get()
    assert job.status == "failed"
    assert job.problems[0] == "line 77, column B (period): '2024-13': the month must be 01 to 12"
    assert not DatasetVersion.objects.exists()
    assert not Observation.objects.exists()
    assert stored_files(tmp_path) == []
    page = data_editor.get(response.url).content.decode()
    assert "nothing was written" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_a_duplicate_at_the_end_fails_the_job_and_writes_nothing(
    data_editor, dataset, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(data_editor, dataset, HEADER + ROWS + b"POP,1950,NAT,F,_T,1,\n")
    job = ImportJob.objects.get()
    assert (job.status, job.problems) == ("failed", ["line 77: the same observation as line 2"])
    assert not DatasetVersion.objects.exists()
    assert not Observation.objects.exists()


def test_a_preview_job_keeps_nothing(data_editor, dataset, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(data_editor, dataset, HEADER + ROWS, button="preview")
    job = ImportJob.objects.get()
    assert (job.status, job.dry_run, job.rows_done, job.version) == ("done", True, 75, None)
    assert not DatasetVersion.objects.exists()
    assert "Preview: 75 valid rows" in data_editor.get(response.url).content.decode()


def test_a_job_runs_once(data_editor, dataset, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send(data_editor, dataset, HEADER + ROWS)
    job = ImportJob.objects.get()
    assert jobs.run_import_job(job.pk).status == "done"  # a second worker leaves it alone
    assert DatasetVersion.objects.count() == 1


def test_an_unexpected_error_fails_the_job_and_is_logged(data_editor, dataset, monkeypatch, caplog):
    send(data_editor, dataset, HEADER + ROWS)
    job = ImportJob.objects.get()

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(jobs, "import_observations", broken)
    assert jobs.run_import_job(job.pk).status == "failed"
    job.refresh_from_db()
    assert job.problems == [
        "The import stopped on an unexpected error: nothing was written. It has been logged."
    ]
    assert "disk on fire" in caplog.text
    assert job.stored_as == ""


def test_small_files_are_still_imported_at_once(data_editor, dataset, settings):
    settings.DATASETS_BACKGROUND_IMPORT_BYTES = 10_000
    response = send(data_editor, dataset, HEADER + b"POP,2024,NAT,F,_T,1,\n")
    assert response.status_code == 302
    assert not ImportJob.objects.exists()
    assert DatasetVersion.objects.get().row_count == 1


@pytest.mark.parametrize("groups", [[], ["Moderators"]])
def test_only_data_editors_queue_jobs_and_see_them(client, dataset, data_editor, groups):
    send(data_editor, dataset, HEADER + ROWS)
    job = ImportJob.objects.get()
    other = StaffFactory(groups=groups)
    client.force_login(other)
    refused = client.get(reverse("datasets_import_job", args=[job.pk]))
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))  # Wagtail's refusal
    assert send(client, dataset, HEADER + ROWS).status_code == 302
    assert ImportJob.objects.count() == 1


def test_an_unknown_job_is_not_found(data_editor):
    assert data_editor.get(reverse("datasets_import_job", args=[999_999])).status_code == 404


def test_the_job_page_refuses_post(data_editor, dataset):
    send(data_editor, dataset, HEADER + ROWS)
    job = ImportJob.objects.get()
    assert data_editor.post(reverse("datasets_import_job", args=[job.pk])).status_code == 405
