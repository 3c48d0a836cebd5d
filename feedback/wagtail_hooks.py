"""The "Feedback" menu: page feedback to tag, data requests to triage, and the themes of both."""

from django import forms
from django.contrib.admin import SimpleListFilter
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from portal.core.admin_views import (
    ReadOnlyPermissionHelper,
    RecordAdmin,
    RecordPermissionHelper,
    SafeExportIndexView,
)
from portal.engagement.registry import content_type_label

from . import admin_views
from .indicators import registered_indicators
from .models import DataRequest, FeedbackTheme, PageFeedback


class RelatedFilter(SimpleListFilter):
    """Filter by a related object (Django's own related-field filter needs django.contrib.admin)."""

    field = ""

    def choices_for_filter(self):
        raise NotImplementedError

    def lookups(self, request, model_admin):
        return [(str(pk), label) for pk, label in self.choices_for_filter()]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(**{f"{self.field}__pk": value}).distinct()
        return queryset


class ThemeFilter(RelatedFilter):
    title = _("theme")
    parameter_name = "theme"
    field = "themes"

    def choices_for_filter(self):
        return FeedbackTheme.objects.values_list("pk", "name")


class PageTypeFilter(RelatedFilter):
    title = _("type of page")
    parameter_name = "page_type"
    field = "content_type"

    def choices_for_filter(self):
        used = PageFeedback.objects.values_list("content_type_id", flat=True).distinct()
        return sorted(((pk, content_type_label(pk)) for pk in used), key=lambda choice: choice[1])


class AssigneeFilter(RelatedFilter):
    title = _("assigned to")
    parameter_name = "assignee"
    field = "assigned_to"

    def choices_for_filter(self):
        return (
            get_user_model()
            .objects.filter(assigned_data_requests__isnull=False)
            .distinct()
            .order_by("email")
            .values_list("pk", "email")
        )


class PageFeedbackPermissionHelper(RecordPermissionHelper):
    """Staff tag and mark feedback; what the reader wrote is never added to or deleted."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class PageFeedbackAdmin(RecordAdmin):
    model = PageFeedback
    menu_label = _("Page feedback")
    menu_icon = "help"
    index_view_class = SafeExportIndexView
    permission_helper_class = PageFeedbackPermissionHelper
    inspect_view_enabled = True
    list_display = (
        "page_title",
        "answer",
        "feedback_type",
        "short_comment",
        "theme_names",
        "addressed",
        "language",
        "created_at",
    )
    list_filter = (
        "useful",
        "feedback_type",
        PageTypeFilter,
        ThemeFilter,
        "addressed",
        "language",
        "created_at",
    )
    search_fields = ("page_title", "comment")
    list_export = (
        "page_title",
        "content_type",
        "answer",
        "feedback_type",
        "comment",
        "theme_names",
        "addressed",
        "language",
        "created_at",
    )
    export_filename = "page-feedback"
    inspect_view_fields = (
        "page_title",
        "content_type",
        "useful",
        "feedback_type",
        "comment",
        "language",
        "created_at",
    )
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("page_title", read_only=True),
                FieldPanel("useful", read_only=True),
                FieldPanel("feedback_type", read_only=True),
                FieldPanel("comment", read_only=True),
            ],
            heading=_("What the reader said"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("addressed"),
        FieldPanel("staff_note"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("content_type").prefetch_related("themes")

    def answer(self, feedback):
        return gettext("Useful") if feedback.useful else gettext("Not useful")

    answer.short_description = _("Answer")
    answer.admin_order_field = "useful"

    def short_comment(self, feedback):
        return Truncator(feedback.comment).chars(120)

    short_comment.short_description = _("Comment")

    def theme_names(self, item):
        return ", ".join(theme.name for theme in item.themes.all())

    theme_names.short_description = _("Themes")


class DataRequestButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        label = gettext("Triage") if admin_views.can_triage(self.request.user) else pgettext("verb", "Open")
        return [
            {
                "url": reverse("feedback_datarequest_triage", args=[obj.pk]),
                "label": label,
                "classname": self.finalise_classname(
                    ["button-secondary", *(classnames_add or [])], classnames_exclude
                ),
                "title": f"{label} {obj.reference}",
            }
        ]


class DataRequestAdmin(RecordAdmin):
    model = DataRequest
    menu_label = _("Data requests")
    menu_icon = "mail"
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = DataRequestButtonHelper
    list_display = (
        "reference",
        "name",
        "short_what",
        "purpose",
        "status",
        "assigned_to",
        "deadline",
        "language",
        "created_at",
    )
    list_display_add_buttons = "reference"
    list_filter = ("status", "purpose", "user_group", ThemeFilter, AssigneeFilter, "language", "created_at")
    search_fields = ("reference", "name", "email", "organisation", "what")
    list_select_related = ("assigned_to",)
    list_export = (
        "reference",
        "created_at",
        "status",
        "closed_at",
        "name",
        "email",
        "organisation",
        "user_group",
        "purpose",
        "what",
        "deadline",
        "theme_names",
        "language",
    )
    export_filename = "data-requests"

    def get_extra_admin_urls(self):
        return admin_views.admin_urls()

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def short_what(self, data_request):
        return Truncator(data_request.what).chars(100)

    short_what.short_description = _("Data needed")

    def theme_names(self, item):
        return ", ".join(theme.name for theme in item.themes.all())

    theme_names.short_description = _("Themes")


class FeedbackThemeAdmin(RecordAdmin):
    model = FeedbackTheme
    menu_label = _("Themes")
    menu_icon = "tag"
    list_display = ("name", "description")
    search_fields = ("name",)


@modeladmin_register
class FeedbackGroup(ModelAdminGroup):
    menu_label = _("Feedback")
    menu_icon = "help"
    menu_order = 255
    items = (DataRequestAdmin, PageFeedbackAdmin, FeedbackThemeAdmin)


@hooks.register("register_engagement_indicators")
def feedback_indicators():
    return registered_indicators()
