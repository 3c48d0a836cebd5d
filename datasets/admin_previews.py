"""The admin of pre-release access: Moderators grant a journalist an expiring preview link
(emailed at once, shown once), see every opening of it and revoke it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail_modeladmin.views import CreateView, InspectView

from portal.contacts.services import in_language_of
from portal.core.admin_views import ReadOnlyPermissionHelper, RecordAdmin, RecordPermissionHelper
from portal.core.mail import named_address, queue_message, single_line, site_root_url, templated_message

from .models import PreviewAccess, PreviewGrant, Release

GRANT_PERMISSION = "datasets.add_previewgrant"
REVOKE_PERMISSION = "datasets.change_previewgrant"


def preview_link_message(grant, token):
    """The email giving the journalist the link (its only copy besides the admin's message)."""
    context = {
        "name": single_line(grant.journalist_name),
        "release": grant.release,
        "expires_at": grant.expires_at,
        "url": site_root_url() + grant.preview_path(token),
    }
    with in_language_of(grant.email):  # the journalist's language, not the staff member's
        return templated_message(
            "datasets/emails/preview_link", context, named_address(grant.journalist_name, grant.email)
        )


class PreviewGrantForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "release" in self.fields:
            self.fields["release"].queryset = Release.objects.exclude(
                status__in=[Release.Status.PUBLISHED, Release.Status.CANCELLED]
            ).order_by("announced_at", "pk")


class PreviewGrantCreateView(CreateView):
    def get_initial(self):
        release = self.request.GET.get("release", "")
        return {"release": release} if release.isdigit() else {}

    def form_valid(self, form):
        grant = form.save(commit=False)
        grant.created_by = self.request.user
        grant.save()
        url = self.request.build_absolute_uri(grant.preview_path())
        queue_message(preview_link_message(grant, grant.token))
        messages.success(
            self.request,
            gettext("Preview link for %(name)s emailed to %(email)s. It is shown only now: %(url)s")
            % {"name": grant.journalist_name, "email": grant.email, "url": url},
        )
        return redirect(self.url_helper.get_action_url("inspect", grant.pk))


class PreviewGrantInspectView(InspectView):
    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "accesses": self.instance.accesses.all()[:500],
            "may_revoke": self.request.user.has_perm(REVOKE_PERMISSION) and not self.instance.revoked,
        }


class PreviewGrantPermissionHelper(RecordPermissionHelper):
    """Grants are made and revoked, never edited (the link is already in someone's inbox)."""

    def user_can_edit_obj(self, user, obj):
        return False


def revoke_view(request, pk):
    if not request.user.has_perm(REVOKE_PERMISSION):
        raise PermissionDenied
    grant = get_object_or_404(PreviewGrant.objects.select_related("release"), pk=pk)
    if request.method == "POST":
        if not grant.revoked:
            grant.revoked = True
            grant.save(update_fields=["revoked"])
            messages.success(
                request,
                gettext("The preview link of %(name)s no longer works.") % {"name": grant.journalist_name},
            )
        return redirect("datasets_previewgrant_modeladmin_inspect", instance_pk=grant.pk)
    return TemplateResponse(request, "datasets/admin/preview_revoke.html", {"grant": grant})


class PreviewGrantAdmin(RecordAdmin):
    model = PreviewGrant
    menu_label = _("Pre-release access")
    menu_icon = "view"
    permission_helper_class = PreviewGrantPermissionHelper
    create_view_class = PreviewGrantCreateView
    inspect_view_enabled = True
    inspect_view_class = PreviewGrantInspectView
    inspect_template_name = "datasets/admin/preview_grant_inspect.html"
    inspect_view_fields = (
        "release",
        "journalist_name",
        "email",
        "organisation",
        "expires_at",
        "revoked",
        "created_at",
        "created_by",
    )
    list_display = ("journalist_name", "organisation", "release", "expires_at", "revoked", "accesses")
    list_filter = ("revoked",)
    list_select_related = ("release",)
    search_fields = ("journalist_name", "organisation", "email", "release__title")
    form_fields_exclude = ("token_hash", "created_by", "revoked")

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(PreviewGrant.panels, base_form_class=PreviewGrantForm)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(openings=Count("accesses"))

    def accesses(self, grant):
        return grant.openings

    accesses.short_description = _("Openings")

    def get_extra_admin_urls(self):
        return [
            path(
                "datasets/previewgrant/<int:pk>/revoke/",
                revoke_view,
                name="datasets_previewgrant_revoke",
            )
        ]


class PreviewAccessAdmin(RecordAdmin):
    model = PreviewAccess
    menu_label = _("Pre-release access log")
    menu_icon = "history"
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("accessed_at", "grant", "ip_hash", "user_agent")
    list_select_related = ("grant__release",)
    search_fields = ("grant__journalist_name", "grant__organisation", "grant__release__title")
