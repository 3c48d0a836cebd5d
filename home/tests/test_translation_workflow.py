"""Editors translate pages in the admin with wagtail-localize: submit a page for translation,
translate its text, publish; when the source changes, sync brings the new text in and marks
what changed as not yet translated (out of date). Only editors of the page may do it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.factories import UserFactory

from .factories import StandardPageFactory


@pytest.fixture
def income(home_page):
    return StandardPageFactory(
        parent=home_page, title="Household income", slug="income", intro="How much we earn."
    )


def french():
    return Locale.objects.get(language_code="fr")


def submit_for_translation(client, page):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [french().pk]}
    )


def translate_everything(translation, words):
    """Fill every string of ``translation`` from ``words`` (English → French)."""
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": words.get(segment.string.data, segment.string.data)},
        )


def test_an_editor_translates_a_page_and_publishes_it(
    income, superuser_client, client, django_capture_on_commit_callbacks
):
    response = submit_for_translation(superuser_client, income)
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=income.translation_key, target_locale=french())
    total, done = translation.get_progress()
    assert total >= 2 and done == 0
    translate_everything(
        translation,
        {
            "Household income": "Revenu des ménages",
            "income": "revenu",
            "How much we earn.": "Combien nous gagnons.",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)
    assert translation.get_progress() == (total, total)
    page = income.get_translation(french())
    assert (page.live, page.title, page.url) == (True, "Revenu des ménages", "/fr/revenu/")
    assert "Combien nous gagnons." in client.get(page.url).content.decode()


def test_sync_brings_a_changed_source_in_and_marks_it_out_of_date(
    income, superuser_client, django_capture_on_commit_callbacks
):
    submit_for_translation(superuser_client, income)
    translation = Translation.objects.get(source__object_id=income.translation_key, target_locale=french())
    words = {"Household income": "Revenu des ménages", "How much we earn.": "Combien."}
    translate_everything(translation, words)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    total, _ = translation.get_progress()

    income.intro = "How much households earn, after tax."
    income.save_revision().publish()
    source = TranslationSource.objects.get(object_id=income.translation_key)
    response = superuser_client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.get_progress() == (total, total - 1)  # the new intro awaits its translation
    # The published translation keeps its old text until the new one is translated.
    assert income.get_translation(french()).specific.intro == "Combien."


def test_a_person_who_may_not_edit_the_page_cannot_submit_it(income, client):
    """Wagtail's Editors and Moderators may translate; other staff (the data editors) may not."""
    data_editor = UserFactory()
    data_editor.groups.add(Group.objects.get(name="Data editors"))
    client.force_login(data_editor)
    response = submit_for_translation(client, income)
    assert response.status_code in (302, 403)
    assert not Translation.objects.exists()
    assert income.get_translation_or_none(french()) is None
