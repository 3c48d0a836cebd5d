"""API keys in the admin (list, search, revoke) and API use on the engagement dashboard."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import modeladmin_register

from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin, SafeExportIndexView

from . import admin_views
from .indicators import registered_indicators
from .models import ApiKey


class KeyButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        if obj.revoked_at or not self.request.user.has_perm(admin_views.REVOKE_PERMISSION):
            return []
        return [
            {
                "url": reverse("api_apikey_revoke", args=[obj.pk]),
                "label": gettext("Revoke"),
                "classname": self.finalise_classname(
                    ["button-secondary", "no", *(classnames_add or [])], classnames_exclude
                ),
                "title": gettext("Revoke the key %(prefix)s") % {"prefix": obj.prefix},
            }
        ]


@modeladmin_register
class ApiKeyAdmin(RecordAdmin):
    model = ApiKey
    menu_label = _("API keys")
    menu_icon = "key"
    menu_order = 270
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = KeyButtonHelper
    list_display = ("prefix", "name", "owner", "created_at", "last_used_at", "revoked_at")
    list_display_add_buttons = "prefix"
    list_filter = ("created_at", "last_used_at", "revoked_at")
    search_fields = ("prefix", "name", "user__email")
    list_export = ("prefix", "name", "owner", "created_at", "last_used_at", "revoked_at")
    export_filename = "api-keys"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")

    def get_extra_admin_urls(self):
        return admin_views.admin_urls()


@hooks.register("register_engagement_indicators")
def api_indicators():
    return registered_indicators()
