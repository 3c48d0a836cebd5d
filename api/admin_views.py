"""Staff revoke an API key (a leaked key, a misbehaving program): a confirmation page, then a
POST. Listing keys needs ``api.view_apikey``; revoking ``api.change_apikey``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from . import keys
from .models import ApiKey

REVOKE_PERMISSION = "api.change_apikey"


@require_http_methods(["GET", "POST"])
def revoke_view(request, pk):
    if not request.user.has_perm(REVOKE_PERMISSION):
        raise PermissionDenied
    key = get_object_or_404(ApiKey.objects.select_related("user"), pk=pk)
    index_url = reverse("api_apikey_modeladmin_index")
    if request.method == "POST":
        keys.revoke(key, request.user)
        messages.success(
            request,
            gettext("The key ptl_%(prefix)s… of %(email)s is revoked.")
            % {"prefix": key.prefix, "email": key.user.email},
        )
        return redirect(index_url)
    return TemplateResponse(request, "api/admin/revoke.html", {"key": key, "index_url": index_url})


def admin_urls():
    return [path("api/keys/<int:pk>/revoke/", revoke_view, name="api_apikey_revoke")]
