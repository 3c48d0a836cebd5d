"""The data layer's public interface: what other apps (stories' charts, the home page, area
pages, the API) read figures through. Only published versions are ever returned, so no caller
can leak an embargoed figure by forgetting a filter."""

from uuid import uuid4

from django.core.cache import cache
from django.db.models import Count, F, Prefetch, Q, prefetch_related_objects
from django.utils import timezone

from .models import Code, CodeList, Dataset, DatasetVersion, Indicator, Observation, Release, RevisionNotice
from .periods import PeriodError, parse_period

__all__ = ["PeriodError", "parse_period"]  # the API refuses bad periods with the data layer's message


def current_version(dataset, at=None):
    """The newest version of ``dataset`` the public may see at ``at`` (now), or None."""
    return dataset.current_version(at)


def public_datasets(at=None):
    """Datasets with at least one published version (at ``at``, default now)."""
    return Dataset.objects.filter(pk__in=DatasetVersion.objects.public(at).values("dataset"))


def observations(indicator, *, version=None, areas=None, breakdown_key="", period_from=None, period_to=None):
    """The observations of one indicator in ``version`` (default: the current one), oldest period
    first, optionally for some area codes and a range of periods (SDMX codes, compared by their
    first day). Empty when the version is not public."""
    version = version or current_version(indicator.dataset)
    if version is None or not version.is_public():
        return Observation.objects.none()
    found = Observation.objects.filter(version=version, indicator=indicator, breakdown_key=breakdown_key)
    if areas:
        found = found.filter(area__code__in=list(areas))
    if period_from:
        found = found.filter(period_start__gte=parse_period(period_from).start)
    if period_to:
        found = found.filter(period_start__lte=parse_period(period_to).start)
    return found.select_related("area").order_by("period_start", "area__order", "area__code")


def find_indicator(dataset_slug, code):
    """An indicator by its dataset's slug and its code, or None."""
    return Indicator.objects.select_related("dataset").filter(dataset__slug=dataset_slug, code=code).first()


def public_topics():
    """The topics of public datasets, sorted without regard to case: what people may follow.
    A dataset that is still embargoed reveals nothing, not even its topics."""
    seen = {}
    for topics in public_datasets().values_list("topics", flat=True):
        for topic in topics.split(","):
            topic = " ".join(topic.split())
            if topic:
                seen.setdefault(topic.casefold(), topic)
    return sorted(seen.values(), key=str.casefold)


def headline_figures(version, limit=6):
    """The headline of each indicator of a public ``version`` (first ``limit`` indicators by
    code): the newest national total, by the one rule of ``datasets.headlines`` (the snapshot's).
    Plain strings, ready for an email; empty when the version is not public. Three queries."""
    from .headlines import headlines
    from .slices import FLAGS

    if version is None or not version.is_public():
        return []
    dataset = version.dataset
    indicators = list(dataset.indicators.order_by("code")[:limit])
    found = headlines([dataset], {dataset.pk: version}, indicators)
    return [
        {
            "indicator": headline.indicator.name,
            "area": headline.latest.area.label,
            "period": headline.period,
            "value": headline.text,
            "unit": headline.unit if headline.has_value else "",
            "status": str(FLAGS.get(headline.latest.status, ("", ""))[1]),
            **figure_data(headline.latest, headline.indicator, headline.has_value),
        }
        for headline in (found[indicator.pk] for indicator in indicators)
        if headline.latest is not None
    ]


def areas_in_version(version):
    """(code, label) of the areas a public ``version`` has figures for, by code (what local
    release alerts go to); empty when the version is not public. One query."""
    if version is None or not version.is_public():
        return []
    return sorted(
        Observation.objects.filter(version=version)
        .order_by("area__code")
        .values_list("area__code", "area__label")
        .distinct()
    )


