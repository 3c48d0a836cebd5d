"""The admin's import screen: upload a file, preview its changes, then import it.

The preview is a dry run of the same import the command makes; nothing is kept between the two
steps (the file is sent again to import it, with the columns chosen for each field: see
``datasets.forms``), so no uploaded data lingers on the server. An
imported version stays embargoed: its publication goes through the Moderators' workflow
(``datasets.publication``)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from .forms import ImportForm
from .importing import ImportFailed, import_observations, revision_needed
from .jobs import queue_import, rows_done
from .models import Dataset, ImportJob
from .publication import request_publication

IMPORT_PERMISSION = "datasets.add_datasetversion"


def import_view(request, pk):
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    dataset = get_object_or_404(Dataset, pk=pk)
    form = ImportForm(request.POST or None, request.FILES or None, dataset=dataset)
    result = problems = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        upload.seek(0)
        dry_run = "import" not in request.POST
        if upload.size > settings.DATASETS_BACKGROUND_IMPORT_BYTES:
            job = queue_import(
                dataset,
                upload,
                fmt=form.cleaned_data["format"],
                mapping=form.cleaned_data["mapping"],
                note=form.cleaned_data["note"],
                revision_kind=form.cleaned_data["revision_kind"],
                reason=form.cleaned_data["reason"],
                dry_run=dry_run,
                user=request.user,
            )
            return redirect("datasets_import_job", pk=job.pk)
        try:
            result = import_observations(
                dataset,
                upload.file,
                fmt=form.cleaned_data["format"],
                mapping=form.cleaned_data["mapping"],
                dry_run=dry_run,
                note=form.cleaned_data["note"],
                user=request.user,
                filename=upload.name,
                revision_kind=form.cleaned_data["revision_kind"],
                reason=form.cleaned_data["reason"],
            )
        except ImportFailed as failed:
            problems = failed.lines()
        else:
            if not dry_run:
                publication = request_publication(result.version, request.user, form.cleaned_data["note"])
                messages.success(
                    request,
                    ngettext(
                        "Imported %(rows)d rows as version %(number)s. It stays embargoed: submit it "
                        "for a Moderator's approval to publish it.",
                        "Imported %(rows)d rows as version %(number)s. It stays embargoed: submit it "
                        "for a Moderator's approval to publish it.",
                        result.rows,
                    )
                    % {"rows": result.rows, "number": result.version.number},
                )
                return redirect("wagtailsnippets_datasets_versionpublication:edit", publication.pk)
    return TemplateResponse(
        request,
        "datasets/admin/import.html",
        {
            "dataset": dataset,
            "form": form,
            "result": result,
            "problems": problems,
            "renamed": [
                (column, field)
                for column, field in (form.cleaned_data.get("mapping") or {}).items()
                if field and column.lower() != field
            ]
            if result
            else [],
            "revision_needed": revision_needed(result.revises_published)
            if result and result.revises_published
            else "",
            "inspect_url": reverse("datasets_dataset_modeladmin_inspect", args=[dataset.pk]),
        },
    )


REFRESH_SECONDS = 3


@require_GET
def import_job_view(request, pk):
    """A background import's progress (the page reloads itself until the job is over), then its
    result: the rows imported and the changes, or every problem."""
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    job = get_object_or_404(ImportJob.objects.select_related("dataset", "version", "created_by"), pk=pk)
    done = rows_done(job)
    return TemplateResponse(
        request,
        "datasets/admin/import_job.html",
        {
            "job": job,
            "dataset": job.dataset,
            "rows_done": done,
            "percent": 100 if job.status == ImportJob.DONE else min(99, done * 100 // max(1, job.rows_total)),
            "refresh": None if job.finished else REFRESH_SECONDS,
            "import_url": reverse("datasets_dataset_import", args=[job.dataset_id]),
            "inspect_url": reverse("datasets_dataset_modeladmin_inspect", args=[job.dataset_id]),
        },
    )


def admin_urls():
    return [
        path("datasets/dataset/<int:pk>/import/", import_view, name="datasets_dataset_import"),
        path("datasets/import-jobs/<int:pk>/", import_job_view, name="datasets_import_job"),
    ]
