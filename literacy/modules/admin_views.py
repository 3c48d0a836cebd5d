"""Admin screens for the e-modules: the statistics the communications team reads, and a
certificate list where staff revoke a certificate that was issued in error."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.http import require_GET

from portal.core.vocabularies import Tier

from .statistics import module_statistics

STATISTICS_PERMISSION = "modules.view_learning_statistics"


def can_see_statistics(user):
    return user.has_perm(STATISTICS_PERMISSION)


@require_GET
def statistics(request):
    if not can_see_statistics(request.user):
        raise PermissionDenied
    tier = request.GET.get("tier", "")
    tier = tier if tier in Tier.values else ""
    return TemplateResponse(
        request,
        "modules/admin/module_statistics.html",
        {"tiers": module_statistics(tier), "tier": tier, "tier_choices": Tier.choices},
    )


def admin_urls():
    return [path("literacy/module-statistics/", statistics, name="literacy_module_statistics")]
