"""Query budget: the home page, a standard page in the menus and the glossary run as many
queries with 1,000 menu pages and glossary terms as with 10 (inserted in bulk, tests/bulk.py)."""

import uuid

import pytest

from stories.models import GlossaryTerm
from stories.tests.factories import GlossaryPageFactory, GlossaryTermFactory
from tests.bulk import grow_pages, grow_rows
from tests.queries import assert_constant

pytestmark = pytest.mark.django_db


def test_standard_pages_in_the_menus_and_the_glossary(home_page, about):
    term = GlossaryTermFactory(term="Median", slug="median")
    glossary = GlossaryPageFactory(parent=home_page)
    assert about.show_in_menus

    def grow_to(total):
        grow_pages(about, total)
        grow_rows(
            term,
            GlossaryTerm.objects,
            total,
            term=lambda n: f"Term {n}",
            slug=lambda n: f"term-{n}",
            translation_key=lambda n: uuid.uuid4(),  # each its own term, not a translation
        )

    urls = ["/en/", about.url, glossary.url, f"{glossary.url}{term.slug}/"]
    assert_constant(urls, grow_to)
