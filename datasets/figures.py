"""The data layer's public interface: what other apps (stories' charts, the home page, area
pages, the API) read figures through. Only published versions are ever returned, so no caller
can leak an embargoed figure by forgetting a filter."""

from django.db.models import Count, Prefetch

from .models import Code, CodeList, Dataset, DatasetVersion, Indicator, Observation, Release, RevisionNotice
from .periods import PeriodError, parse_period

__all__ = ["PeriodError", "parse_period"]  # the API refuses bad periods with the data layer's message


def current_version(dataset, at=None):
    """The newest version of ``dataset`` the public may see at ``at`` (now), or None."""
    return dataset.current_version(at)


def public_datasets():
    """Datasets with at least one published version."""
    return Dataset.objects.filter(pk__in=DatasetVersion.objects.public().values("dataset"))


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
    """The latest value of each indicator of a public ``version`` (first ``limit`` indicators by
    code): for each, the newest period's figure for the first area (the whole country in a
    hierarchy ordered from the top) without breakdown. Plain strings, ready for an email; empty
    when the version is not public. One query per indicator."""
    from .slices import FLAGS, cell_text, period_label, unit_label

    if version is None or not version.is_public():
        return []
    found = []
    for indicator in version.dataset.indicators.order_by("code")[:limit]:
        latest = (
            observations(indicator, version=version)
            .order_by("-period_start", "area__order", "area__code")
            .first()
        )
        if latest is None:
            continue
        found.append(
            {
                "indicator": indicator.name,
                "area": latest.area.label,
                "period": period_label(latest.period),
                "value": cell_text(latest, indicator.decimals),
                "unit": unit_label(indicator) if latest.value is not None else "",
                "status": FLAGS.get(latest.status, ("", ""))[1],
            }
        )
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


def code_lists(dataset):
    """The dataset's area list and its breakdown lists, each with its codes (two queries)."""
    codes = Prefetch("codes", queryset=Code.objects.select_related("parent").order_by("order", "code"))
    lists = CodeList.objects.filter(pk=dataset.area_code_list_id) | dataset.breakdown_code_lists.all()
    return list(lists.distinct().prefetch_related(codes).order_by("kind", "slug"))


def releases():
    """The release calendar (titles and dates are public from the announcement)."""
    return Release.objects.select_related("dataset", "version")


def public_versions_of(datasets):
    """The published versions of several datasets, newest first (one query)."""
    return DatasetVersion.objects.public().filter(dataset__in=list(datasets)).order_by("dataset", "-number")


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
