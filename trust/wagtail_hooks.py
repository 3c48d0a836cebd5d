"""The "Misuse reports" queue for the staff who handle them, their open counts on the admin's
home page, and their indicators on the engagement dashboard."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import modeladmin_register

from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin, SafeExportIndexView

from . import admin_views
from .indicators import registered_indicators
from .models import MisuseReport


class ReportButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        label = gettext("Handle") if admin_views.can_handle(self.request.user) else gettext("Open")
        return [
            {
                "url": reverse("trust_misusereport_handle", args=[obj.pk]),
                "label": label,
                "classname": self.finalise_classname(
                    ["button-secondary", *(classnames_add or [])], classnames_exclude
                ),
                "title": f"{label} {obj.reference}",
            }
        ]


@modeladmin_register
class MisuseReportAdmin(RecordAdmin):
    model = MisuseReport
    menu_label = _("Misuse reports")
    menu_icon = "warning"
    menu_order = 256
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = ReportButtonHelper
    list_display = ("reference", "short_claim", "status", "age", "created_at", "answered_at")
    list_display_add_buttons = "reference"
    list_filter = ("status", "created_at")
    search_fields = ("reference", "name", "email", "claim", "where")
    list_export = (
        "reference",
        "created_at",
        "status",
        "answered_at",
        "name",
        "email",
        "claim",
        "where",
        "details",
    )
    export_filename = "misuse-reports"

    def get_extra_admin_urls(self):
        return admin_views.admin_urls()

    def short_claim(self, report):
        return Truncator(report.claim).chars(100)

    short_claim.short_description = _("Claim")

    def age(self, report):
        """How long an open report has waited; a closed one, how long it took."""
        end = report.answered_at or timezone.now()
        return timesince(report.created_at, end)

    age.short_description = _("Age (open) or time to answer")


class OpenReportsPanel(Component):
    """On the admin's home page, for those who handle reports: how many are open and how old."""

    name = "open_misuse_reports"
    order = 120

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        return render_to_string(
            "trust/admin/open_reports_panel.html",
            {
                "summary": admin_views.open_report_summary(),
                "index_url": reverse("trust_misusereport_modeladmin_index"),
            },
        )


@hooks.register("construct_homepage_panels")
def open_reports_panel(request, panels):
    if request.user.has_perm(admin_views.VIEW_PERMISSION):
        panels.append(OpenReportsPanel(request))


@hooks.register("register_engagement_indicators")
def trust_indicators():
    return registered_indicators()