def public_area_choices():
    """(code, label) of every area of the area lists public datasets use, in each list's order:
    what people may follow, each code once. One query."""
    used = public_datasets().values("area_code_list")
    rows = (
        Code.objects.filter(code_list__kind=CodeList.AREA, code_list__in=used)
        .order_by("code_list_id", "order", "code")
        .values_list("code", "label")
    )
    found = {}
    for code, label in rows:
        found.setdefault(code, label)  # a code in two lists is the first list's, as ``area()`` says
    return list(found.items())


def area_headline_figures(version, codes, limit=6):
    """For each area code of ``codes``, the headline of the first ``limit`` indicators (by code)
    of a public ``version``: that area's newest total, as plain strings ready for an email. An
    indicator without a figure for the area says "not available", never 0. {code: [figure]};
    empty when the version is not public. Three queries, whatever the number of areas."""
    from .headlines import total_key

    if version is None or not version.is_public() or not codes:
        return {}
    dataset = version.dataset
    indicators = list(dataset.indicators.order_by("code")[:limit])
    key = total_key(dataset)
    newest = {}
    rows = Observation.objects.filter(
        version=version, indicator__in=indicators, area__code__in=list(codes), breakdown_key=key
    ).select_related("area")
    for row in rows.order_by("-period_start"):
        newest.setdefault((row.area.code, row.indicator_id), row)
    found = {}
    for code in codes:
        figures = []
        for indicator in indicators:
            row = newest.get((code, indicator.pk))
            parts = figure_parts(row, indicator)  # no row: "not available"
            figures.append(
                {
                    "indicator": indicator.name,
                    "period": period_text(row.period) if row else "",
                    "value": parts["text"],
                    "unit": parts["unit"],
                    "status": parts["status"],
                    **figure_data(row, indicator, parts["has_value"]),
                }
            )
        found[code] = figures
    return found


def published_release(version):
    """The release that published ``version`` (title and address are public), or None."""
    if version is None or not version.is_public():
        return None
    return version.releases.order_by("-announced_at").first()


# The open data API's reads (``api``): whole versions, their dimensions, and the calendar. Every
# function returns only what the public may see now.


def public_dataset(slug):
    """The dataset with this slug if it has a published version, else None."""
    return public_datasets().filter(slug=slug).select_related("area_code_list").first()


def public_versions(dataset):
    """The dataset's published versions, newest first."""
    return dataset.versions.public().order_by("-number")


def public_version(dataset, number=None):
    """Version ``number`` of ``dataset`` (default: the current one) if it is public, else None."""
    if number is None:
        return current_version(dataset)
    return public_versions(dataset).filter(number=number).first()


def version_observations(version):
    """Every observation of a public ``version`` (none for an embargoed one), unordered."""
    if version is None or not version.is_public():
        return Observation.objects.none()
    return Observation.objects.filter(version=version)


def code_lists(dataset, area_codes=True):
    """The dataset's area list and its breakdown lists, each with its codes (two queries). Without
    ``area_codes`` the area list comes without its codes (thousands of municipalities): read the
    ones needed with ``area_labels``."""
    codes = Prefetch("codes", queryset=Code.objects.select_related("parent").order_by("order", "code"))
    lists = list(
        (CodeList.objects.filter(pk=dataset.area_code_list_id) | dataset.breakdown_code_lists.all())
        .distinct()
        .order_by("kind", "slug")
    )
    prefetch_related_objects([cl for cl in lists if area_codes or cl.pk != dataset.area_code_list_id], codes)
    return lists


def area_labels(area_list, codes=None):
    """{code: label} of the area list's ``codes`` (all of them when None), in the list's order;
    one query, whatever the list's size."""
    found = area_list.codes.order_by("order", "code")
    if codes is not None:
        found = found.filter(code__in=list(codes))
    return dict(found.values_list("code", "label"))


def releases():
    """The release calendar (titles and dates are public from the announcement)."""
    return Release.objects.select_related("dataset", "version")


