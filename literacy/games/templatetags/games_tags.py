from django import template

from ..formatting import format_figure, with_unit

register = template.Library()


@register.simple_tag
def figure(value, places=0, unit=""):
    """A figure as the games write it: {% figure value places unit %}, e.g. "76.4%"."""
    return with_unit(format_figure(value, places), unit)


@register.filter
def activity_kind(page):
    """What kind of activity a page under the index is, e.g. "Timed quiz", from its model's name."""
    return page.specific_class._meta.verbose_name.capitalize() if page.specific_class else ""


@register.filter
def seconds(value):
    """12.345 -> "12.3 s"; 75 -> "1 min 15 s"; 120 -> "2 min"."""
    minutes, rest = divmod(round(float(value), 1), 60)
    rest_text = f"{rest:.1f}".removesuffix(".0") + " s"
    if not minutes:
        return rest_text
    return f"{int(minutes)} min" + (f" {rest_text}" if rest else "")
