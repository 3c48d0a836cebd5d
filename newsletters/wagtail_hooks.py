"""The "Newsletters" menu: lists (snippets), each issue's send with its figures, subscribers and
deliveries, all exportable as formula-safe CSV; and the issue's "Send or schedule" button."""

from django.contrib.admin import SimpleListFilter
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin, SafeExportIndexView

from . import admin_views
from .models import Delivery, NewsletterList, Sending, Subscriber

DeliveryStatus = Delivery.Status


class NewsletterListViewSet(SnippetViewSet):
    model = NewsletterList
    icon = "list-ul"
    menu_label = _("Newsletter lists")
    list_display = ("name", "description", "offered_in_footer", "active")


register_snippet(NewsletterListViewSet)


class ListFilter(SimpleListFilter):
    """By newsletter list (Django's own related-field filter needs django.contrib.admin)."""

    title = _("newsletter")
    parameter_name = "list"

    def lookups(self, request, model_admin):
        return [(str(item.pk), item.name) for item in NewsletterList.objects.all()]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(lists=value).distinct() if value and value.isdigit() else queryset


class SendingFilter(SimpleListFilter):
    title = _("issue")
    parameter_name = "sending"

    def lookups(self, request, model_admin):
        sendings = Sending.objects.select_related("issue").order_by("-scheduled_for")
        return [(str(sending.pk), sending.title) for sending in sendings]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(sending_id=value) if value and value.isdigit() else queryset


def count(status=None, **condition):
    if status:
        condition["deliveries__status"] = status
    return Count("deliveries", filter=Q(**condition)) if condition else Count("deliveries")


class SendingIndexView(SafeExportIndexView):
    def get_queryset(self, request=None):
        return (
            super()
            .get_queryset(request)
            .annotate(
                recipients_count=count(),
                sent_count=count(DeliveryStatus.SENT),
                failed_count=count(DeliveryStatus.FAILED),
                skipped_count=count(DeliveryStatus.SKIPPED),
                waiting_count=count(deliveries__status__in=[DeliveryStatus.QUEUED, DeliveryStatus.SENDING]),
                bounced_count=count(
                    deliveries__feedback__in=[Delivery.Feedback.HARD_BOUNCE, Delivery.Feedback.SOFT_BOUNCE]
                ),
                complaints_count=count(deliveries__feedback=Delivery.Feedback.COMPLAINT),
            )
        )


def figure(field, label):
    def read(self, sending):
        return getattr(sending, field)

    read.short_description = label
    read.admin_order_field = field
    return read


class SendingAdmin(RecordAdmin):
    """Per issue: how many it went to, and what happened (aggregate figures only)."""

    model = Sending
    menu_label = _("Issues sent")
    menu_icon = "mail"
    index_view_class = SendingIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = (
        "issue_or_alert",
        "status",
        "scheduled_for",
        "recipients",
        "sent",
        "failed",
        "skipped",
        "waiting",
        "bounced",
        "complaints",
        "opens",
        "clicks",
        "unsubscribes",
        "actions",
    )
    list_filter = ("status",)
    list_select_related = ("issue",)
    ordering = ("-scheduled_for",)

    def issue_or_alert(self, sending):
        return sending.title

    issue_or_alert.short_description = _("Issue or release alert")
    list_export = (
        "issue_or_alert",
        "status",
        "scheduled_for",
        "finished_at",
        "recipients",
        "sent",
        "failed",
        "skipped",
        "bounced",
        "complaints",
        "opens",
        "clicks",
        "unsubscribes",
    )
    export_filename = "newsletter-issues"

    def get_extra_admin_urls(self):
        return admin_views.sending_urls()

    recipients = figure("recipients_count", _("Recipients"))
    sent = figure("sent_count", _("Sent"))
    failed = figure("failed_count", _("Failed"))
    skipped = figure("skipped_count", _("Skipped"))
    waiting = figure("waiting_count", _("Still to send"))
    bounced = figure("bounced_count", _("Bounced"))
    complaints = figure("complaints_count", _("Complaints"))

    def actions(self, sending):
        buttons = [
            (
                reverse(f"newsletters_sending_{action}", args=[sending.pk]),
                capfirst(admin_views.ACTION_VERBS[action]),
            )
            for action, (allowed, _done) in admin_views.SENDING_ACTIONS.items()
            if sending.status in allowed
        ]
        return format_html_join(
            " ", '<a class="button button-small button-secondary" href="{}">{}</a>', buttons
        )

    actions.short_description = _("Actions")


class SubscriberAdmin(RecordAdmin):
    model = Subscriber
    menu_label = _("Subscribers")
    menu_icon = "group"
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("contact", "user_group", "newsletters", "frequency", "confirmed_at", "state")
    list_filter = (ListFilter, "frequency", "contact__user_group", "suppression_reason")
    search_fields = ("contact__email", "contact__organisation")
    list_select_related = ("contact",)
    ordering = ("-confirmed_at",)
    list_export = (
        "contact",
        "user_group",
        "newsletters",
        "frequency",
        "confirmed_at",
        "unsubscribed_at",
        "state",
    )
    export_filename = "newsletter-subscribers"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("lists")

    def user_group(self, subscriber):
        return subscriber.contact.get_user_group_display()

    user_group.short_description = _("User group")

    def newsletters(self, subscriber):
        return ", ".join(newsletter_list.name for newsletter_list in subscriber.lists.all())

    newsletters.short_description = _("Newsletters")

    def state(self, subscriber):
        if subscriber.suppressed_at:
            return gettext("Stopped: %(reason)s") % {
                "reason": subscriber.suppression_reason.replace("_", " ")
            }
        return gettext("Unsubscribed") if subscriber.unsubscribed_at else gettext("Subscribed")

    state.short_description = _("State")


class DeliveryAdmin(RecordAdmin):
    model = Delivery
    menu_label = _("Deliveries")
    menu_icon = "tasks"
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("issue", "person", "status", "attempts", "sent_at", "feedback", "error")
    list_filter = (SendingFilter, "status", "feedback")
    search_fields = ("contact__email",)
    list_select_related = ("sending__issue", "contact")
    ordering = ("-sending__scheduled_for", "pk")
    list_export = ("issue", "person", "status", "attempts", "sent_at", "feedback", "error")
    export_filename = "newsletter-deliveries"

    def issue(self, delivery):
        return delivery.sending.title

    issue.short_description = _("Issue")

    def person(self, delivery):
        return delivery.contact.email if delivery.contact_id else gettext("(data erased)")

    person.short_description = _("Person")


@modeladmin_register
class NewslettersGroup(ModelAdminGroup):
    menu_label = _("Newsletters")
    menu_icon = "mail"
    menu_order = 270
    items = (SendingAdmin, SubscriberAdmin, DeliveryAdmin)


@hooks.register("register_admin_urls")
def register_newsletter_admin_urls():
    return admin_views.issue_urls()


@hooks.register("register_page_header_buttons")
def newsletter_issue_buttons(page, user, view_name, next_url=None):
    yield from admin_views.issue_header_buttons(page, user)


@hooks.register("register_permissions")
def register_send_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="newsletters", codename="add_sending")


@hooks.register("register_engagement_indicators")
def newsletter_indicators():
    from .indicators import registered_indicators

    return registered_indicators()
