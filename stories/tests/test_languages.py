"""The data stories' interface text in French and Arabic (stories/locale)."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import override

from stories.models import StoryFormat
from tests.pages import in_language

pytestmark = pytest.mark.django_db


def test_a_key_figure_names_its_source_in_french_and_arabic():
    value = {"value": "3.2", "unit": "%", "label": "Unemployment", "period": "2026", "source": "LFS"}
    with override("fr"):
        assert "Source : LFS" in render_to_string("stories/blocks/key_figure.html", {"value": value})
    with override("ar"):
        assert "المصدر: LFS" in render_to_string("stories/blocks/key_figure.html", {"value": value})


def test_an_infographic_without_its_image_is_refused_in_french(make_story):
    story = make_story()
    story.format = StoryFormat.INFOGRAPHIC
    story.image = None
    with override("fr"):
        with pytest.raises(ValidationError) as excinfo:
            story.clean()
        assert "Une infographie doit avoir son image." in excinfo.value.message_dict["image"]


def test_the_format_labels_in_arabic():
    with override("ar"):
        assert str(StoryFormat.INFOGRAPHIC.label) == "رسم معلوماتي"
        assert str(StoryFormat.STORY.label) == "قصة بيانات"


def test_the_story_page_in_french(client, make_story):
    story = make_story()
    response = client.get(in_language(story.url, "fr"))
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("#source-heading").get_text(strip=True) == "D\u2019où viennent les chiffres"
    assert html.select_one(".breadcrumbs")["aria-label"] == "Fil d\u2019Ariane"
