"""The parts of an area page kept between requests. Its figures (headlines, ranks, trend chart,
similar areas, data tables) are rendered once per area, data version and language: building
and formatting them was most of the page's cost (hundreds of values and translated strings on
a country's page). The pages that mention the area are kept until any page changes."""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from datasets import figures
from portal.core.caching.pagecache import chrome_generation

from . import profiles
from .tree import level_name

BODY_SECONDS = 60 * 60 * 24  # the key changes with every new version or data change anyway
MENTIONS_SECONDS = 60 * 60  # the key changes whenever a page does


def digest(*parts):
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def body_key(place):
    """One query (the current versions); the data generation covers names, titles and trees."""
    versions = figures.current_version_ids(place.code_list_id)
    generation = figures.data_generation()
    return f"areas:body:{digest(place.pk, versions, generation, translation.get_language())}"


def area_body(tree, place):
    """The area's figures as HTML, in the active language."""
    key = body_key(place)
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "areas/includes/area_body.html",
            {
                "place": place,
                "profile": profiles.build(tree, place),
                "children": place.children,
                "level": place.level,
                "level_plural": level_name(place.depth, plural=True),
                "children_level": level_name(place.depth + 1, plural=True),
            },
        )
        cache.set(key, html, BODY_SECONDS)
    return mark_safe(html)  # our template rendered it, escaping every value


def mentions(place, find):
    """``find()``'s list of pages mentioning the area, kept per language until a page changes
    (their titles and kinds are translated, their search is a full-text query)."""
    key = f"areas:mentions:{digest(place.pk, place.label, chrome_generation(), translation.get_language())}"
    return cache.get_or_set(key, find, MENTIONS_SECONDS)
