from wagtail import hooks

from .caching.pagecache import mark_cacheable


@hooks.register("before_serve_page")
def cache_pages_that_are_the_same_for_everyone(page, request, serve_args, serve_kwargs):
    """Page types opt in with ``cache_anonymous_responses = True``: those whose content changes
    only when they, or the pages they list, are published."""
    if getattr(page, "cache_anonymous_responses", False):
        mark_cacheable(request)
