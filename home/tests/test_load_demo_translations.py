"""``manage.py load_demo`` translates the home page, the menu's sections, two stories and one
module with its lessons into French and Arabic, and leaves them alone on the next run.

The demo is loaded once, in one test (it takes a while); each check looks at one part of it and
the checks that change the site run last, each rolled back.
"""

import io
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation

from home.demo import SITE_CONTENT
from home.models import HomePage, SiteSettings
from literacy.modules.demo import CONTENT as MODULE_CONTENT
from literacy.modules.models import LessonPage, ModulePage
from literacy.modules.questions import questions_in
from stories.demo import CONTENT as STORY_CONTENT
from stories.models import DataStoryPage


def load():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def fresh_install(db):
    """The database as Wagtail's migrations leave it (see tests/test_demo_smoke.py)."""
    for home in HomePage.objects.all():
        home.delete()
    SiteSettings.objects.all().delete()
    welcome = Page.get_first_root_node().add_child(instance=Page(title="Welcome", slug="home", live=True))
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)


def listed(content):
    return content.json("translations/pages.json")["pages"]


def english_pages():
    """The demo pages the loader translates, in English."""
    english = Page.objects.filter(locale=Locale.get_default())
    home = english.type(HomePage).get()
    module = english.get(slug=listed(MODULE_CONTENT)[0])
    return [
        home,
        *home.get_children().filter(slug__in=listed(SITE_CONTENT)),
        *english.filter(slug__in=listed(STORY_CONTENT)),
        *module.get_descendants(inclusive=True),
    ]


def snapshot():
    return [model.objects.count() for model in (Page, Revision, Translation, StringTranslation)] + sorted(
        Page.objects.values_list("url_path", "title", "live", "latest_revision_id", "numchild")
    )


def test_load_demo_translates_the_main_pages_into_french_and_arabic(client, fresh_install):
    output = load()
    assert "left in English" not in output, "every text of the translated pages has its translation"
    languages = Locale.objects.exclude(pk=Locale.get_default().pk)
    assert sorted(languages.values_list("language_code", flat=True)) == ["ar", "fr"]
    pages = english_pages()
    assert len(pages) == 1 + 9 + 2 + 4, (
        "home, nine sections and standing pages, two stories, a module, 3 lessons"
    )

    before = snapshot()
    assert "nothing changed" in load(), "a second run reports nothing made"
    assert snapshot() == before, "a second run changes nothing"

    for locale in languages:
        for page in pages:
            translated = page.get_translation(locale).specific
            assert translated.live, (page.slug, locale)
            assert translated.translation_key == page.translation_key
            assert translated.slug == page.slug or page.depth == 2, "addresses keep the source's slug"
            assert translated.title != page.title, (page.slug, locale, translated.title)
            assert translated.get_url() is not None
            translation = Translation.objects.get(
                source__object_id=page.translation_key, target_locale=locale
            )
            total, done = translation.get_progress()
            assert total == done, f"{page.slug} ({locale}): {done} of {total} texts translated"
            response = client.get(translated.url, HTTP_ACCEPT_LANGUAGE=locale.language_code)
            assert (
                response.status_code == 200
                and escape(translated.seo_title or translated.title) in response.content.decode()
            ), translated.url
        home = HomePage.objects.get(locale=locale)
        assert home.numchild == home.get_children().count() == 9, "the translated tree counts its pages"
    assert not any(problems for problems in Page.find_problems()), "the page tree is sound"

    check_the_translated_content()
    check_editors_translations_survive()


def check_the_translated_content():
    french, arabic = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="ar")
    story = DataStoryPage.objects.get(slug="inflation-eases-to-2-4-percent-in-october", locale=french)
    assert story.title == "L\u2019inflation ralentit à 2,4 % en octobre"
    english = story.get_translation(Locale.get_default()).specific
    charts = [block for block in story.body if block.block_type in ("chart", "data_chart")]
    source_charts = [block.value for block in english.body if block.block_type in ("chart", "data_chart")]
    assert len(charts) == len(source_charts) == 2
    for chart in charts:
        chart.block.clean(chart.value)  # an editor could save the translated chart as it is
    charts = [chart.value for chart in charts]
    translated_table = next(value["data"] for value in charts if "data" in value)
    english_table = next(value["data"] for value in source_charts if "data" in value)
    assert "Alimentation et boissons non alcoolisées,3.1" in translated_table
    numbers = [line.rsplit(",", 1)[1] for line in english_table.splitlines()[1:]]
    assert numbers == [line.rsplit(",", 1)[1] for line in translated_table.splitlines()[1:]], (
        "the figures stay"
    )
    assert story.release_date == english.release_date and story.source_url == english.source_url

    module = ModulePage.objects.get(slug=listed(MODULE_CONTENT)[0], locale=arabic)
    assert module.title == "النسب المئوية والنقاط المئوية"
    questions = questions_in(module.pre_check) + questions_in(module.post_check)
    source = module.get_translation(Locale.get_default()).specific
    assert len(questions) == len(questions_in(source.pre_check) + questions_in(source.post_check))
    prompts = [str(block.value["prompt"]) for block in module.pre_check]
    assert prompts[0] == "ارتفع سعر من 50 إلى 60. بكم في المئة ارتفع؟"
    assert [block.value["answer"] for block in module.pre_check if "answer" in block.value] == [
        block.value["answer"] for block in source.pre_check if "answer" in block.value
    ], "the answers stay the same"
    lessons = LessonPage.objects.child_of(module)
    assert lessons.count() == 3 and all(lesson.live for lesson in lessons)


def check_editors_translations_survive():
    french = Locale.objects.get(language_code="fr")
    with rolled_back():
        about = Page.objects.get(slug="about", locale=french).specific
        about.title = "Qui sommes-nous"
        about.save_revision().publish()
        revisions = Revision.objects.count()
        assert "nothing changed" in load()
        assert Page.objects.get(pk=about.pk).title == "Qui sommes-nous", "an editor's translation stays"
        assert Revision.objects.count() == revisions

    with rolled_back():
        english = Page.objects.get(slug="about", locale=Locale.get_default())
        english.get_translation(french).delete()
        output = load()
        assert "about (fr)" in output
        assert english.get_translation(french).title == "À propos de ce site", (
            "a deleted translation comes back"
        )
