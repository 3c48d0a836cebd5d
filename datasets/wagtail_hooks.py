"""The "Data" menu: datasets (with their indicators and versions), indicators, code lists and
the release calendar (a snippet, so editors can choose releases from pages later)."""

from django import forms
from django.contrib.admin import SimpleListFilter
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import InspectView

from portal.core.admin_views import RecordAdmin, SafeExportIndexView

from . import admin_views
from .admin_previews import GRANT_PERMISSION, PreviewAccessAdmin, PreviewGrantAdmin
from .models import (
    Code,
    CodeList,
    Dataset,
    DatasetTranslation,
    Indicator,
    IndicatorTranslation,
    Release,
    VersionPublication,
)
from .models.releases import PUBLISH_PERMISSION, REASON_MAX_LENGTH
from .translation_admin import TranslationAdmin, helper_for, up_to_date


class _RelatedFilter(SimpleListFilter):
    """Filter by a related record (Django's related-field filter needs django.contrib.admin)."""

    field = ""
    related = None

    def lookups(self, request, model_admin):
        return [(str(pk), str(label)) for pk, label in self.related.objects.values_list("pk", "title")]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(**{f"{self.field}_id": value}) if value and value.isdigit() else queryset


class DatasetFilter(_RelatedFilter):
    title = "dataset"
    parameter_name = "dataset"
    field = "dataset"
    related = Dataset


class CodeListFilter(_RelatedFilter):
    title = "code list"
    parameter_name = "code_list"
    field = "code_list"
    related = CodeList

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in CodeList.objects.values_list("pk", "name")]


class DatasetInspectView(InspectView):
    """A dataset with what a data editor checks before and after an import."""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "indicators": self.instance.indicators.all(),
            "versions": self.versions(),
            "may_import": self.request.user.has_perm(admin_views.IMPORT_PERMISSION),
        }

    def versions(self):
        """Each version with where its publication stands (approved, awaiting, rejected and why)."""
        versions = list(self.instance.versions.select_related("created_by", "publication"))
        for version in versions:
            publication = getattr(version, "publication", None)
            version.publication_state = publication.state() if publication else None
        return versions


class DatasetAdmin(RecordAdmin):
    model = Dataset
    menu_label = _("Datasets")
    menu_icon = "table"
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    inspect_view_class = DatasetInspectView
    inspect_template_name = "datasets/admin/dataset_inspect.html"
    inspect_view_fields = (
        "title",
        "slug",
        "summary",
        "topics",
        "producer",
        "contact_name",
        "contact_email",
        "licence",
        "update_frequency",
        "methodology_page",
        "area_code_list",
        "breakdown_code_lists",
    )
    list_display = ("title", "slug", "update_frequency", "producer", "latest")

    def get_extra_admin_urls(self):
        return admin_views.admin_urls()

    list_filter = ("update_frequency",)
    search_fields = ("title", "slug", "summary", "topics")

    def latest(self, dataset):
        version = dataset.latest_version()
        return f"v{version.number} ({version.row_count} rows)" if version else "not imported yet"

    latest.short_description = _("Latest version")


class IndicatorAdmin(RecordAdmin):
    model = Indicator
    menu_label = _("Indicators")
    menu_icon = "list-ul"
    list_display = ("code", "name", "dataset", "unit", "unit_multiplier")
    list_filter = (DatasetFilter,)
    list_select_related = ("dataset",)
    search_fields = ("code", "name", "definition")


class DatasetTranslationAdmin(TranslationAdmin):
    model = DatasetTranslation
    menu_label = _("Dataset translations")
    permission_helper_class = helper_for(Dataset)
    edit_handler = TranslationAdmin.panels_for("dataset", ["title", "summary"])
    list_display = ("title", "dataset", "language", up_to_date)
    list_select_related = ("dataset",)
    search_fields = ("title", "dataset__title")


class IndicatorTranslationAdmin(TranslationAdmin):
    model = IndicatorTranslation
    menu_label = _("Indicator translations")
    permission_helper_class = helper_for(Indicator)
    edit_handler = TranslationAdmin.panels_for("indicator", ["name", "definition"])
    list_display = ("name", "indicator", "language", up_to_date)
    list_select_related = ("indicator",)
    search_fields = ("name", "indicator__name", "indicator__code")


class CodeListAdmin(RecordAdmin):
    model = CodeList
    menu_label = _("Code lists")
    menu_icon = "list-ol"
    list_display = ("name", "slug", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "slug")


