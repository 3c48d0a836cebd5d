"""Glossary terms are translatable snippets: pages show a term in the reader's language where a
translation exists, else the original; term and slug are unique within one language."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Locale

from stories.models import GlossaryTerm, localized_terms
from tests.pages import in_language

from .factories import GlossaryPageFactory, GlossaryTermFactory

pytestmark = pytest.mark.django_db


def translate(original, language, **fields):
    """A translation of ``original`` (wagtail-localize's "Translate" makes the same copy)."""
    copy = original.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def page(client, url, language):
    client.cookies["django_language"] = language
    response = client.get(in_language(url, language))
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def address(page_or_term_url, language):
    with override(language):
        return page_or_term_url()


def test_terms_are_originals_in_the_default_locale_with_their_own_keys():
    one, two = GlossaryTermFactory(), GlossaryTermFactory()
    assert one.locale.language_code == two.locale.language_code == "en-gb"
    assert one.translation_key != two.translation_key


def test_the_glossary_shows_the_translation_in_french_and_the_original_without_one(client, home_page):
    median = GlossaryTermFactory(term="Median", slug="median", definition="The middle value.")
    GlossaryTermFactory(term="Mean", slug="mean", definition="The average.")
    translate(median, "fr", term="Médiane", definition="La valeur du milieu.")
    glossary = GlossaryPageFactory(parent=home_page)

    french = page(client, address(lambda: glossary.url, "fr"), "fr").get_text()
    assert "Médiane" in french and "La valeur du milieu." in french
    assert "The middle value." not in french
    assert "Mean" in french  # no translation: the original
    assert "Median" not in french.replace("Médiane", "")
    arabic = page(client, address(lambda: glossary.url, "ar"), "ar").get_text()
    assert "Median" in arabic and "Médiane" not in arabic
    english = page(client, address(lambda: glossary.url, "en-gb"), "en-gb").get_text()
    assert "Median" in english and "Médiane" not in english


def test_each_term_is_listed_once_whatever_the_language(client, home_page):
    median = GlossaryTermFactory(term="Median", slug="median")
    translate(median, "fr", term="Médiane", slug="mediane")
    glossary = GlossaryPageFactory(parent=home_page)
    html = page(client, address(lambda: glossary.url, "fr"), "fr")
    assert [dt.a.get_text() for dt in html.select("dt")] == ["Médiane"]


def test_the_term_page_shows_the_translation_under_either_slug(client, home_page):
    median = GlossaryTermFactory(term="Median", slug="median")
    translate(median, "fr", term="Médiane", slug="mediane", definition="La valeur du milieu.")
    glossary = GlossaryPageFactory(parent=home_page)
    for slug in ("median", "mediane"):
        url = address(lambda s=slug: glossary.url + glossary.reverse_subpage("term", args=[s]), "fr")
        assert page(client, url, "fr").h1.get_text(strip=True) == "Médiane"
    english = address(lambda: glossary.url + glossary.reverse_subpage("term", args=["median"]), "en-gb")
    assert page(client, english, "en-gb").h1.get_text(strip=True) == "Median"
    missing = address(lambda: glossary.url + glossary.reverse_subpage("term", args=["nope"]), "fr")
    assert client.get(missing).status_code == 404


def test_a_story_cites_the_original_and_shows_the_translation(client, make_story):
    median = GlossaryTermFactory(term="Median", definition="The middle value.")
    translate(median, "fr", term="Médiane", definition="La valeur du milieu.")
    story = make_story(body=[("glossary_terms", {"heading": "Words", "terms": [median]})])
    french = page(client, address(lambda: story.url, "fr"), "fr")
    assert french.select_one("details.glossary-term summary").get_text(strip=True) == "Médiane"
    arabic = page(client, address(lambda: story.url, "ar"), "ar")
    assert arabic.select_one("details.glossary-term summary").get_text(strip=True) == "Median"


def test_localized_terms_takes_one_query_for_many_terms(django_assert_num_queries):
    terms = [GlossaryTermFactory() for _ in range(10)]
    for term in terms[:5]:
        translate(term, "ar", term=f"مصطلح {term.pk}")
    with override("ar"), django_assert_num_queries(1):
        shown = localized_terms(terms)
    assert [term.locale.language_code for term in shown].count("ar") == 5
    with override("en-gb"), django_assert_num_queries(0):
        assert localized_terms(terms) == terms


def test_hostile_html_in_a_translation_is_escaped(client, home_page):
    median = GlossaryTermFactory(term="Median", slug="median")
    translate(median, "fr", term="<script>alert(1)</script>", definition="<img src=x onerror=alert(1)>")
    glossary = GlossaryPageFactory(parent=home_page)
    client.cookies["django_language"] = "fr"
    body = client.get(in_language(address(lambda: glossary.url, "fr"), "fr")).content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<img src=x" not in body


def test_a_duplicate_term_in_one_language_is_refused_with_a_clear_message():
    GlossaryTermFactory(term="Median", slug="median")
    twin = GlossaryTerm(term="median", slug="median-2", definition="Again.", level="basic")
    with pytest.raises(ValidationError) as excinfo:
        twin.full_clean()
    assert excinfo.value.message_dict["term"] == ["This language's glossary already has this term."]
    slug_twin = GlossaryTerm(term="Middle", slug="median", definition="Again.", level="basic")
    with pytest.raises(ValidationError) as excinfo:
        slug_twin.full_clean()
    assert excinfo.value.message_dict["slug"] == ["Another term in this language already has this slug."]


def test_the_same_term_and_slug_are_allowed_in_another_language():
    median = GlossaryTermFactory(term="Median", slug="median")
    copy = median.copy_for_translation(Locale.objects.get(language_code="fr"))
    copy.full_clean()  # "Median" and "median" are free in French
    copy.save()
    assert GlossaryTerm.objects.filter(slug="median").count() == 2


def test_an_empty_term_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        GlossaryTerm(term="", definition="Something.", level="basic").full_clean()
    assert "term" in excinfo.value.message_dict


def test_the_duplicate_message_in_french():
    GlossaryTermFactory(term="Median")
    with override("fr"):
        with pytest.raises(ValidationError) as excinfo:
            GlossaryTerm(term="Median", definition="x", level="basic").full_clean()
        assert excinfo.value.message_dict["term"] == ["Le glossaire de cette langue contient déjà ce terme."]


def test_wagtail_localize_translates_a_term_from_the_admin(superuser_client):
    median = GlossaryTermFactory(term="Median", slug="median")
    french = Locale.objects.get(language_code="fr")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["stories", "glossaryterm", median.pk])
    assert superuser_client.get(url).status_code == 200
    response = superuser_client.post(url, {"locales": [french.pk]})
    assert response.status_code == 302
    copy = GlossaryTerm.objects.get(translation_key=median.translation_key, locale=french)
    assert copy.term == "Median" and copy.slug == "median"  # synced from the source, then translated


def test_staff_without_the_translate_permission_cannot_submit_a_translation(client):
    from tests.factories import StaffFactory

    median = GlossaryTermFactory(term="Median")
    client.force_login(StaffFactory())
    url = reverse("wagtail_localize:submit_snippet_translation", args=["stories", "glossaryterm", median.pk])
    response = client.post(url, {"locales": [Locale.objects.get(language_code="fr").pk]})
    assert response.status_code in (302, 403)
    assert GlossaryTerm.objects.filter(translation_key=median.translation_key).count() == 1
