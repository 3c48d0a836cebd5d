"""The "Data" menu: datasets (with their indicators and versions), indicators and code lists."""

from django.contrib.admin import SimpleListFilter
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import InspectView

from portal.core.admin_views import RecordAdmin, SafeExportIndexView

from . import admin_views
from .models import Code, CodeList, Dataset, Indicator


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
            "versions": self.instance.versions.select_related("created_by"),
            "may_import": self.request.user.has_perm(admin_views.IMPORT_PERMISSION),
        }


class DatasetAdmin(RecordAdmin):
    model = Dataset
    menu_label = "Datasets"
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

    latest.short_description = "Latest version"


class IndicatorAdmin(RecordAdmin):
    model = Indicator
    menu_label = "Indicators"
    menu_icon = "list-ul"
    list_display = ("code", "name", "dataset", "unit", "unit_multiplier")
    list_filter = (DatasetFilter,)
    list_select_related = ("dataset",)
    search_fields = ("code", "name", "definition")


class CodeListAdmin(RecordAdmin):
    model = CodeList
    menu_label = "Code lists"
    menu_icon = "list-ol"
    list_display = ("name", "slug", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "slug")


class CodeAdmin(RecordAdmin):
    model = Code
    menu_label = "Codes"
    menu_icon = "tag"
    list_display = ("code", "label", "code_list", "parent", "order")
    list_filter = (CodeListFilter,)
    list_select_related = ("code_list", "parent")
    search_fields = ("code", "label")


@modeladmin_register
class DataGroup(ModelAdminGroup):
    menu_label = "Data"
    menu_icon = "table"
    menu_order = 260
    items = (DatasetAdmin, IndicatorAdmin, CodeListAdmin, CodeAdmin)
