"""The demo's translations: pages translated the wagtail-localize way from a PO file of
English -> translation, keeping English (and saying so) where the file has nothing usable."""

import polib
import pytest
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from home.models import StandardPage
from home.tests.factories import StandardPageFactory
from portal.core.demo import DemoFiles, translate_demo_pages

BODY = "Prices rose by <b>2.4%</b> in the year to October."


def write_po(folder, language, entries):
    po = polib.POFile()
    for msgid, msgstr, *flags in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags)))
    (folder / "demo_content" / "translations").mkdir(parents=True, exist_ok=True)
    po.save(str(folder / "demo_content" / "translations" / f"{language}.po"))


@pytest.fixture
def content(tmp_path):
    """A loader's demo files with a French and an Arabic catalogue of the page below."""
    write_po(
        tmp_path,
        "fr",
        [
            ("Prices", "Les prix"),
            ("What prices did this year.", "Ce que les prix ont fait cette année."),
            (BODY, "Les prix ont augmenté de <b>2,4 %</b> sur un an en octobre."),
        ],
    )
    write_po(
        tmp_path,
        "ar",
        [
            ("Prices", "الأسعار"),
            ("What prices did this year.", "ما الذي حدث للأسعار هذا العام."),
            (BODY, "ارتفعت الأسعار بنسبة <b>2,4%</b> على مدى عام حتى أكتوبر."),
        ],
    )
    return DemoFiles(tmp_path / "demo.py")


@pytest.fixture
def page(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="Prices",
        slug="prices",
        intro="What prices did this year.",
        body=[("paragraph", f"<p>{BODY}</p>")],
    )


def languages():
    return Locale.objects.exclude(pk=Locale.get_default().pk)


def test_each_other_language_gets_a_live_translation_of_the_page(content, page):
    created = []
    assert translate_demo_pages(content, [page], created) == {}
    assert created == ["prices (fr)", "prices (ar)"]
    assert sorted(languages().values_list("language_code", flat=True)) == ["ar", "fr"]
    french = page.get_translation(Locale.objects.get(language_code="fr")).specific
    arabic = page.get_translation(Locale.objects.get(language_code="ar")).specific
    for translated in (french, arabic):
        assert translated.live and translated.translation_key == page.translation_key
        assert translated.slug == page.slug, "addresses keep the source's slug"
        assert translated.get_url() is not None
        assert translated.get_parent().specific.translation_key == page.get_parent().translation_key
    assert (french.title, french.intro) == ("Les prix", "Ce que les prix ont fait cette année.")
    assert "augmenté de <b>2,4 %</b>" in str(french.body[0].value)
    assert arabic.title == "الأسعار" and "ارتفعت الأسعار" in str(arabic.body[0].value)
    # Kept in wagtail-localize's translation memory, so editors can carry on in the admin.
    assert Translation.objects.filter(source__object_id=page.translation_key).count() == 2
    assert StringTranslation.objects.filter(data="Les prix").exists()


def test_a_second_run_changes_nothing_and_an_editors_change_stays(content, page):
    translate_demo_pages(content, [page], [])
    french = page.get_translation(Locale.objects.get(language_code="fr")).specific
    french.title = "Les prix, expliqués"
    french.save_revision().publish()
    counts = (Page.objects.count(), Revision.objects.count(), StringTranslation.objects.count())
    created = []
    assert translate_demo_pages(content, [page], created) == {}
    assert created == []
    assert (Page.objects.count(), Revision.objects.count(), StringTranslation.objects.count()) == counts
    assert StandardPage.objects.get(pk=french.pk).title == "Les prix, expliqués"


def test_a_deleted_translation_comes_back(content, page):
    translate_demo_pages(content, [page], [])
    page.get_translation(Locale.objects.get(language_code="ar")).delete()
    created = []
    translate_demo_pages(content, [page], created)
    assert created == ["prices (ar)"]
    assert page.get_translation(Locale.objects.get(language_code="ar")).live


