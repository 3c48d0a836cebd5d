"""The "Forums" admin menu: the moderation queue, reports, topics, members and the log.

Lists are read-only: every change goes through a moderator action (forums.moderation), so
that it is logged and the counts, emails and visibility follow. Forums themselves (their
descriptions and rules) are snippets that editors change.
"""

from urllib.parse import urlencode

from django.contrib.admin import SimpleListFilter
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import IndexView

from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin

from . import admin_views
from .models import Forum, Member, ModerationAction, Post, Report, Topic
from .moderation import actions_for
from .services import can_moderate

register_snippet(Forum)


class ModeratorPermissionHelper(ReadOnlyPermissionHelper):
    def user_can_list(self, user):
        return can_moderate(user)

    def user_can_inspect_obj(self, user, obj):
        return can_moderate(user)


class ModerationButtonHelper(ButtonHelper):
    """Row buttons: the moderator actions that apply to the row's object (and history for members)."""

    def target(self, obj):
        return obj

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        target = self.target(obj)
        query = urlencode({"next": self.request.get_full_path()})
        extra = list(classnames_add or [])
        for action in actions_for(target):
            look = "no" if action.serious else "button-secondary"
            buttons.append(
                {
                    "url": reverse("forums_moderate", args=[action.slug, target.pk]) + f"?{query}",
                    "label": action.label,
                    "classname": self.finalise_classname([look, *extra], classnames_exclude),
                    "title": gettext("%(action)s: %(target)s") % {"action": action.label, "target": target},
                }
            )
        if isinstance(target, Member):
            buttons.append(
                {
                    "url": reverse("forums_member_history", args=[target.pk]),
                    "label": gettext("History"),
                    "classname": self.finalise_classname(["button-secondary", *extra], classnames_exclude),
                    "title": gettext("Posts by %(member)s and moderator decisions about them")
                    % {"member": target},
                }
            )
        return buttons


class ReportTargetButtonHelper(ModerationButtonHelper):
    def target(self, obj):
        return obj.post


class HasOpenReports(SimpleListFilter):
    title = _("reports")
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("yes", gettext("Has open reports"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(reports__resolved_at=None, reports__isnull=False).distinct()
        return queryset


class ForumFilter(SimpleListFilter):
    """By forum (Django's own related-field filter needs django.contrib.admin)."""

    title = _("forum")
    parameter_name = "forum"
    field = "forum_id"

    def lookups(self, request, model_admin):
        return [(str(forum.pk), forum.title) for forum in Forum.objects.only("pk", "title")]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(**{self.field: value})
        return queryset


class PostForumFilter(ForumFilter):
    field = "topic__forum_id"


class ModeratedAdmin(RecordAdmin):
    permission_helper_class = ModeratorPermissionHelper
    button_helper_class = ModerationButtonHelper
    inspect_view_enabled = True


QUEUE_TITLE = _("Moderation queue")


def is_queue(request):
    """Without a filter or search, the post list is the queue: what waits for a decision."""
    return not set(request.GET) - {"p", "o"}


class ModerationQueueView(IndexView):
    def get_page_title(self):
        return QUEUE_TITLE if is_queue(self.request) else super().get_page_title()

    def get_meta_title(self):
        return self.get_page_title()


class PostAdmin(ModeratedAdmin):
    model = Post
    menu_label = QUEUE_TITLE
    index_view_class = ModerationQueueView
    index_template_name = "forums/admin/moderation_queue.html"
    menu_icon = "warning"
    list_display = ("excerpt", "topic", "author_name", "status", "hold_reason", "language", "created_at")
    list_filter = ("status", HasOpenReports, "is_official", PostForumFilter, "language")
    search_fields = ("body_source", "topic__title")
    list_select_related = ("topic", "author__forum_member")
    ordering = ("-created_at",)
    inspect_view_fields = (
        "topic",
        "author",
        "status",
        "hold_reason",
        "body_source",
        "language",
        "created_at",
        "edited_at",
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.filter(status=Post.Status.PENDING) if is_queue(request) else queryset

    def get_extra_admin_urls(self):
        """Moderator actions (on posts, topics and members) and a member's history."""
        return admin_views.admin_urls()

    def excerpt(self, post):
        return post.body_source[:120]

    excerpt.short_description = _("Post")

    def author_name(self, post):
        member = getattr(post.author, "forum_member", None)
        return f"{member.name} ({post.author.email})" if member else post.author.email

    author_name.short_description = _("Author")


class ReportAdmin(ModeratedAdmin):
    model = Report
    menu_label = _("Reports")
    menu_icon = "flag"
    button_helper_class = ReportTargetButtonHelper
    list_display = ("post", "reason", "note", "reporter", "created_at", "resolved_at")
    list_filter = ("reason", "resolved_at")
    list_select_related = ("post__topic", "reporter")
    ordering = ("resolved_at", "-created_at")


class TopicAdmin(ModeratedAdmin):
    model = Topic
    menu_label = _("Topics")
    menu_icon = "list-ul"
    list_display = ("title", "forum", "author", "reply_count", "locked", "pinned", "hidden", "last_post_at")
    list_filter = (ForumFilter, "locked", "pinned", "hidden", "approved")
    search_fields = ("title",)
    list_select_related = ("forum", "author")
    ordering = ("-last_post_at",)


class MemberAdmin(ModeratedAdmin):
    model = Member
    menu_label = _("Members")
    menu_icon = "group"
    list_display = ("name", "user", "trusted", "post_count", "suspended_until", "joined_at")
    list_filter = ("trusted", "suspended_until")
    search_fields = ("display_name", "user__email", "user__first_name", "user__last_name")
    list_select_related = ("user",)
    ordering = ("-joined_at",)


class ModerationLogAdmin(ModeratedAdmin):
    model = ModerationAction
    menu_label = _("Moderation log")
    menu_icon = "history"
    button_helper_class = ButtonHelper
    list_display = ("created_at", "kind", "moderator", "member", "topic", "reason")
    list_filter = ("kind", "created_at")
    search_fields = ("reason",)
    list_select_related = ("moderator", "member", "topic")
    ordering = ("-created_at",)


@modeladmin_register
class ForumsGroup(ModelAdminGroup):
    menu_label = _("Forums")
    menu_icon = "comment"
    menu_order = 270
    items = (PostAdmin, ReportAdmin, TopicAdmin, MemberAdmin, ModerationLogAdmin)


@hooks.register("register_engagement_indicators")
def forum_indicators():
    from .indicators import registered_indicators

    return registered_indicators()
