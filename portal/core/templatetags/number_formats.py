"""{{ value|number:1 }} and {{ value|percent:1 }}: figures in the active language's format
(portal.core.formats), for templates; "" when the value is not a number."""

from django import template

from portal.core.formats import format_number, format_percent

register = template.Library()


@register.filter
def number(value, decimals=None):
    return format_number(value, decimals)


@register.filter
def percent(value, decimals=None):
    return format_percent(value, decimals)
