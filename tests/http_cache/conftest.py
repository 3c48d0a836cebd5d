import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page


@pytest.fixture
def live_site(live_server, transactional_db):
    """Committed tables for a live server, holding what Wagtail's migrations create (the default
    locale, the root page and the root collection): an earlier transactional test may have
    emptied every table."""
    ContentType.objects.clear_cache()
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return live_server