def notices_for_version(version, limit=20):
    """The public correction and revision notices behind the figures of ``version``: its own and
    those of the versions before it (a correction made in version 2 still stands in version 3),
    newest first, at most ``limit`` (one query). None for an embargoed version, and none of a
    later version: those figures are another version's."""
    if version is None or not version.is_public():
        return []
    found = RevisionNotice.objects.public().filter(
        dataset_id=version.dataset_id, version__number__lte=version.number
    )
    return list(found.select_related("version").newest_first()[:limit])


def public_versions_of(datasets):
    """The published versions of several datasets, newest first (one query)."""
    return DatasetVersion.objects.public().filter(dataset__in=list(datasets)).order_by("dataset", "-number")


# Area maps' reads (``areas``): one figure per area for an indicator and period, from the current
# public version only.


def map_indicators():
    """Indicators of public datasets, with their dataset, by dataset title and indicator name."""
    return (
        Indicator.objects.filter(dataset__in=public_datasets())
        .select_related("dataset")
        .order_by("dataset__title", "name")
    )


def indicator_periods(indicator):
    """The periods of the indicator's figures in its current public version, newest first."""
    version = current_version(indicator.dataset)
    if version is None:
        return []
    found = Observation.objects.filter(version=version, indicator=indicator).order_by("-period_start")
    return list(dict.fromkeys(found.values_list("period", flat=True).distinct()))


def _is_total(key):
    """An empty key (no breakdown) or a key whose every part is a total ("age=_T;sex=_T")."""
    return all(part.partition("=")[2] == "_T" for part in key.split(";")) if key else True


def area_figures(indicator, period):
    """(version, {area code id: Observation}) of the indicator's figures for one period in its
    current public version, for the whole population (no breakdown, or every breakdown at its
    total); (None, {}) when nothing is public. Two queries."""
    version = current_version(indicator.dataset)
    if version is None:
        return None, {}
    here = Observation.objects.filter(version=version, indicator=indicator, period=period)
    keys = sorted(key for key in here.values_list("breakdown_key", flat=True).distinct() if _is_total(key))
    if not keys:
        return version, {}
    rows = here.filter(breakdown_key=keys[0]).only("area_id", "value", "status")
    return version, {row.area_id: row for row in rows}


def figure_text(observation, indicator):
    """What a table cell or a map's label says for a figure: the number, or why there is none."""
    from .slices import cell_text

    return cell_text(observation, indicator.decimals)


def period_text(period):
    """A period code for people: "Q3 2026", "October 2026"."""
    from .slices import period_label

    return period_label(period)


def unit_text(indicator):
    """The indicator's unit with its multiplier: "thousand persons", "%"."""
    from .slices import unit_label

    return unit_label(indicator)


def most_mapped_indicator():
    """The public indicator with figures for the most areas (a map's natural first choice), or
    None; cached for an hour (one grouped query over the public versions)."""
    from django.db.models import Count

    def find():
        counts = (
            Observation.objects.filter(version__in=DatasetVersion.objects.public(), value__isnull=False)
            .values("indicator")
            .annotate(areas=Count("area", distinct=True))
            .order_by("-areas", "indicator")
        )
        best = counts.first()
        return best["indicator"] if best else 0

    pk = cache.get_or_set("datasets:most-mapped-indicator", find, 60 * 60)
    return Indicator.objects.select_related("dataset").filter(pk=pk).first() if pk else None


