"""The one kind of address other sites may frame: a data chart alone, with its title, source,
data table and a link back to its page (``datasets.embeds``). Every other page keeps
``X-Frame-Options: DENY`` and ``frame-ancestors 'none'``."""

from csp.decorators import csp_replace
from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.clickjacking import xframe_options_exempt

from .. import embeds


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def chart(request, page_id, block_id):
    found = embeds.find(page_id, str(block_id))
    if found is None:
        raise Http404("There is no chart to embed at this address.")
    context = {"page": found.page, "block": found.block, "title": found.title, "embedded": True}
    return TemplateResponse(request, "core/chart_embed.html", context)
