"""The survey's answers in the admin (read-only; the free text only for staff allowed to read
it) and its indicators on the engagement dashboard."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin, SafeExportIndexView

from .indicators import registered_indicators
from .models import SurveyResponse

COMMENTS_PERMISSION = "satisfaction.view_survey_comments"


def can_read_comments(user):
    return user.has_perm(COMMENTS_PERMISSION)


@modeladmin_register
class SurveyResponseAdmin(RecordAdmin):
    model = SurveyResponse
    menu_label = _("Survey answers")
    menu_icon = "pick"
    menu_order = 257
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("created_at", "overall", "ease", "trust", "user_group", "from_path")
    list_filter = ("overall", "user_group", "created_at")
    list_export = ("created_at", "overall", "ease", "trust", "user_group", "from_path")
    export_filename = "satisfaction-survey"

    def get_list_display(self, request):
        shown = super().get_list_display(request)
        return (*shown, "short_comment") if can_read_comments(request.user) else shown

    def get_list_export(self, request):
        return (*self.list_export, "comment") if can_read_comments(request.user) else self.list_export

    def get_search_fields(self, request):
        return ("comment", "from_path") if can_read_comments(request.user) else ("from_path",)

    def short_comment(self, answer):
        """Plain text (the sanitiser took tags out when it was stored), shown escaped."""
        return Truncator(answer.comment).chars(120)

    short_comment.short_description = _("Comment")


@hooks.register("register_engagement_indicators")
def engagement_indicators():
    return registered_indicators()
