"""The home page's content (its listings of releases, modules, training and conversations) is
drawn once per chrome generation and language, not on every uncached view (a signed-in visitor's,
a new query string's): a publish anywhere shows on the next view."""

import pytest

from literacy.modules.tests.factories import ModulePageFactory
from tests.queries import counted_view

pytestmark = pytest.mark.usefixtures("fragments_cached")


def view(client, language="en", **headers):
    return counted_view(client, f"/{language}/", **headers)


def test_a_second_view_reads_no_listing(client, modules):
    first, first_html = view(client)
    second, second_html = view(client)
    assert second < first
    assert second <= 6  # routing, view restrictions and the chrome's generation: no listing
    assert "Basic module" in second_html and second_html.count("<li") == first_html.count("<li")


def test_a_module_published_since_shows_on_the_next_view(client, modules, committed):
    view(client)
    with committed():
        module = ModulePageFactory(parent=modules[0].get_parent(), title="Reading a chart", tier="basic")
        module.save_revision().publish()  # as an editor publishes: the caches are purged
    _count, html = view(client)
    assert "Reading a chart" in html


def test_each_language_gets_its_own_copy(client, modules):
    _count, english = view(client)
    _count, french = view(client, "fr")
    _count, english_again = view(client)
    assert "All modules" in english and "Tous les modules" not in english
    assert "Tous les modules" in french
    assert "All modules" in english_again and "Tous les modules" not in english_again


def test_a_signed_in_visitor_gets_the_shared_content_without_its_queries(client, modules, django_user_model):
    view(client)
    reader = django_user_model.objects.create_user("reader@example.org", password="x-Strong-pass-1")
    client.force_login(reader)
    count, html = view(client)
    assert "Basic module" in html and "Your account" in html
    assert count <= 9  # the visitor's session and user on top of an anonymous view's
