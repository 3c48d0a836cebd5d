"""Opens and clicks, counted per issue and never per person (and not at all when
NEWSLETTER_TRACKING is off)."""

from django.conf import settings
from django.core import signing
from django.db.models import F
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from .models import Sending
from .rendering import CLICK_SALT

# A 1x1 transparent GIF.
PIXEL = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)


def count(sending_id, field):
    if settings.NEWSLETTER_TRACKING:
        Sending.objects.filter(pk=sending_id).update(**{field: F(field) + 1})


@require_GET
def opened(request, sending_id):
    count(sending_id, "opens")
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def clicked(request, sending_id):
    """Count, then go on to the link; only links we signed, so this is no open redirect."""
    try:
        url = signing.Signer(salt=CLICK_SALT).unsign(request.GET.get("to", ""))
    except signing.BadSignature:
        return HttpResponseBadRequest(
            gettext("This link is broken: open the newsletter again and use its link.")
        )
    if not url.startswith(("https://", "http://")):
        return HttpResponseBadRequest(gettext("This link is broken."))
    count(sending_id, "clicks")
    return HttpResponseRedirect(url)
