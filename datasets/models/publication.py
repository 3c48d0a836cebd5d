"""Publishing an imported version goes through a Wagtail workflow: a data editor submits the
version's publication, a Moderator approves it (or rejects it, saying why) in the standard
moderation screens. Approval publishes the record; ``datasets.publication`` then makes the
version public, or leaves it to its release run when a release is waiting for it."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TaskState,
    WorkflowMixin,
    WorkflowState,
)

from .data import DatasetVersion

PUBLISH_VERSION_PERMISSION = "datasets.publish_versionpublication"


class VersionPublication(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """The request to make one imported version public. It is made (as a draft, not live) by
    the admin's import; "live" means a Moderator approved it."""

    version = models.OneToOneField(DatasetVersion, on_delete=models.CASCADE, related_name="publication")
    note = models.TextField(
        "why publish", blank=True, max_length=1000, help_text=_("What changed, for the approver.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="version_publication")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="version_publication",
        for_concrete_model=False,
    )

    panels = [FieldPanel("version", read_only=True), FieldPanel("note")]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("version publication")
        permissions = [("publish_versionpublication", "Can approve the publication of a version")]

    def __str__(self):
        return f"Publish {self.version}"

    @property
    def revisions(self):
        return self._revisions

    def state(self):
        """(label, reason) for editors: approved, awaiting approval, rejected (and why), draft."""
        if self.live:
            return "Approved", ""
        workflow = WorkflowState.objects.for_instance(self).order_by("-created_at", "-pk").first()
        if workflow is None:
            return "Not submitted", ""
        if workflow.status == WorkflowState.STATUS_IN_PROGRESS:
            return "Awaiting approval", ""
        if workflow.status == WorkflowState.STATUS_NEEDS_CHANGES:
            rejected = (
                workflow.task_states.filter(status=TaskState.STATUS_REJECTED)
                .order_by("-finished_at", "-pk")
                .first()
            )
            return "Rejected", (rejected.get_comment() if rejected else "")
        return "Not submitted", ""