def area_headlines(code_list_id, area_ids, limit=8):
    """An area profile's figures: for each indicator (the first ``limit`` by dataset title and
    name) of the public datasets on this area list, in its current public version, the newest
    period with a figure for the first of ``area_ids`` and every area's figure for that period
    (totals only). Dicts with the indicator, its dataset and version, period and the figures
    {area id: Observation}. Four queries."""
    datasets = list(public_datasets().filter(area_code_list_id=code_list_id))
    versions = {}
    for version in public_versions_of(datasets):
        versions.setdefault(version.dataset_id, version)
    indicators = list(
        Indicator.objects.filter(dataset__in=datasets)
        .select_related("dataset")
        .order_by("dataset__title", "name")
    )[:limit]
    found = {}
    rows = Observation.objects.filter(
        version__in=list(versions.values()), indicator__in=indicators, area_id__in=list(area_ids)
    ).order_by("-period_start")
    for row in rows.only(
        "version_id", "indicator_id", "area_id", "period", "period_start", "breakdown_key", "value", "status"
    ):
        if _is_total(row.breakdown_key):
            found.setdefault(row.indicator_id, []).append(row)
    headlines = []
    for indicator in indicators:
        own = [row for row in found.get(indicator.pk, []) if row.area_id == area_ids[0]]
        if not own:
            continue
        period = own[0].period
        headlines.append(
            {
                "indicator": indicator,
                "version": versions[indicator.dataset_id],
                "period": period,
                "figures": {row.area_id: row for row in found[indicator.pk] if row.period == period},
            }
        )
    return headlines


# Area pages (``areas``): an area and its list's tree, and the figures of many areas in a fixed
# number of queries. Every read goes through current public versions only.


DATA_GENERATION_KEY = "datasets:data-generation"


def data_generation():
    """A key that any change to a dataset, version, indicator or code list replaces
    (``datasets.finder.connect``): what is drawn from public figures is cached under it, with
    the current versions' ids, which a release's minute changes without any save."""
    return cache.get_or_set(DATA_GENERATION_KEY, lambda: uuid4().hex, None)


def new_data_generation():
    cache.set(DATA_GENERATION_KEY, uuid4().hex, None)


def current_version_ids(code_list_id, at=None):
    """The ids of the current public version of each dataset on an area list, sorted: what an
    area's figures are read from now. One query."""
    versions = DatasetVersion.objects.filter(
        dataset__area_code_list_id=code_list_id, published_at__lte=at or timezone.now()
    )
    found = {}
    for dataset_id, pk in versions.order_by("dataset_id", "-number").values_list("dataset_id", "pk"):
        found.setdefault(dataset_id, pk)
    return sorted(found.values())


def area(code):
    """The area ``code`` (in the first area list that has it), with its list, or None."""
    return (
        Code.objects.filter(code_list__kind=CodeList.AREA, code=code)
        .select_related("code_list")
        .order_by("code_list_id")
        .first()
    )


def area_rows(code_list_id=None, label=None):
    """(id, code, label, parent id, code list id) of every area code (of one list), in the
    list's order: one query, whatever the number of areas. ``label`` may be an expression for
    the name shown (the areas app's name in the reader's language)."""
    found = Code.objects.filter(code_list__kind=CodeList.AREA)
    if code_list_id is not None:
        found = found.filter(code_list_id=code_list_id)
    return list(
        found.annotate(shown_label=label if label is not None else F("label"))
        .order_by("code_list_id", "order", "code")
        .values_list("pk", "code", "shown_label", "parent_id", "code_list_id")
    )


def area_indicators(code_list_id):
    """The current public version of each dataset on an area list and the indicators of those
    datasets, each with the breakdown key of its total (``indicator.total_key``, e.g.
    ``age=_T;sex=_T``): ({dataset id: version}, [indicator]). Four queries."""
    from .headlines import current_versions, total_key

    datasets = list(
        Dataset.objects.filter(area_code_list_id=code_list_id).prefetch_related("breakdown_code_lists")
    )
    versions = current_versions(datasets)
    by_id = {dataset.pk: dataset for dataset in datasets}
    indicators = list(Indicator.objects.filter(dataset_id__in=list(versions)).order_by("dataset_id", "code"))
    for indicator in indicators:
        indicator.dataset = by_id[indicator.dataset_id]
        indicator.total_key = total_key(indicator.dataset)
    indicators.sort(key=lambda indicator: (indicator.dataset.title.casefold(), indicator.code))
    return versions, indicators


