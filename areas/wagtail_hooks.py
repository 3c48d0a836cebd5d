"""The "Areas" admin menu: the levels of the hierarchy, and the boundaries import."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from portal.core.admin_views import RecordAdmin

from . import admin_views
from .models import AreaLevel


class AreaLevelAdmin(RecordAdmin):
    model = AreaLevel
    menu_label = _("Area levels")
    menu_icon = "list-ol"
    list_display = ("depth", "name", "name_plural", "slug", "simplify_tolerance")

    def get_extra_admin_urls(self):
        return admin_views.admin_urls()


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.IMPORT_PERMISSION)


@modeladmin_register
class AreasGroup(ModelAdminGroup):
    menu_label = _("Areas")
    menu_icon = "site"
    menu_order = 261
    items = (AreaLevelAdmin,)

    def get_submenu_items(self):
        url = reverse("areas_boundaries_import")
        return [
            *super().get_submenu_items(),
            ImportMenuItem(_("Import boundaries"), url, icon_name="upload", order=5),
        ]
