"""Large files imported in the background: the admin queues an ImportJob, a worker runs it.

The upload waits in a private folder (``DATASETS_IMPORT_DIR``, never served) and is deleted
after the run, whatever its outcome. The import runs in one transaction, so its progress cannot
be written to the job's row until it commits: the worker puts the rows read so far in the cache
(Redis in production, shared with the app servers), and the job's page reads it from there.
The background work goes through Django's tasks API, as newsletters do: RQ in production, run
at once in development."""

import logging
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .importing import ImportFailed, import_observations
from .models import ImportJob
from .publication import request_publication

logger = logging.getLogger(__name__)
PROGRESS_SECONDS = 24 * 60 * 60


def storage():
    location = (
        settings.DATASETS_IMPORT_DIR or Path(settings.MEDIA_ROOT).parent / "private-media" / "dataset-imports"
    )
    return FileSystemStorage(location=location, base_url=None)


def progress_key(job_id):
    return f"datasets:import-job:{job_id}:rows"


def rows_done(job):
    """The rows read so far: from the cache while the job runs, from its row once it is over."""
    if job.status == ImportJob.RUNNING:
        return cache.get(progress_key(job.pk), job.rows_done)
    return job.rows_done


def _count_lines(upload):
    lines = 0
    upload.seek(0)
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        lines += chunk.count(b"\n")
    upload.seek(0)
    return lines


def queue_import(
    dataset, upload, *, fmt, mapping=None, note="", revision_kind="", reason="", dry_run=False, user=None
):
    """Keep the upload for the worker, record the job (with the editor's column choices, the
    importer's ``mapping``) and queue it once the request commits."""
    rows_total = max(0, _count_lines(upload) - 1)  # the header is not a row
    stored_as = storage().save(f"{dataset.pk}/upload.csv", upload)
    job = ImportJob.objects.create(
        dataset=dataset,
        created_by=user,
        dry_run=dry_run,
        format=fmt,
        mapping=mapping or {},
        note=note,
        revision_kind=revision_kind,
        revision_reason=reason,
        filename=(upload.name or "")[:255],
        stored_as=stored_as,
        rows_total=rows_total,
    )
    transaction.on_commit(lambda: run_import_job_task.enqueue(job.pk), robust=True)
    return job


@task()
def run_import_job_task(job_id):
    """The task a worker runs."""
    return run_import_job(job_id).status


def run_import_job(job_id):
    """Run a queued job once (a second worker given the same job leaves it alone)."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.QUEUED).update(
        status=ImportJob.RUNNING, started_at=timezone.now()
    )
    job = ImportJob.objects.select_related("dataset", "created_by").get(pk=job_id)
    if not claimed:
        return job
    key = progress_key(job.pk)
    files = storage()
    try:
        with files.open(job.stored_as, "rb") as binary:
            result = import_observations(
                job.dataset,
                binary,
                fmt=job.format,
                mapping=job.mapping,
                dry_run=job.dry_run,
                note=job.note,
                user=job.created_by,
                filename=job.filename,
                revision_kind=job.revision_kind,
                reason=job.revision_reason,
                progress=lambda rows: cache.set(key, rows, PROGRESS_SECONDS),
            )
    except ImportFailed as failed:
        job.status, job.problems = ImportJob.FAILED, failed.lines()
    except Exception:
        logger.exception("dataset import job %s failed", job.pk)
        job.status = ImportJob.FAILED
        job.problems = ["The import stopped on an unexpected error: nothing was written. It has been logged."]
    else:
        job.status, job.rows_done, job.version = ImportJob.DONE, result.rows, result.version
        if result.version is not None:  # embargoed until a Moderator approves its publication
            job.publication = request_publication(result.version, job.created_by, job.note)
        against = f"version {result.previous.number}" if result.previous else "no earlier version"
        job.changes = [f"Changes against {against}:", *result.diff.lines()]
    finally:
        files.delete(job.stored_as)
        cache.delete(key)
    job.stored_as = ""
    job.finished_at = timezone.now()
    job.save()
    return job
