"""Applications in the admin for the programme's staff, and the programme's reach on the
engagement dashboard."""

from django.urls import reverse
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import modeladmin_register

from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin, SafeExportIndexView

from . import admin_views
from .indicators import registered_indicators
from .models import Application


class ApplicationButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        label = gettext("Decide") if admin_views.can_decide(self.request.user) else pgettext("verb", "Open")
        return [
            {
                "url": reverse("ambassadors_application_decide", args=[obj.pk]),
                "label": label,
                "classname": self.finalise_classname(
                    ["button-secondary", *(classnames_add or [])], classnames_exclude
                ),
                "title": f"{label}: {obj.name}",
            }
        ]


@modeladmin_register
class ApplicationAdmin(RecordAdmin):
    model = Application
    menu_label = _("Ambassadors")
    menu_icon = "group"
    menu_order = 257
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = ApplicationButtonHelper
    list_display = ("name", "role", "organisation", "status", "created_at", "decided_at")
    list_display_add_buttons = "name"
    list_filter = ("status", "role", "created_at")
    search_fields = ("name", "email", "organisation")
    list_export = ("created_at", "status", "decided_at", "name", "email", "role", "organisation", "channels")
    export_filename = "ambassador-applications"

    def get_extra_admin_urls(self):
        return admin_views.admin_urls()


@hooks.register("register_engagement_indicators")
def ambassador_indicators():
    return registered_indicators()
