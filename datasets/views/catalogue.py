"""A dataset's public page: what it measures, who to ask, and its current figures' version."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from ..models import Dataset

NOTICES_SHOWN = 5


def dataset_detail(request, slug):
    """Only a dataset with a published version exists for the public: an embargoed first
    release must not reveal even its title."""
    dataset = get_object_or_404(Dataset.objects.localized(), slug=slug)
    version = dataset.current_version()
    if version is None:
        raise Http404("No published version")
    return TemplateResponse(
        request,
        "datasets/catalogue/dataset_detail.html",
        {
            "dataset": dataset,
            "version": version,
            "indicators": dataset.indicators.localized(),
            "notices": dataset.revision_notices.public()
            .select_related("version", "previous")
            .prefetch_related("indicators")
            .newest_first()[:NOTICES_SHOWN],
        },
    )
