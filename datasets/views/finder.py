"""The data finder at /data/: published datasets and their indicators by keyword, topic, area
and indicator, each with its latest figures, release date, methodology and contact. A GET form
that works without JavaScript; the queries do not grow with the number of datasets shown."""

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse

from .. import finder, headlines
from ..models import Indicator

PER_PAGE = 10


def data_finder(request):
    facets = finder.Facets.current()
    form = finder.FinderForm(request.GET, facets)
    values = form.values()
    found = finder.find(values).select_related("methodology_page").localized()
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    datasets = list(page.object_list)
    indicator = values.get("indicator")
    entries = facets.kept(
        "results", ([dataset.pk for dataset in datasets], indicator), lambda: results(datasets, indicator)
    )
    for dataset, entry in zip(datasets, entries, strict=True):
        dataset.finder = entry
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "datasets/finder/finder.html",
        {
            "form": form,
            "values": values,
            "facet_fields": [
                (form[name], options)
                for name, options in facets.kept(
                    "options", sorted(values.items()), lambda: facets.options(values)
                ).items()
            ],
            "page_obj": page,
            "datasets": datasets,
            "filter_query": query.urlencode(),
            "searched": bool(values) or bool(form.errors),
        },
        status=400 if form.errors else 200,
    )


def results(datasets, indicator_code=None):
    """Per dataset: its current version and the headline of each indicator shown (the one
    searched for, or all). Five queries for a page, whatever its size; kept per publication."""
    if not datasets:
        return []
    prefetch_related_objects(datasets, "breakdown_code_lists")
    versions = headlines.current_versions(datasets)
    indicators = Indicator.objects.filter(dataset__in=datasets).order_by("dataset_id", "code")
    if indicator_code:
        indicators = indicators.filter(code=indicator_code)
    indicators = list(indicators)
    figures = headlines.headlines(datasets, versions, indicators)
    entries = []
    for dataset in datasets:
        entries.append(
            {
                "version": versions.get(dataset.pk),
                "headlines": [figures[i.pk] for i in indicators if i.dataset_id == dataset.pk],
            }
        )
    return entries
