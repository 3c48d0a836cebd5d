from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin, SafeExportIndexView

from .models import Consent, Contact, Touchpoint


class ContactAdmin(RecordAdmin):
    model = Contact
    menu_label = _("Contacts")
    menu_icon = "group"
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    list_display = (
        "email",
        "name",
        "user_group",
        "organisation",
        "region",
        "preferred_language",
        "touchpoint_count",
        "created_at",
    )
    list_filter = ("user_group", "literacy_level", "preferred_language", "touchpoints__kind", "created_at")
    search_fields = ("email", "name", "organisation", "region")
    list_export = (
        "email",
        "name",
        "user_group",
        "organisation",
        "region",
        "literacy_level",
        "preferred_language",
        "topic_names",
        "touchpoint_count",
        "created_at",
    )
    export_filename = "contacts"
    inspect_view_fields = (
        "email",
        "name",
        "user",
        "user_group",
        "organisation",
        "region",
        "literacy_level",
        "preferred_language",
        "created_at",
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(touchpoint_total=Count("touchpoints", distinct=True))
            .prefetch_related("topics")
        )

    def touchpoint_count(self, contact):
        return contact.touchpoint_total

    touchpoint_count.short_description = "Touchpoints"
    touchpoint_count.admin_order_field = "touchpoint_total"

    def topic_names(self, contact):
        return ", ".join(sorted(tag.name for tag in contact.topics.all()))

    topic_names.short_description = "Topics of interest"


class TouchpointAdmin(RecordAdmin):
    model = Touchpoint
    menu_label = _("Touchpoints")
    menu_icon = "history"
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("contact", "kind", "source", "created_at")
    list_filter = ("kind", "contact__user_group", "created_at")
    search_fields = ("contact__email", "source", "detail")
    list_export = ("contact__email", "contact__user_group", "kind", "source", "detail", "created_at")
    export_filename = "touchpoints"
    list_select_related = ("contact",)


class ConsentAdmin(RecordAdmin):
    model = Consent
    menu_label = _("Consents")
    menu_icon = "tick-inverse"
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = ("contact", "purpose", "granted", "recorded_at")
    list_filter = ("purpose", "granted", "recorded_at")
    search_fields = ("contact__email", "purpose", "wording")
    list_export = ("contact__email", "purpose", "granted", "wording", "recorded_at")
    export_filename = "consents"
    list_select_related = ("contact",)


@modeladmin_register
class UserDatabaseGroup(ModelAdminGroup):
    menu_label = _("User database")
    menu_icon = "group"
    menu_order = 250
    items = (ContactAdmin, TouchpointAdmin, ConsentAdmin)
