"""An area's profile as a printable, tagged PDF (``/areas/<code>/profile.pdf``) for councils and
local media: headline figures beside its parent's and the country's, a map of its neighbours with
the area outlined, sources and contacts. Generated on request from the public figures only
(``datasets.figures``) and cached by what it shows: a new release or boundaries import makes a
new one.

Written in the reader's language, Arabic included (shaped right to left by ``portal.core.pdf``);
the cache key names the language."""

import hashlib

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET

from datasets import figures
from portal.core.pdf import text_document_pdf

from .geometry import CODE_PATTERN
from .map_views import rate_limited
from .maps import CACHE_SECONDS, boundaries_stamp, build_map, map_png
from .models import AreaBoundary

AUTHOR = "National Statistics Office"
MAP_HEIGHT_MM = 95


def _area(code):
    if not CODE_PATTERN.fullmatch(code):
        raise Http404("No such area.")
    boundary = (
        AreaBoundary.objects.select_related("level", "code__parent__parent__parent")
        .filter(code__code=code)
        .order_by("pk")
        .first()
    )
    if boundary is None:
        raise Http404("No such area.")
    ancestors, parent = [], boundary.code.parent
    while parent is not None and len(ancestors) < 3:
        ancestors.append(parent)
        parent = parent.parent if "parent" in parent._state.fields_cache else None
    return boundary, ancestors


def _line(headline, area, ancestors):
    indicator = headline["indicator"]
    observation = headline["figures"].get(area.pk)
    own = figures.figure_text(observation, indicator)
    unit = figures.unit_text(indicator) if observation is not None and observation.value is not None else ""
    others = [
        f"{other.label}: {figures.figure_text(headline['figures'].get(other.pk), indicator)}"
        for other in ancestors
    ]
    line = gettext("%(indicator)s, %(period)s: %(figure)s") % {
        "indicator": indicator.name,
        "period": figures.period_text(headline["period"]),
        "figure": f"{own} {unit}".rstrip(),
    }
    if others:
        line = gettext("%(line)s (compared with %(others)s)") % {"line": line, "others": "; ".join(others)}
    return f"- {line}"


def profile_text(area, level, ancestors, headlines, mapped):
    if ancestors:
        where = gettext("A %(level)s in %(parent)s. Code %(code)s.") % {
            "level": level.name,
            "parent": ancestors[0].label,
            "code": area.code,
        }
    else:
        where = gettext("A %(level)s. Code %(code)s.") % {"level": level.name, "code": area.code}
    lines = [where, "", "## " + gettext("Headline figures")]
    lines += [_line(headline, area, ancestors) for headline in headlines] or [
        gettext("No published figures for this area yet.")
    ]
    lines += [
        "",
        gettext('A figure that is missing or confidential says "not available" or "confidential", never 0.'),
        "",
        "## " + gettext("Sources and contacts"),
    ]
    seen = set()
    for headline in headlines:
        dataset, version = headline["indicator"].dataset, headline["version"]
        if dataset.pk in seen:
            continue
        seen.add(dataset.pk)
        published = date_format(timezone.localtime(version.published_at), "j F Y")
        line = gettext("%(dataset)s, version %(version)s, published %(date)s.") % {
            "dataset": dataset.title,
            "version": version.number,
            "date": published,
        }
        if dataset.contact_email:
            contact = f"{dataset.contact_name} <{dataset.contact_email}>"
            line += " " + gettext("Contact: %(contact)s.") % {"contact": contact}
        lines.append(f"- {line}")
    if mapped:
        outlined = gettext("The map shows %(map)s; %(area)s is outlined in black.")
        lines += ["", outlined % {"map": mapped.title.lower(), "area": area.label}]
    generated = date_format(timezone.localtime(), "j F Y H:i")
    made = gettext("Made on %(date)s from the published figures. %(author)s.")
    lines += ["", made % {"date": generated, "author": AUTHOR}]
    return "\n".join(lines)


def _map(boundary, ancestors, headlines):
    """The first headline's map of the area's level within its parent, or None."""
    for headline in headlines:
        within = ancestors[0].code if ancestors else ""
        area_map = build_map(headline["indicator"], boundary.level, headline["period"], within)
        if area_map.has_figures:
            return area_map
    return None


@require_GET
@rate_limited
def profile_pdf(request, code):
    boundary, ancestors = _area(code)
    area = boundary.code
    headlines = figures.area_headlines(area.code_list_id, [area.pk, *(a.pk for a in ancestors)])
    shown = [
        (
            h["indicator"].pk,
            h["version"].pk,
            h["period"],
            sorted((k, str(v.value), v.status) for k, v in h["figures"].items()),
        )
        for h in headlines
    ]
    language = get_language()
    parts = (area.pk, area.label, shown, boundaries_stamp(), language)
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]

    def make():
        mapped = _map(boundary, ancestors, headlines)
        figure = None
        if mapped:
            alt = gettext("Map: %(map)s, with %(area)s outlined. The figures are listed in the text.") % {
                "map": mapped.title,
                "area": area.label,
            }
            figure = (map_png(mapped, highlight=area.code), alt, MAP_HEIGHT_MM)
        text = profile_text(area, boundary.level, ancestors, headlines, mapped)
        title = gettext("%(area)s: area profile") % {"area": area.label}
        return text_document_pdf(title, AUTHOR, text, figure=figure)

    pdf = cache.get_or_set(f"areas:profile:{digest}", make, CACHE_SECONDS)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{area.code}-profile.pdf"'
    return response
