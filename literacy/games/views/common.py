"""What the three games' views share: rendering a player's own view of a game, and the
messages for answers that cannot be accepted."""

from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from portal.core.private import private
from portal.core.ratelimit import limit_or_429

from .. import tokens

REPLAYED = _(
    "This answer was already sent, or the page was open so long that it expired. "
    "Nothing was saved: please answer the question below."
)
TAMPERED = _(
    "That answer was for a question that is not the one shown here. Nothing was saved: please answer again."
)


def render(page, request, template, context, status=200):
    """A game page as this player sees it: never cached, never indexed."""
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return private(response)


def redirect_to(page, route="", *args, fragment=""):
    url = page.url + (page.reverse_subpage(route, args=args) if route else "")
    return HttpResponseRedirect(url + (f"#{fragment}" if fragment else ""))


def posted_id(request, name="question"):
    value = request.POST.get(name, "")
    return int(value) if value.isdigit() and len(value) < 12 else None


def checked_post(request, rate, scope, form, replayed=REPLAYED):
    """A game form's POST checks, in order: the rate limit ``rate`` (its 429 response is returned),
    then the one-use token of ``scope`` (already spent: ``replayed`` becomes the form's error),
    then the form. Returns (429 response or None, whether the form may be saved)."""
    limited = limit_or_429(request, rate)
    if limited:
        return limited, False
    if not tokens.redeem(request, scope, request.POST.get("token")):
        form.is_valid()
        form.add_error(None, replayed)
        return None, False
    return None, form.is_valid()