class CodeAdmin(RecordAdmin):
    model = Code
    menu_label = _("Codes")
    menu_icon = "tag"
    list_display = ("code", "label", "code_list", "parent", "order")
    list_filter = (CodeListFilter,)
    list_select_related = ("code_list", "parent")
    search_fields = ("code", "label")


class ReleaseForm(WagtailAdminModelForm):
    """A release's edit form: moving a date asks why (logged and shown publicly), and only
    release publishers may confirm a release or touch a confirmed one, since a confirmed
    release goes out by itself at its minute."""

    change_reason = forms.CharField(
        label=_("Why the date moved"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when a confirmed date moves; shown in the release's public date log."),
    )

    def clean(self):
        cleaned = super().clean()
        stored = self.instance._stored_status
        status = cleaned.get("status")
        publisher = self.for_user is not None and self.for_user.has_perm(PUBLISH_PERMISSION)
        if not publisher and (
            stored in (Release.Status.CONFIRMED, Release.Status.PUBLISHED)
            or (status == Release.Status.CONFIRMED and self.has_changed())
        ):
            raise forms.ValidationError(
                gettext("Only release publishers may confirm a release or change a confirmed one.")
            )
        self.instance.change_reason = cleaned.get("change_reason", "")
        self.instance.changed_by = self.for_user
        return cleaned


class ReleaseViewSet(SnippetViewSet):
    model = Release
    icon = "date"
    menu_label = _("Releases")
    add_to_admin_menu = False  # listed in the Data menu below
    list_display = ("title", "dataset", "announced_at", "status", "topic")
    list_filter = ("status",)
    search_fields = ("title", "topic")
    ordering = ("-announced_at",)
    edit_handler = ObjectList(Release.panels, base_form_class=ReleaseForm)


register_snippet(ReleaseViewSet)


@hooks.register("register_snippet_listing_buttons")
def pre_release_access_button(snippet, user, next_url=None):
    """In the release calendar's admin: grant a journalist pre-release access to a release that
    is not out yet (Moderators)."""
    if (
        isinstance(snippet, Release)
        and snippet.status not in (Release.Status.PUBLISHED, Release.Status.CANCELLED)
        and user.has_perm(GRANT_PERMISSION)
    ):
        url = reverse("datasets_previewgrant_modeladmin_create") + f"?release={snippet.pk}"
        yield ListingMenuItem(gettext("Grant pre-release access"), url, icon_name="view", priority=100)


class MadeByImportsPolicy(ModelPermissionPolicy):
    """A version's publication is made by the admin's import, never added by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [action for action in actions if action != "add"])


register_permission_policy(VersionPublication, MadeByImportsPolicy(VersionPublication))


class VersionPublicationViewSet(SnippetViewSet):
    """Imported versions waiting for (or given) a Moderator's approval to go public."""

    model = VersionPublication
    icon = "tasks"
    menu_label = _("Version approvals")
    add_to_admin_menu = False  # listed in the Data menu below
    list_display = ("__str__", "live", "created_at")
    list_filter = ("live",)
    ordering = ("-created_at",)


register_snippet(VersionPublicationViewSet)


@modeladmin_register
class DataGroup(ModelAdminGroup):
    menu_label = _("Data")
    menu_icon = "table"
    menu_order = 260
    items = (
        DatasetAdmin,
        IndicatorAdmin,
        DatasetTranslationAdmin,
        IndicatorTranslationAdmin,
        CodeListAdmin,
        CodeAdmin,
        PreviewGrantAdmin,
        PreviewAccessAdmin,
    )

    def get_submenu_items(self):
        """The record admins, then the release calendar and the version approvals (snippets,
        for those who may see them)."""
        releases = SnippetMenuItem(
            Release,
            _("Releases"),
            reverse("wagtailsnippets_datasets_release:list"),
            icon_name="date",
            order=10,
        )
        approvals = SnippetMenuItem(
            VersionPublication,
            _("Version approvals"),
            reverse("wagtailsnippets_datasets_versionpublication:list"),
            icon_name="tasks",
            order=11,
        )
        return [*super().get_submenu_items(), releases, approvals]


class SnippetMenuItem(MenuItem):
    def __init__(self, model, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.model = model

    def is_shown(self, request):
        return self.model.snippet_viewset.permission_policy.user_has_any_permission(
            request.user, ["add", "change", "delete", "view"]
        )
