"""The "Competition entries" list in the admin: filters, each entry's judging state and score.

Entries change only through the review page (admin_views), where judging rules hold: the
generic edit and delete forms are off. A judge sees an entry's average score only once they
have scored it themselves; editors who moderate see every score.
"""

from django.contrib.admin import SimpleListFilter
from django.db.models import Value
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import modeladmin_register

from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin

from . import admin_views, judging
from .models import Category, CompetitionPage, Entry


class CompetitionFilter(SimpleListFilter):
    title = _("competition")
    parameter_name = "competition"

    def lookups(self, request, model_admin):
        return [
            (str(c.pk), c.title) for c in CompetitionPage.objects.order_by("-closes_at").only("pk", "title")
        ]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(competition_id=value) if value and value.isdigit() else queryset


class CategoryFilter(SimpleListFilter):
    title = _("category")
    parameter_name = "category"

    def lookups(self, request, model_admin):
        categories = Category.objects.select_related("competition").order_by(
            "-competition__closes_at", "sort_order"
        )
        return [(str(c.pk), f"{c.name} ({c.competition.title})") for c in categories]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(category_id=value) if value and value.isdigit() else queryset


class StatusFilter(SimpleListFilter):
    """Entries in the running (the default) or withdrawn by their entrants."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("withdrawn", gettext("Withdrawn")), ("all", gettext("All"))]

    def queryset(self, request, queryset):
        if self.value() == "withdrawn":
            return queryset.filter(withdrawn_at__isnull=False)
        if self.value() == "all":
            return queryset
        return queryset.filter(withdrawn_at__isnull=True)

    def choices(self, changelist):
        for choice in super().choices(changelist):
            if choice["display"] == gettext("All") and choice["selected"] and self.value() is None:
                choice["display"] = gettext("In the running")
            yield choice


class EntryPermissionHelper(ReadOnlyPermissionHelper):
    def user_can_list(self, user):
        return admin_views.may_review(user)


class EntryButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        return [
            {
                "url": reverse("competitions_entry_review", args=[obj.pk]),
                "label": gettext("Review"),
                "classname": self.finalise_classname(
                    ["button-secondary", *(classnames_add or [])], classnames_exclude
                ),
                "title": gettext("Read, score or moderate “%(title)s”") % {"title": obj.title},
            }
        ]


class EntryAdmin(RecordAdmin):
    model = Entry
    menu_label = _("Competition entries")
    menu_icon = "pick"
    menu_order = 270
    add_to_settings_menu = False
    permission_helper_class = EntryPermissionHelper
    button_helper_class = EntryButtonHelper
    list_display = (
        "title",
        "competition_title",
        "category",
        "display_name",
        "moderation_label",
        "place",
        "judging",
    )
    list_display_add_buttons = "title"
    list_filter = (StatusFilter, CompetitionFilter, CategoryFilter, "moderation")
    search_fields = ("title", "display_name", "organisation")
    ordering = ("-competition__closes_at", "created_at", "pk")

    def get_extra_admin_urls(self):
        return admin_views.admin_urls()

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("competition", "category")
        user = request.user
        return judging.with_scores(queryset, user).annotate(
            sees_all_scores=Value(judging.is_moderator(user)), judged_by_user=Value(judging.is_judge(user))
        )

    def competition_title(self, entry):
        return entry.competition.title

    competition_title.short_description = _("Competition")
    competition_title.admin_order_field = "competition__title"

    def moderation_label(self, entry):
        return entry.get_moderation_display()

    moderation_label.short_description = _("Moderation")
    moderation_label.admin_order_field = "moderation"

    def judging(self, entry):
        """The score (for those who may see it) and this person's part in judging the entry."""
        if not entry.judged_by_user:
            mine = ""
        elif entry.conflicted:
            mine = gettext("You declared a conflict")
        elif entry.scored_by_me:
            mine = gettext("You have scored it")
        else:
            mine = gettext("Not scored by you")
        if not (entry.sees_all_scores or entry.scored_by_me):
            score = gettext("Score hidden until you score it")
        elif entry.average_score is None:
            score = gettext("No scores yet")
        else:
            judges = entry.sheet_count
            score = ngettext(
                "%(score).1f%% from %(count)d judge", "%(score).1f%% from %(count)d judges", judges
            ) % {"score": entry.average_score, "count": judges}
        return format_html("{}<br><small>{}</small>", mine, score) if mine else score

    judging.short_description = _("Judging")


modeladmin_register(EntryAdmin)


@hooks.register("register_engagement_indicators")
def competition_indicators():
    from .indicators import registered_indicators

    return registered_indicators()
