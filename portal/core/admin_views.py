"""Admin pieces shared by the apps that list personal data (user database, training, …)."""

from django.contrib.admin.utils import label_for_field
from django.utils.encoding import force_str
from django.utils.text import capfirst
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import IndexView

from portal.contacts.exports import spreadsheet_safe


class SafeExportIndexView(IndexView):
    """The list view, with spreadsheet exports that cannot carry formulas."""

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        """Headings as written in the models ("Country or region"), not Title Cased."""
        return capfirst(force_str(label_for_field(field, model=self.model, model_admin=self.model_admin)))


class ReadOnlyPermissionHelper(PermissionHelper):
    """Records of what happened are evidence: they are listed, never edited."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False
