"""A large file imported in the background: queued by the admin's import screen, run by a
worker, its progress and result shown to the editor on the job's page."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .data import Dataset, DatasetVersion


class ImportJob(models.Model):
    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUS_CHOICES = [(QUEUED, "Queued"), (RUNNING, "Running"), (DONE, "Done"), (FAILED, "Failed")]

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="import_jobs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=QUEUED, db_index=True)
    dry_run = models.BooleanField(default=False, help_text=_("A preview: nothing is kept."))
    format = models.CharField(max_length=20)
    mapping = models.JSONField(
        default=dict, blank=True, help_text=_("The file's columns chosen for each field: {column: field}.")
    )
    note = models.TextField(blank=True)
    revision_kind = models.CharField(max_length=20, blank=True, help_text=_("If published figures change."))
    revision_reason = models.TextField(blank=True, help_text=_("Why they change (the public notice)."))
    filename = models.CharField(max_length=255, blank=True, help_text=_("The uploaded file's name."))
    stored_as = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Where the upload waits for the worker; removed after the run."),
    )
    rows_total = models.PositiveIntegerField(
        default=0, help_text=_("Lines in the file (an estimate of rows).")
    )
    rows_done = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list, blank=True)
    changes = models.JSONField(
        default=list, blank=True, help_text=_("The diff against the previous version.")
    )
    version = models.ForeignKey(
        DatasetVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    publication = models.ForeignKey(
        "datasets.VersionPublication",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The imported version's publication, for the editor to submit for approval."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import job")

    def __str__(self):
        return f"{self.dataset} import {self.pk} ({self.status})"

    def get_admin_url(self):
        return reverse("datasets_import_job", args=[self.pk])

    @property
    def finished(self):
        return self.status in {self.DONE, self.FAILED}
