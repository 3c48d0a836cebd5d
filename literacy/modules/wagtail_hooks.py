"""The "E-modules" menu: certificates (staff may revoke one) and the statistics screen."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin

from . import admin_views
from .models import Certificate


class CertificatePermissionHelper(ReadOnlyPermissionHelper):
    """Certificates are issued by learners completing modules; staff only revoke them."""

    def user_can_edit_obj(self, user, obj):
        return user.has_perm("modules.change_certificate")


class CertificateAdmin(RecordAdmin):
    model = Certificate
    base_url_path = "literacy/certificate"  # the admin address it had before literacy was split
    menu_label = _("Certificates")
    menu_icon = "success"
    permission_helper_class = CertificatePermissionHelper
    inspect_view_enabled = True
    list_display = ("display_code", "name", "module_title", "tier", "issued_at", "validity")
    list_filter = ("tier", "issued_at", "revoked_at")
    search_fields = ("code", "name", "module_title")
    ordering = ("-issued_at",)
    panels = [FieldPanel("revoked_at"), FieldPanel("revocation_reason")]
    inspect_view_fields = (
        "code",
        "name",
        "module_title",
        "tier",
        "score",
        "issued_at",
        "revoked_at",
        "revocation_reason",
    )

    def validity(self, certificate):
        return gettext("Revoked") if certificate.revoked else gettext("Valid")

    validity.short_description = _("Status")

    def display_code(self, certificate):
        return certificate.display_code

    display_code.short_description = _("Code")


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_statistics(request.user)


@modeladmin_register
class LearningGroup(ModelAdminGroup):
    menu_label = _("E-modules")
    menu_icon = "doc-full"
    menu_order = 250
    items = (CertificateAdmin,)

    def get_submenu_items(self):
        statistics = StatisticsMenuItem(
            _("Statistics"),
            reverse("literacy_module_statistics"),
            name="module-statistics",
            icon_name="list-ul",
            order=len(self.items) + 1,
        )
        return [*super().get_submenu_items(), statistics]


@hooks.register("register_admin_urls")
def register_learning_admin_urls():
    return admin_views.admin_urls()


@hooks.register("register_engagement_indicators")
def learning_indicators():
    from .indicators import registered_indicators

    return registered_indicators()
