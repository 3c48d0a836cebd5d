from django import template

from portal.core.translations import in_language

register = template.Library()


@register.simple_tag(takes_context=True)
def chart_links(context, page, block_id):
    """Where a chart's data, picture and embeddable view live."""
    request = context["request"]

    def url(name):
        return page.url + page.reverse_subpage(name, args=[block_id])

    embed = url("chart_embed")
    return {
        "csv": url("chart_csv"),
        "png": url("chart_png"),
        "embed": embed,
        "embed_absolute": request.build_absolute_uri(embed),
    }


@register.simple_tag(takes_context=True)
def glossary_term_url(context, term):
    """The term's own page in the glossary (looked up once per request)."""
    from stories.models import GlossaryPage

    request = context["request"]
    if not hasattr(request, "_glossary_page"):
        request._glossary_page = in_language(GlossaryPage.objects.live()).first()
    glossary = request._glossary_page
    return glossary.term_url(term) if glossary else ""
