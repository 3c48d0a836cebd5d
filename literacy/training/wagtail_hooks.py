"""The "Training" menu: registrations per session (with staff actions and a safe CSV export)
and what attendees said about each session."""

from urllib.parse import urlencode

from django.contrib.admin import SimpleListFilter
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import HistoryView

from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin, SafeExportIndexView

from . import admin_views
from .models import Registration, SessionFeedback, TrainingSessionPage
from .times import session_date


class SessionFilter(SimpleListFilter):
    """By session, newest first (Django's own related-field filter needs django.contrib.admin)."""

    title = _("session")
    parameter_name = "session"
    field = "session"

    def lookups(self, request, model_admin):
        sessions = TrainingSessionPage.objects.order_by("-starts_at").only(
            "pk", "title", "starts_at", "time_zone"
        )
        return [(str(session.pk), f"{session.title} ({session_date(session)})") for session in sessions]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(**{f"{self.field}_id": value})
        return queryset


class FeedbackSessionFilter(SessionFilter):
    field = "registration__session"


class RegistrationPermissionHelper(ReadOnlyPermissionHelper):
    """Registrations change only through the staff actions, which keep seats, the waitlist
    and the person's emails right; the generic edit form would bypass all three."""

    def user_can_manage(self, user):
        return admin_views.can_manage_registrations(user)


class RegistrationButtonHelper(ButtonHelper):
    """Row buttons: inspect, history, and the actions that apply to the row's registration."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if not self.permission_helper.user_can_manage(self.request.user):
            return buttons
        extra = list(classnames_add or [])
        buttons.append(
            {
                "url": self.url_helper.get_action_url("history", obj.pk),
                "label": gettext("History"),
                "classname": self.finalise_classname(["button-secondary", *extra], classnames_exclude),
                "title": gettext("Who changed %(name)s's registration, and when") % {"name": obj.name},
            }
        )
        query = urlencode({"id": obj.pk, "next": self.request.get_full_path()})
        for action in admin_views.actions_for(obj):
            look = "no" if action.serious else "button-secondary"
            buttons.append(
                {
                    "url": f"{action.url()}?{query}",
                    "label": action.label,
                    "classname": self.finalise_classname([look, *extra], classnames_exclude),
                    "title": gettext("%(action)s: %(name)s") % {"action": action.label, "name": obj.name},
                }
            )
        return buttons


class RegistrationIndexView(SafeExportIndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        manage = self.permission_helper.user_can_manage(self.request.user)
        context["bulk_actions"] = list(admin_views.ACTIONS.values()) if manage else []
        return context


class ListPermittedHistoryView(HistoryView):
    """A registration's history names people: only staff who may list registrations see it."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_list(user)


class RegistrationAdmin(RecordAdmin):
    model = Registration
    base_url_path = "literacy/registration"  # the admin address it had before literacy was split
    menu_label = _("Registrations")
    menu_icon = "form"
    index_view_class = RegistrationIndexView
    index_template_name = "training/admin/registration_index.html"
    index_view_extra_css = ["training/admin/registrations.css"]
    index_view_extra_js = ["training/admin/select-all.js"]
    permission_helper_class = RegistrationPermissionHelper
    button_helper_class = RegistrationButtonHelper
    history_view_class = ListPermittedHistoryView
    inspect_view_enabled = True
    list_display = ("name", "email", "session_and_date", "status", "attendance", "registered")
    list_display_add_buttons = "name"
    list_filter = (SessionFilter, "status", "session__audience", "attended", "created_at")
    search_fields = ("name", "email", "organisation")
    list_select_related = ("session",)
    ordering = ("-session__starts_at", "created_at", "pk")
    list_export = (
        "session",
        "session__starts_at",
        "name",
        "email",
        "organisation",
        "role",
        "user_group_label",
        "status_label",
        "attendance",
        "accessibility_needs",
        "questions",
        "created_at",
    )
    export_filename = "training-registrations"
    inspect_view_fields = (
        "session",
        "name",
        "email",
        "organisation",
        "role",
        "user_group",
        "accessibility_needs",
        "questions",
        "status",
        "status_changed_at",
        "attended",
        "created_at",
        "reminder_sent_at",
        "thank_you_sent_at",
    )

    def get_list_display(self, request):
        if admin_views.can_manage_registrations(request.user):
            return ("select", *self.list_display)
        return self.list_display

    def select(self, registration):
        return format_html(
            '<input type="checkbox" name="id" value="{}" form="registration-actions" aria-label="{}">',
            registration.pk,
            gettext("Select %(name)s") % {"name": registration.name},
        )

    select.short_description = _("Select")

    def status_label(self, registration):
        return registration.get_status_display()

    status_label.short_description = _("Status")

    def user_group_label(self, registration):
        return registration.get_user_group_display()

    user_group_label.short_description = _("User group")

    def attendance(self, registration):
        return {True: gettext("Attended"), False: gettext("Did not attend")}.get(registration.attended, "")

    attendance.short_description = _("Attended")

    def session_and_date(self, registration):
        session = registration.session
        return format_html("{}<br><small>{}</small>", session.title, session_date(session))

    session_and_date.short_description = _("Session")
    session_and_date.admin_order_field = "session__starts_at"

    def registered(self, registration):
        return registration.created_at

    registered.short_description = _("Registered")
    registered.admin_order_field = "created_at"

    def get_extra_admin_urls(self):
        return admin_views.registration_urls()


class FeedbackAdmin(RecordAdmin):
    model = SessionFeedback
    base_url_path = "literacy/sessionfeedback"  # the admin address it had before literacy was split
    menu_label = _("Feedback")
    menu_icon = "pick"
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = ("session", "rating", "improve", "answered")
    list_filter = (FeedbackSessionFilter, "rating", "created_at")
    search_fields = ("improve",)
    list_select_related = ("registration__session",)
    ordering = ("-created_at",)
    list_export = ("registration__session", "rating", "improve", "created_at")
    export_filename = "training-feedback"
    inspect_view_fields = ("registration", "rating", "improve", "created_at")

    def get_extra_admin_urls(self):
        return admin_views.feedback_urls()

    def session(self, feedback):
        return feedback.registration.session.title

    session.short_description = _("Session")
    session.admin_order_field = "registration__session__title"

    def answered(self, feedback):
        return feedback.created_at

    answered.short_description = _("Answered")
    answered.admin_order_field = "created_at"


class FeedbackSummaryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("training.view_sessionfeedback")


@modeladmin_register
class TrainingGroup(ModelAdminGroup):
    menu_label = _("Training")
    menu_icon = "calendar"
    menu_order = 260
    items = (RegistrationAdmin, FeedbackAdmin)

    def get_submenu_items(self):
        summary = FeedbackSummaryMenuItem(
            _("Feedback summary"),
            reverse("literacy_feedback_summary"),
            name="feedback-summary",
            icon_name="list-ul",
            order=len(self.items) + 1,
        )
        return [*super().get_submenu_items(), summary]


class StaffActionFormatter(LogFormatter):
    """ "Declined: not an accredited journalist" in a registration's history."""

    def format_message(self, log_entry):
        reason = log_entry.data.get("reason")
        return f"{self.label}: {reason}" if reason else self.label


@hooks.register("register_log_actions")
def register_training_log_actions(actions):
    for action in admin_views.ACTIONS.values():
        formatter = type(f"{action.slug.title()}Formatter", (StaffActionFormatter,), {"label": action.done})
        actions.register_action(action.log_action)(formatter)


@hooks.register("register_engagement_indicators")
def training_indicators():
    from .indicators import registered_indicators

    return registered_indicators()