def test_text_the_catalogue_lacks_stays_english_and_is_reported(tmp_path, page):
    write_po(tmp_path, "fr", [("Prices", "Les prix"), ("What prices did this year.", "", "fuzzy")])
    write_po(
        tmp_path, "ar", [("Prices", "الأسعار"), ("What prices did this year.", "ترجمة مشكوك فيها", "fuzzy")]
    )
    missing = translate_demo_pages(DemoFiles(tmp_path / "demo.py"), [page], [])
    assert missing == {
        ("prices", "fr"): ["What prices did this year.", BODY],
        ("prices", "ar"): ["What prices did this year.", BODY],
    }, "empty and fuzzy entries count as untranslated"
    french = page.get_translation(Locale.objects.get(language_code="fr")).specific
    assert french.live and french.title == "Les prix"
    assert french.intro == "What prices did this year.", "the English stands in"
    assert BODY in str(french.body[0].value)


def test_a_page_the_catalogue_does_not_know_is_not_the_demos_and_stays_untranslated(tmp_path, content, page):
    """An editor's own page at a demo slug (its title is not the demo's) is left alone."""
    page.title = "Our prices & costs"
    page.save_revision().publish()
    pages = Page.objects.count()
    assert translate_demo_pages(DemoFiles(tmp_path / "demo.py", "missing"), [page], []) == {}
    created = []
    assert translate_demo_pages(content, [page], created) == {}
    assert created == [] and Page.objects.count() == pages
    assert page.get_translation_or_none(Locale.objects.get(language_code="fr")) is None


@pytest.mark.parametrize(
    "hostile",
    [
        "Les prix ont augmenté.<script>alert(1)</script>",
        'Les prix ont <b onmouseover="alert(1)">augmenté</b> de 2,4 %.',
        "Les prix ont augmenté de 2,4 %.",  # the emphasis dropped
        "Les prix <b>ont</b> <b>augmenté</b>.",
    ],
)
def test_a_translation_with_other_markup_than_the_english_is_refused(tmp_path, page, hostile):
    write_po(tmp_path, "fr", [("Prices", "Les prix"), (BODY, hostile)])
    missing = translate_demo_pages(DemoFiles(tmp_path / "demo.py"), [page], [])
    assert BODY in missing[("prices", "fr")]
    french = page.get_translation(Locale.objects.get(language_code="fr")).specific
    assert "script" not in str(french.body[0].value) and "onmouseover" not in str(french.body[0].value)
    assert BODY in str(french.body[0].value)


def test_a_translation_too_long_for_its_field_is_refused(tmp_path, page):
    write_po(
        tmp_path, "fr", [("Prices", "P" * 256), ("What prices did this year.", "Ce que les prix ont fait.")]
    )
    missing = translate_demo_pages(DemoFiles(tmp_path / "demo.py"), [page], [])
    assert "Prices" in missing[("prices", "fr")]
    french = page.get_translation(Locale.objects.get(language_code="fr")).specific
    assert french.title == "Prices" and french.intro == "Ce que les prix ont fait."


def test_the_same_english_twice_on_a_page_is_translated_in_both_places(content, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Prices",
        slug="prices",
        intro="What prices did this year.",
        body=[("paragraph", f"<p>{BODY}</p>"), ("paragraph", f"<p>{BODY}</p>")],
    )
    assert translate_demo_pages(content, [page], []) == {}
    french = page.get_translation(Locale.objects.get(language_code="fr")).specific
    assert [("2,4 %" in str(block.value)) for block in french.body] == [True, True]


def test_only_pages_in_the_default_language_are_sources(content, page):
    translate_demo_pages(content, [page], [])
    french = page.get_translation(Locale.objects.get(language_code="fr")).specific
    pages = Page.objects.count()
    created = []
    translate_demo_pages(content, [french], created)
    assert created == [] and Page.objects.count() == pages, "a translation is not translated again"


def test_the_catalogue_skips_empty_fuzzy_and_obsolete_entries(tmp_path):
    write_po(tmp_path, "fr", [("One", "Un"), ("Two", ""), ("Three", "Trois", "fuzzy")])
    po = polib.pofile(str(tmp_path / "demo_content" / "translations" / "fr.po"))
    po.append(polib.POEntry(msgid="Four", msgstr="Quatre", obsolete=True))
    po.save()
    files = DemoFiles(tmp_path / "demo.py")
    assert files.translations("fr") == {"One": "Un"}
    assert files.translations("de") == {}, "no catalogue: nothing translated"