def area_observations(versions, area_ids, indicators=None, totals_only=False):
    """Observations of some areas in these current ``versions`` (from ``area_indicators``),
    oldest period first; with ``totals_only``, only each indicator's total. One query."""
    found = Observation.objects.filter(
        version_id__in=[version.pk for version in versions.values()], area_id__in=list(area_ids)
    )
    if indicators is not None:
        found = found.filter(indicator_id__in=[indicator.pk for indicator in indicators])
    if totals_only and indicators:
        found = found.filter(breakdown_key__in={indicator.total_key for indicator in indicators})
    return found.order_by("indicator_id", "period_start", "area_id", "breakdown_key")


def _series(versions, wanted):
    """Q for (indicator, breakdown key, period) triples in the current versions."""
    matches = Q(pk__in=[])
    for indicator_id, key, period in wanted:
        matches |= Q(indicator_id=indicator_id, breakdown_key=key, period=period)
    return Q(version_id__in=[version.pk for version in versions.values()]) & matches


def ranks_among_children(versions, parent_id, figures_by_series):
    """{indicator id: (children with a higher value, children with a value)} among the children
    of ``parent_id``, for ``{(indicator id, key, period): value}``. One query (counted by the
    database), whatever the number of children."""
    if not figures_by_series:
        return {}
    valued = Q(value__isnull=False) & ~Q(status__in=Observation.WITHOUT_VALUE)
    higher = Q(pk__in=[])
    for (indicator_id, key, period), value in figures_by_series.items():
        higher |= Q(indicator_id=indicator_id, breakdown_key=key, period=period, value__gt=value)
    rows = (
        Observation.objects.filter(_series(versions, figures_by_series), area__parent_id=parent_id)
        .values("indicator_id")
        .annotate(with_value=Count("pk", filter=valued), higher=Count("pk", filter=valued & higher))
    )
    return {row["indicator_id"]: (row["higher"], row["with_value"]) for row in rows}


def values_of_list(versions, code_list_id, series):
    """(area id, indicator id, value) of every area of a list with a value in these
    (indicator id, key, period) ``series``. One query."""
    return list(
        Observation.objects.filter(_series(versions, series), area__code_list_id=code_list_id)
        .exclude(value__isnull=True)
        .exclude(status__in=Observation.WITHOUT_VALUE)
        .values_list("area_id", "indicator_id", "value")
    )


def figure_data(observation, indicator, valued):
    """A figure as data, for text written later in each reader's language (release alerts):
    the number (None when there is none), its decimal places and its period's code."""
    return {
        "number": float(observation.value) if valued else None,
        "decimals": indicator.decimals,
        "period_code": observation.period if observation is not None else "",
    }


def figure_parts(observation, indicator):
    """What a page says for one figure: {"text", "has_value", "flag", "status", "unit"}. A figure
    without value says why ("not available", "confidential"), never 0; no figure at all is "not
    available"."""
    from .slices import FLAGS, cell_text, has_value, unit_label

    valued = has_value(observation)
    flag, status = FLAGS.get(observation.status, ("", "")) if valued else ("", "")
    return {
        "text": cell_text(observation, indicator.decimals),
        "has_value": valued,
        "flag": flag,
        "status": str(status),
        "unit": unit_label(indicator) if valued else "",
    }


def public_area_lists():
    """The area code lists of datasets with a published version (a list only an embargoed
    dataset uses reveals nothing), by slug, each with its number of codes."""
    used = public_datasets().values("area_code_list")
    found = CodeList.objects.filter(kind=CodeList.AREA, pk__in=used)
    return found.annotate(code_count=Count("codes")).order_by("slug")


def area_codes(code_list):
    """The codes of a public area list (``public_area_lists``), with their parent and how many
    children each has, in the list's order."""
    return (
        code_list.codes.select_related("parent")
        .annotate(children_count=Count("children"))
        .order_by("order", "code", "pk")
    )


def public_notices(dataset=None):
    """Correction and revision notices of published versions, newest first."""
    found = RevisionNotice.objects.public().select_related("dataset", "version", "previous").newest_first()
    return found.filter(dataset=dataset) if dataset is not None else found
