"""The API's page for people: how to find a dataset, query it and cite it."""

from django.template.response import TemplateResponse

from portal.core.caching.pagecache import cacheable_for_anonymous


@cacheable_for_anonymous
def guide(request):
    base = request.build_absolute_uri("/api/v1/")
    return TemplateResponse(request, "api/guide.html", {"base": base})
