"""The admin side: consultation responses (read-only, by consultation) with each consultation's
results page, kept out of Wagtail's own form-submissions screens (whose CSV export is not
formula-safe); the engagement dashboard's indicators; and the link from "You said, we did"."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import modeladmin_register

from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin, SafeExportIndexView

from . import admin_views
from .indicators import registered_indicators
from .models import ConsultationIndexPage, ConsultationPage, ConsultationResponse

OUTCOME_LINKS = 3


class ResponseButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        return [
            {
                "url": reverse("consultations_results", args=[obj.page_id]),
                "label": gettext("Results"),
                "classname": self.finalise_classname(
                    ["button-secondary", *(classnames_add or [])], classnames_exclude
                ),
                "title": gettext("Results of %(title)s") % {"title": obj.page.title},
            }
        ]


@modeladmin_register
class ConsultationResponseAdmin(RecordAdmin):
    model = ConsultationResponse
    menu_label = _("Consultations")
    menu_icon = "list-ul"
    menu_order = 257
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = ResponseButtonHelper
    list_display = ("pk", "page", "submit_time", "kept_with_contact")
    list_filter = ("submit_time",)
    search_fields = ("page__title",)
    list_export = ("pk", "page", "submit_time")
    export_filename = "consultation-responses"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page")

    def get_extra_admin_urls(self):
        return admin_views.admin_urls()

    def kept_with_contact(self, response):
        return gettext("Yes") if response.contact_id else gettext("No")

    kept_with_contact.short_description = _("Respondent agreed to be kept")


@hooks.register("filter_form_submissions_for_user")
def consultations_are_read_in_their_results(user, editable_forms):
    return editable_forms.not_type(ConsultationPage)


@hooks.register("register_engagement_indicators")
def consultation_indicators():
    return registered_indicators()


@hooks.register("register_you_said_we_did_links")
def consultation_outcomes():
    """The latest published outcomes and the listing, for "You said, we did" (feedback reads
    them by this hook's name, without importing this app)."""
    index = ConsultationIndexPage.objects.live().first()
    if index is None:
        return []
    outcomes = [page for page in index.consultations() if page.has_outcome and not page.is_open()]
    links = [
        {"title": page.title, "url": page.url, "text": page.summary} for page in outcomes[:OUTCOME_LINKS]
    ]
    return [*links, {"title": gettext("Every consultation and its outcome"), "url": index.url, "text": ""}]
