"""The API's page for people (how to find a dataset, query it and cite it) and, on the account
pages, a person's API keys: create (shown once), list, revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from portal.core import ratelimit
from portal.core.caching.pagecache import cacheable_for_anonymous

from . import keys
from .forms import NewKeyForm
from .models import ApiKey

CREATE_ACTION = "api_key_create"


@cacheable_for_anonymous
def guide(request):
    base = request.build_absolute_uri("/api/v1/")
    return TemplateResponse(request, "api/guide.html", {"base": base})


@login_required
@require_http_methods(["GET", "POST"])
def account_keys(request):
    """The whole key is in the answer to the POST that made it, and nowhere else, ever."""
    new_key = None
    form = NewKeyForm(request.POST or None, user=request.user)
    if request.method == "POST":
        refused = ratelimit.limit_or_429(request, CREATE_ACTION)
        if refused:
            return refused
        if form.is_valid():
            new_key = keys.create_key(request.user, form.cleaned_data["name"])
            form = NewKeyForm(user=request.user)
    owned = (
        ApiKey.objects.filter(user=request.user)
        .annotate(requests=Sum("usage__requests"))
        .order_by("revoked_at", "-created_at", "-pk")
    )
    context = {
        "form": form,
        "new_key": new_key,
        "keys": owned,
        "limit": keys.keys_per_user(),
        "api_base": request.build_absolute_uri("/api/v1/"),
    }
    return TemplateResponse(request, "api/account_keys.html", context)


@login_required
@require_POST
def revoke_key(request, pk):
    """Only the key's owner may revoke it here (anyone else's key is a 404); staff revoke any
    key from the admin."""
    key = get_object_or_404(ApiKey, pk=pk, user=request.user)
    keys.revoke(key, request.user)
    messages.success(
        request,
        gettext("The key ptl_%(prefix)s… (%(name)s) is revoked: it no longer works.")
        % {"prefix": key.prefix, "name": key.name},
    )
    return redirect("api_keys")
