"""The "Areas" admin menu: the levels of the hierarchy, and the boundaries import."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from datasets.translation_admin import TranslationAdmin, helper_for, up_to_date
from portal.core.admin_views import RecordAdmin

from . import admin_views
from .models import AreaLevel, AreaTranslation


class AreaLevelAdmin(RecordAdmin):
    model = AreaLevel
    menu_label = _("Area levels")
    menu_icon = "list-ol"
    list_display = ("depth", "name", "name_plural", "slug", "simplify_tolerance")

    def get_extra_admin_urls(self):
        return admin_views.admin_urls()


class AreaTranslationAdmin(TranslationAdmin):
    """Areas' names in other languages, for whoever may change the area codes."""

    model = AreaTranslation
    menu_label = _("Area name translations")
    permission_helper_class = helper_for(AreaTranslation._meta.get_field("area").related_model)
    edit_handler = TranslationAdmin.panels_for("area", ["name"])
    list_display = ("name", "area", "language", up_to_date)
    list_select_related = ("area",)
    search_fields = ("name", "area__label", "area__code")


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.IMPORT_PERMISSION)


@modeladmin_register
class AreasGroup(ModelAdminGroup):
    menu_label = _("Areas")
    menu_icon = "site"
    menu_order = 261
    items = (AreaLevelAdmin, AreaTranslationAdmin)

    def get_submenu_items(self):
        url = reverse("areas_boundaries_import")
        return [
            *super().get_submenu_items(),
            ImportMenuItem(_("Import boundaries"), url, icon_name="upload", order=5),
        ]
