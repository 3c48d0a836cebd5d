"""Admin pieces shared by the apps that list personal data (user database, training, …).

The rule: records that staff manage are ``RecordAdmin`` subclasses (wagtail-modeladmin), and
every admin view of a record checks the same permission as its list."""

from functools import wraps

from django.contrib.admin.utils import label_for_field
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import BooleanField
from django.urls import URLPattern
from django.utils.encoding import force_str
from django.utils.text import capfirst
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import HistoryView, IndexView

from portal.contacts.exports import spreadsheet_safe


class SafeExportIndexView(IndexView):
    """The list view, with spreadsheet exports that cannot carry formulas."""

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        """Headings as written in the models ("Country or region"), not Title Cased."""
        return capfirst(force_str(label_for_field(field, model=self.model, model_admin=self.model_admin)))


class RecordPermissionHelper(PermissionHelper):
    """The list's permission is the key to every view of a record: ``view_<model>`` or
    ``change_<model>`` (a subclass may name another test, e.g. "is a moderator"). Inspecting,
    adding, editing and deleting need it too, besides their own permission."""

    def user_can_list(self, user):
        return any(
            self.user_has_specific_permission(user, self.get_perm_codename(action))
            for action in ("view", "change")
        )

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and self.user_can_list(user)

    def user_can_create(self, user):
        return self.user_can_list(user) and super().user_can_create(user)

    def user_can_edit_obj(self, user, obj):
        return self.user_can_list(user) and super().user_can_edit_obj(user, obj)

    def user_can_delete_obj(self, user, obj):
        return self.user_can_list(user) and super().user_can_delete_obj(user, obj)


class ReadOnlyPermissionHelper(RecordPermissionHelper):
    """Records of what happened are evidence: they are listed, never edited."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ListPermittedHistoryView(HistoryView):
    """A record's history names people and what they did: only those who may list the records."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_list(user)


class RecordAdmin(ModelAdmin):
    """The one way to put records that staff manage (contacts, registrations, entries, requests,
    reports, ...) in the admin. Every URL it registers (index and its CSV/XLSX export, create,
    edit, delete, inspect, history, and the custom views it names in ``get_extra_admin_urls``)
    answers only to staff who pass ``permission_helper.user_can_list``; the others are sent back
    to the admin's home page, as for any refused admin view."""

    permission_helper_class = RecordPermissionHelper
    history_view_class = ListPermittedHistoryView

    def get_extra_admin_urls(self):
        """URL patterns of this record's own admin views (actions, triage, review pages): they
        are registered with the others and guarded by the same permission."""
        return []

    def get_admin_urls_for_registration(self):
        urls = [*super().get_admin_urls_for_registration(), *self.get_extra_admin_urls()]
        return tuple(self._guarded(url) for url in urls)

    def _guarded(self, url):
        view = url.callback

        @wraps(view)
        def requires_list_permission(request, *args, **kwargs):
            if not self.permission_helper.user_can_list(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        requires_list_permission.record_admin = self
        return URLPattern(url.pattern, requires_list_permission, url.default_args, url.name)

    def get_list_display(self, request):
        """Yes/no columns as words: the admin's tick icons are Django admin's static files,
        which this project does not install (production's manifest lacks them: a 500)."""
        return tuple(self._in_words(name) for name in super().get_list_display(request))

    def _in_words(self, name):
        try:
            field = self.model._meta.get_field(name) if isinstance(name, str) else None
        except FieldDoesNotExist:
            field = None
        if not isinstance(field, BooleanField):
            return name

        def yes_or_no(obj):
            value = getattr(obj, name)
            return "" if value is None else ("Yes" if value else "No")

        yes_or_no.__name__ = name
        yes_or_no.short_description = capfirst(field.verbose_name)
        yes_or_no.admin_order_field = name
        return yes_or_no
