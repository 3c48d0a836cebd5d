"""The "Games" admin menu: the nickname word list, and the leaderboard entries staff can hide.

Both are records staff manage, so both are RecordAdmins (see docs/architecture.md)."""

from django.contrib.admin import SimpleListFilter
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from portal.core.admin_views import RecordAdmin, RecordPermissionHelper

from .models import BlockedWord, LeaderboardEntry, TimedQuizPage


class BlockedWordAdmin(RecordAdmin):
    model = BlockedWord
    menu_icon = "warning"
    menu_label = _("Nickname word list")
    list_display = ("word", "match", "added_at")
    search_fields = ("word",)
    ordering = ("word",)


class QuizFilter(SimpleListFilter):
    """By quiz (Django's own related-field filter needs django.contrib.admin)."""

    title = _("quiz")
    parameter_name = "quiz"

    def lookups(self, request, model_admin):
        return [(str(quiz.pk), quiz.title) for quiz in TimedQuizPage.objects.only("pk", "title")]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(quiz_id=value) if value and value.isdigit() else queryset


class NoAddingPermissionHelper(RecordPermissionHelper):
    """Leaderboard entries are made only by finishing the quiz, never in the admin."""

    def user_can_create(self, user):
        return False


class LeaderboardEntryAdmin(RecordAdmin):
    """Entries come from players; staff can only hide (or show again) one whose nickname slipped through."""

    model = LeaderboardEntry
    menu_icon = "list-ol"
    menu_label = _("Leaderboard entries")
    permission_helper_class = NoAddingPermissionHelper
    list_display = ("nickname", "quiz", "score", "out_of", "time_taken_ms", "submitted_at", "hidden")
    list_filter = (QuizFilter, "hidden")
    search_fields = ("nickname",)
    list_select_related = ("quiz",)
    ordering = ("-submitted_at",)


@modeladmin_register
class GamesGroup(ModelAdminGroup):
    items = (BlockedWordAdmin, LeaderboardEntryAdmin)
    menu_label = _("Games")
    menu_icon = "pick"
    menu_order = 320
