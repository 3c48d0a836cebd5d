"""The staff side of a misuse report: its details, history and the next step; its attachment;
and the open reports' counts and ages for the admin's home page."""

import mimetypes

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from portal.core.admin_moves import move_view

from . import reports
from .models import FactCheckPage, MisuseReport

VIEW_PERMISSION = "trust.view_misusereport"
HANDLE_PERMISSION = "trust.change_misusereport"
CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg"}
EXTENSIONS = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg"}


def can_handle(user):
    return user.has_perm(HANDLE_PERMISSION)


class MoveForm(forms.Form):
    status = forms.ChoiceField(label=_("Move to"), choices=())
    fact_check = forms.ModelChoiceField(
        queryset=FactCheckPage.objects.none(),
        required=False,
        label=_("Fact-check"),
        help_text=_("For “Published as a fact-check”: the published fact-check that answers the report."),
    )
    message = forms.CharField(
        label=_("Message to the reporter"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Emailed to the reporter with the new status. Needed to answer or to close with no action."
        ),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices
        self.fields["fact_check"].queryset = FactCheckPage.objects.live().order_by("-first_published_at")


@require_http_methods(["GET", "POST"])
def handle_view(request, pk):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    report = get_object_or_404(MisuseReport.objects.select_related("fact_check", "contact"), pk=pk)
    return move_view(
        request,
        can_move=can_handle(request.user),
        moves=[(status.value, status.label) for status in reports.allowed_moves(report)],
        form_class=MoveForm,
        move=lambda data: reports.move(
            report,
            user=request.user,
            status=data["status"],
            message=data["message"],
            fact_check=data["fact_check"],
        ),
        error_class=reports.TransitionError,
        success_message=f"{report.reference} moved on; the reporter was emailed.",
        template="trust/admin/handle.html",
        context={
            "report": report,
            "events": report.events.select_related("user"),
            "index_url": reverse("trust_misusereport_modeladmin_index"),
        },
    )


def attachment_view(request, pk):
    """The reporter's file, to staff who may see reports: downloaded, never shown inline."""
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    report = get_object_or_404(MisuseReport, pk=pk)
    if not report.attachment:
        raise Http404("This report has no attachment.")
    content_type = (
        CONTENT_TYPES.get(report.attachment_kind) or mimetypes.guess_type(report.attachment.name)[0]
    )
    response = FileResponse(
        report.attachment.open("rb"),
        as_attachment=True,
        filename=f"{report.reference}{EXTENSIONS.get(report.attachment_kind, '')}",
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def admin_urls():
    return [
        path("trust/reports/<int:pk>/", handle_view, name="trust_misusereport_handle"),
        path("trust/reports/<int:pk>/attachment/", attachment_view, name="trust_misusereport_attachment"),
    ]


def open_report_summary(now=None):
    """Per open status: how many reports, and the age of the oldest (one query)."""
    now = now or timezone.now()
    rows = (
        MisuseReport.objects.filter(status__in=MisuseReport.OPEN)
        .values("status")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
        .order_by()
    )
    found = {row["status"]: row for row in rows}
    return [
        {
            "status": status.label,
            "value": status.value,
            "count": found[status]["count"] if status in found else 0,
            "oldest_age": now - found[status]["oldest"] if status in found else None,
        }
        for status in MisuseReport.OPEN
    ]
