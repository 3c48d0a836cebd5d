from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail_modeladmin.options import modeladmin_register

from portal.core.admin_views import RecordAdmin

from . import views
from .indicators import registered_indicators
from .models import KpiTarget
from .page_views import count_served_page
from .registry import indicator_choices

DASHBOARD_PERMISSION = "engagement.view_dashboard"


@hooks.register("on_serve_page")
def count_page_views(next_serve_page):
    """Wraps the serving of every page: count it once the response is known to be a success."""

    def serve_and_count(page, request, args, kwargs):
        response = next_serve_page(page, request, args, kwargs)
        count_served_page(page, request, response)
        return response

    return serve_and_count


@hooks.register("register_engagement_indicators")
def engagement_indicators():
    return registered_indicators()


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(DASHBOARD_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        "Engagement", reverse("engagement_dashboard"), name="engagement", icon_name="crosshairs", order=240
    )


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    return views.admin_urls()


class KpiTargetAdmin(RecordAdmin):
    model = KpiTarget
    menu_label = _("KPI targets")
    menu_icon = "pick"
    menu_order = 241
    add_to_settings_menu = False
    list_display = ("name", "indicator_title", "segment", "target_type", "target", "start_date", "end_date")
    list_filter = ("target_type", "end_date")
    search_fields = ("name", "notes")
    panels = [
        FieldPanel("name"),
        FieldRowPanel(
            [FieldPanel("indicator", widget=forms.Select(choices=indicator_choices)), FieldPanel("segment")]
        ),
        FieldRowPanel([FieldPanel("target_type"), FieldPanel("target")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("notes"),
    ]

    def indicator_title(self, target):
        return dict(indicator_choices()).get(target.indicator, target.indicator)

    indicator_title.short_description = "Indicator"


modeladmin_register(KpiTargetAdmin)
