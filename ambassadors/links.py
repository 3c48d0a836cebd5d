"""Share links: made for approved ambassadors, followed by anyone, counted one row per visit."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.translation import gettext
from wagtail.models import Site

from portal.core.attribution import VIA_PARAM, clean_code
from portal.core.homes import home_in_language
from portal.core.language_urls import language_from_path, without_language

from .models import AmbassadorProgrammePage, Application, CampaignToolkitPage, ShareEvent, ShareLink

# Pages an ambassador's link may not point at: the programme's own pages.
NOT_SHAREABLE = (AmbassadorProgrammePage, CampaignToolkitPage)


class NotShareable(ValueError):
    pass


def shareable_page(request, address):
    """The live, public page of this site at ``address`` (a full URL on this site, or a path)."""
    site = Site.find_for_request(request)
    parts = urlsplit(address.strip())
    if (
        site is None
        or parts.scheme not in ("", "http", "https")
        or (parts.netloc and parts.netloc not in (site.hostname, request.get_host()))
        or not (parts.path or "/").startswith("/")
    ):
        raise NotShareable(gettext("Paste the address of a page on this site."))
    path = parts.path or "/"
    home = home_in_language(site, language_from_path(path) or settings.LANGUAGE_CODE)
    components = [component for component in without_language(path).split("/") if component]
    try:
        page = home.specific.route(request, components).page
    except Http404 as error:
        raise NotShareable(gettext("We could not find a public page at that address.")) from error
    if not page.live or page.get_view_restrictions().exists():
        raise NotShareable(gettext("We could not find a public page at that address."))
    if isinstance(page.specific, NOT_SHAREABLE):
        raise NotShareable(gettext("Share the pages about our figures, not the programme's own pages."))
    return page


def make_link(ambassador, page):
    """The ambassador's link to ``page`` (the same one each time they ask)."""
    if ambassador.status != Application.Status.APPROVED:
        raise NotShareable(gettext("Only approved ambassadors have share links."))
    existing = ShareLink.objects.filter(ambassador=ambassador, page=page).first()
    if existing is not None:
        return existing
    for _ in range(3):  # a code collision is astronomically rare; try a fresh code
        try:
            with transaction.atomic():
                return ShareLink.objects.create(ambassador=ambassador, page=page)
        except IntegrityError:
            existing = ShareLink.objects.filter(ambassador=ambassador, page=page).first()
            if existing is not None:
                return existing
    raise IntegrityError("Could not make a unique share code.")


def live_link(code):
    """The link for ``code`` if it may be followed (approved ambassador, live page), else None.
    One indexed query whatever the code, so an unknown code answers as fast as a known one."""
    code = clean_code(code)
    if not code:
        return None
    return (
        ShareLink.objects.select_related("page")
        .filter(code=code, ambassador__status=Application.Status.APPROVED, page__live=True)
        .first()
    )


def record_visit(link):
    """Count one visit: an INSERT, so concurrent visits never overwrite each other's count."""
    return ShareEvent.objects.create(link=link, kind=ShareEvent.Kind.VISIT)


def destination(link):
    """Where the link sends people: the page, carrying the code for sign-ups and completions."""
    return f"{link.page.url}?{VIA_PARAM}={link.code}"
