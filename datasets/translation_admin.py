"""Admin screens for the data layer's names in other languages (``models.translations``).
Whoever may change a dataset (an indicator, an area) may translate it, and no one else: the
screens ask the record's own permissions, not the translation table's."""

from django import forms
from django.contrib.auth import get_permission_codename
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList

from portal.core.admin_views import RecordAdmin, RecordPermissionHelper


class ParentPermissionHelper(RecordPermissionHelper):
    """Permissions of the translated record's model (``parent_model``), not the table's."""

    parent_model = None

    def user_has_specific_permission(self, user, perm_codename):
        opts = self.parent_model._meta
        return user.has_perm(f"{opts.app_label}.{perm_codename}")

    def get_all_model_permissions(self):
        from django.contrib.auth.models import Permission

        opts = self.parent_model._meta
        return Permission.objects.filter(
            content_type__app_label=opts.app_label, content_type__model=opts.model_name
        )

    def get_perm_codename(self, action):
        return get_permission_codename(action, self.parent_model._meta)

    def user_can_create(self, user):
        return self.user_has_specific_permission(user, self.get_perm_codename("change"))

    def user_can_delete_obj(self, user, obj):
        return self.user_has_specific_permission(user, self.get_perm_codename("change"))


def helper_for(model):
    return type(f"{model.__name__}PermissionHelper", (ParentPermissionHelper,), {"parent_model": model})


class TranslationForm(WagtailAdminModelForm):
    """After editing, the translator says whether it now matches the current source text."""

    up_to_date = forms.BooleanField(
        label=_("Up to date with the source"),
        required=False,
        initial=True,
        help_text=_("Tick once this translation says what the original says now."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["up_to_date"].initial = not self.instance.is_out_of_date

    def save(self, commit=True):
        if self.cleaned_data.get("up_to_date"):
            self.instance.mark_up_to_date()
        elif not self.instance.source_digest:
            self.instance.source_digest = "-"  # written without the source checked: out of date
        return super().save(commit=commit)


def up_to_date(translation):
    return _("Yes") if not translation.is_out_of_date else _("Out of date: the source changed")


up_to_date.short_description = _("Up to date")


class TranslationAdmin(RecordAdmin):
    menu_icon = "globe"
    list_filter = ("language",)

    @classmethod
    def panels_for(cls, parent_field, fields):
        return ObjectList(
            [
                FieldPanel(parent_field),
                FieldPanel("language"),
                *(FieldPanel(f) for f in fields),
                FieldPanel("up_to_date"),
            ],
            base_form_class=TranslationForm,
        )
