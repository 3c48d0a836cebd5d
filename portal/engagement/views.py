"""The engagement dashboard in the Wagtail admin, and its CSV export."""

import datetime

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from portal.contacts.exports import safe_csv_lines
from portal.core.vocabularies import UserGroup

from .dashboard import MONTH, WEEK, Window, current_kpis, dashboard_tables, export_rows, period_start
from .indicators import top_pages

PERMISSION = "engagement.view_dashboard"
MAX_PERIODS = {WEEK: 104, MONTH: 60}
DEFAULT_PERIODS = {WEEK: 12, MONTH: 12}


class DashboardFilterForm(forms.Form):
    group_by = forms.ChoiceField(
        label=_("Per"), choices=[(MONTH, _("Month")), (WEEK, _("Week"))], required=False, initial=MONTH
    )
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    user_group = forms.ChoiceField(
        label=_("User group"), choices=[("", _("All user groups")), *UserGroup.choices], required=False
    )

    def clean(self):
        cleaned = super().clean()
        group_by = cleaned.get("group_by") or MONTH
        end = cleaned.get("end") or timezone.localdate()
        start = cleaned.get("start") or default_start(end, group_by)
        if start > end:
            raise forms.ValidationError(_("“From” must come before “To”."))
        span = (end - start).days / (7 if group_by == WEEK else 30.44)
        if span > MAX_PERIODS[group_by]:
            if group_by == WEEK:
                message = _("Show at most %(count)s weeks at a time: shorten the dates or group by month.")
            else:
                message = _("Show at most %(count)s months at a time: shorten the dates or group by month.")
            raise forms.ValidationError(message % {"count": MAX_PERIODS[group_by]})
        cleaned.update(group_by=group_by, start=start, end=end)
        return cleaned

    def window(self):
        if self.is_valid():
            data = self.cleaned_data
            return Window(data["start"], data["end"], data["group_by"], data["user_group"])
        end = timezone.localdate()
        return Window(default_start(end, MONTH), end, MONTH, "")


def default_start(end, group_by):
    start = period_start(end, group_by)
    for _period in range(DEFAULT_PERIODS[group_by] - 1):
        start = period_start(start - datetime.timedelta(days=1), group_by)
    return start


def check_permission(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


@require_GET
def dashboard(request):
    check_permission(request)
    form = DashboardFilterForm(request.GET or None)
    window = form.window()
    story_type = ContentType.objects.get_for_model(apps.get_model(settings.ENGAGEMENT_TOP_PAGES_MODEL))
    return TemplateResponse(
        request,
        "engagement/dashboard.html",
        {
            "form": form,
            "window": window,
            "tables": dashboard_tables(window),
            "kpis": current_kpis(),
            "top_stories": top_pages(window.start, window.end, content_type=story_type),
            "export_url": reverse("engagement_dashboard_export") + "?" + request.GET.urlencode(),
            "kpi_admin_url": reverse("engagement_kpitarget_modeladmin_index"),
        },
    )


@require_GET
def export(request):
    check_permission(request)
    window = DashboardFilterForm(request.GET or None).window()
    response = StreamingHttpResponse(
        safe_csv_lines(export_rows(window)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="engagement-{window.start}-{window.end}.csv"'
    return response


def admin_urls():
    return [
        path("engagement/", dashboard, name="engagement_dashboard"),
        path("engagement/export.csv", export, name="engagement_dashboard_export"),
    ]
