"""``{% body_cache %}``'s key: one copy per page revision, address (when asked), host and language;
a view that is not a page has its own; a preview is never kept."""

from django.test import RequestFactory
from django.utils import translation

from portal.core.templatetags.fragment_cache import body_cache


class Revised:
    pk = 7
    latest_revision_id = 41


def test_the_address_varies_the_key_only_when_asked(settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "CHROME_SECONDS": 600}
    request = RequestFactory().get("/en/stories/?level=basic")
    plain = body_cache({"request": request}, Revised())
    basic = body_cache({"request": request}, Revised(), request.get_full_path())
    advanced_path = "/en/stories/?level=advanced"
    advanced = body_cache({"request": RequestFactory().get(advanced_path)}, Revised(), advanced_path)
    assert plain["seconds"] == 600
    assert len({plain["key"], basic["key"], advanced["key"]}) == 3
    assert basic["key"].endswith(":/en/stories/?level=basic")


def test_a_view_that_is_not_a_page_gets_a_key_of_its_own(settings):
    request = RequestFactory().get("/en/search/?q=census")
    searched = body_cache({"request": request}, None, request.get_full_path())
    with translation.override("ar"):
        arabic = body_cache({"request": request}, None, request.get_full_path())
    assert ":-:-:" in searched["key"] and searched["key"] != arabic["key"]
    assert searched["key"] != body_cache({"request": request}, Revised(), request.get_full_path())["key"]


def test_a_preview_is_never_kept(settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "CHROME_SECONDS": 600}
    request = RequestFactory().get("/en/")
    request.is_preview = True
    assert body_cache({"request": request}, Revised())["seconds"] == 0
