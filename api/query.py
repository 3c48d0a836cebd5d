"""Reading an observations request: its filters, checked against the dataset's own codes, and
its cursor. Every bad value is a 400 problem that names the parameter and what was expected."""

import base64
import binascii
import re

from django.db.models import Q

from datasets import figures

from .formats import ROW_FIELDS, Categories, pairs
from .problems import Problem

DEFAULT_LIMIT = 1000
MAX_LIMIT = 10000
MAX_VALUES = 100  # codes in one filter
MAX_PARAMETER = 2000  # characters of one parameter
_CODE = re.compile(r"[A-Za-z0-9_.+-]{1,50}")
_SLUG = re.compile(r"[a-z0-9_-]{1,50}")


def reject_unknown(request, allowed):
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        names = ", ".join(repr(name[:40]) for name in unknown[:10])
        raise Problem(
            400,
            f"Unknown parameter {names}: this address takes {', '.join(sorted(allowed))}.",
            errors=[{"parameter": name[:40], "detail": "unknown parameter"} for name in unknown[:10]],
        )


def values(params, name):
    """Codes given as repeated parameters or separated by commas, each once, in order."""
    found = []
    for raw in params.getlist(name):
        if len(raw) > MAX_PARAMETER:
            raise Problem(400, f"{name} is {len(raw)} characters long (at most {MAX_PARAMETER}).")
        for code in raw.split(","):
            code = code.strip()
            if code and code not in found:
                found.append(code)
    if len(found) > MAX_VALUES:
        raise Problem(400, f"{name} has {len(found)} values; at most {MAX_VALUES} in one request.")
    return found


def _known(name, given, known, what):
    unknown = [code for code in given if code not in known]
    if unknown:
        shown = ", ".join(repr(code[:50]) for code in unknown[:10])
        raise Problem(
            400,
            f"Unknown {what} in {name}: {shown}.",
            errors=[{"parameter": name, "detail": f"unknown {what}"}],
        )


def period_start(name, code):
    try:
        return figures.parse_period(code).start
    except figures.PeriodError as error:
        raise Problem(400, f"{name}: {error}", errors=[{"parameter": name, "detail": str(error)}]) from None


def decode_cursor(text):
    if not text:
        return 0
    try:
        decoded = base64.urlsafe_b64decode(text.encode("ascii") + b"==").decode("ascii")
    except (binascii.Error, UnicodeError, ValueError):
        decoded = ""
    if not (decoded.startswith("o") and decoded[1:].isdigit() and len(decoded) < 20):
        raise Problem(400, "cursor is not one this API gave: start again without it, and follow 'next'.")
    return int(decoded[1:])


def encode_cursor(pk):
    return base64.urlsafe_b64encode(f"o{pk}".encode("ascii")).decode("ascii").rstrip("=")


class ObservationQuery:
    """The filters of one request on one public version, and the rows they select."""

    def __init__(self, params, dataset, version, lists):
        self.dataset, self.version = dataset, version
        self.lists = {code_list.slug: code_list for code_list in lists}
        self.area_list = next(cl for cl in lists if cl.pk == dataset.area_code_list_id)
        # A version's rows all come from one file: the first row's key names its breakdown columns.
        # By primary key: the model's default order joins indicators and codes and sorts the
        # whole version (half a second for a million rows, bench/api.py).
        first = figures.version_observations(version).order_by("pk")
        first_key = first.values_list("breakdown_key", flat=True).first()
        self.breakdown_slugs = sorted(pairs(first_key or ""))
        self.indicators = {indicator.code: indicator for indicator in dataset.indicators.all()}
        self.filters = Q(version=version)

        indicators = values(params, "indicator")
        _known("indicator", indicators, self.indicators, "indicator codes")
        if indicators:
            self.filters &= Q(indicator__code__in=indicators)
        areas = values(params, "area")
        _known("area", areas, figures.area_labels(self.area_list, areas) if areas else {}, "area codes")
        if areas:
            self.filters &= Q(area__code__in=areas)
        if params.get("period_from"):
            self.filters &= Q(period_start__gte=period_start("period_from", params["period_from"]))
        if params.get("period_to"):
            self.filters &= Q(period_start__lte=period_start("period_to", params["period_to"]))
        self._breakdowns(values(params, "breakdown"))

    def _breakdowns(self, given):
        """``sex=F``: codes of one breakdown are alternatives; different breakdowns all apply."""
        chosen = {}
        for pair in given:
            slug, equals, code = pair.partition("=")
            slug = slug.strip().lower()
            code = code.strip()
            if not (equals and _SLUG.fullmatch(slug) and _CODE.fullmatch(code)):
                raise Problem(400, f"breakdown: {pair[:50]!r} is not list=code, e.g. sex=F.")
            if slug not in self.breakdown_slugs:
                names = ", ".join(self.breakdown_slugs) or "none in this version"
                raise Problem(400, f"breakdown: this dataset has no breakdown {slug!r} (it has: {names}).")
            _known("breakdown", [code], {c.code for c in self.lists[slug].codes.all()}, f"{slug} codes")
            chosen.setdefault(slug, []).append(f"{slug}={code}")
        for options in chosen.values():
            either = Q()
            for pair in options:
                either |= (
                    Q(breakdown_key=pair)
                    | Q(breakdown_key__startswith=f"{pair};")
                    | Q(breakdown_key__endswith=f";{pair}")
                    | Q(breakdown_key__contains=f";{pair};")
                )
            self.filters &= either

    def rows(self, after=0, limit=None):
        found = figures.version_observations(self.version).filter(self.filters)
        if after:
            found = found.filter(pk__gt=after)
        found = found.order_by("pk").values_list(*ROW_FIELDS)
        return found[:limit] if limit else found

    def categories(self, rows=None):
        """The dimensions' categories: those in ``rows`` (a page), or all the version's."""
        if rows is None:
            periods = figures.version_observations(self.version).order_by("period_start", "period")
            periods = list(periods.values_list("period", flat=True).distinct())
            used = None
        else:
            periods = sorted(
                {row[2] for row in rows}, key=lambda code: (figures.parse_period(code).start, code)
            )
            used = [{row[1] for row in rows}, {row[3] for row in rows}]
        dimensions = {
            "indicator": {
                code: indicator.name
                for code, indicator in self.indicators.items()
                if used is None or code in used[0]
            },
            "area": figures.area_labels(self.area_list, None if used is None else used[1]),
            "period": {period: period for period in periods},
        }
        for slug in self.breakdown_slugs:
            dimensions[slug] = {code.code: code.label for code in self.lists[slug].codes.all()}
        units = {
            code: {"label": indicator.unit, "decimals": indicator.decimals}
            for code, indicator in self.indicators.items()
            if code in dimensions["indicator"]
        }
        labels = {"indicator": "Indicator", "area": self.area_list.name, "period": "Period"}
        labels.update({slug: self.lists[slug].name for slug in self.breakdown_slugs})
        return Categories(dimensions, units, labels)
