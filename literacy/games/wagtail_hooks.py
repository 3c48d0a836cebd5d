"""The "Games" admin menu: the nickname word list, and the leaderboard entries staff can hide."""

from wagtail.admin.filters import WagtailFilterSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BlockedWord, LeaderboardEntry


class BlockedWordViewSet(SnippetViewSet):
    model = BlockedWord
    icon = "warning"
    menu_label = "Nickname word list"
    list_display = ["word", "match", "added_at"]
    search_fields = ["word"]
    ordering = ["word"]


class LeaderboardEntryFilterSet(WagtailFilterSet):
    class Meta:
        model = LeaderboardEntry
        fields = ["quiz", "hidden"]


class NoAddingPermissionPolicy(ModelPermissionPolicy):
    """Leaderboard entries are made only by finishing the quiz, never in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [action for action in actions if action != "add"])


register_permission_policy(LeaderboardEntry, NoAddingPermissionPolicy(LeaderboardEntry), exact_class=True)


class LeaderboardEntryViewSet(SnippetViewSet):
    """Entries come from players; staff can only hide (or show again) one whose nickname slipped through."""

    model = LeaderboardEntry
    icon = "list-ol"
    menu_label = "Leaderboard entries"
    list_display = ["nickname", "quiz", "score", "out_of", "time_taken_ms", "submitted_at", "hidden"]
    search_fields = ["nickname"]
    filterset_class = LeaderboardEntryFilterSet
    ordering = ["-submitted_at"]


class GamesViewSetGroup(SnippetViewSetGroup):
    items = (BlockedWordViewSet, LeaderboardEntryViewSet)
    menu_label = "Games"
    menu_icon = "pick"
    menu_order = 320


register_snippet(GamesViewSetGroup)
