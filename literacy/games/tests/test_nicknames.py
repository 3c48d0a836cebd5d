"""The nickname filter: the moderated word list, normalised against the usual ways round it."""

import pytest
from django.core.exceptions import ValidationError

from literacy.games.forms import NicknameForm
from literacy.games.models import BlockedWord
from literacy.games.nicknames import blocked_word_in, normalise, validate_nickname, word_pattern

from .factories import BlockedWordFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def word_list():
    BlockedWord.objects.all().delete()
    BlockedWordFactory(word="shit", match=BlockedWord.Match.ANYWHERE)
    BlockedWordFactory(word="ass", match=BlockedWord.Match.WHOLE_WORD)
    return BlockedWord.objects.all()


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("Sh 1-T", "shit"),
        ("SHIT", "shit"),
        ("s.h.i.t", "shit"),
        ("Šhít", "shit"),
        ("\uff53\uff48\uff49\uff54", "shit"),  # full-width letters
        ("\u0455hit", "shit"),  # a Cyrillic letter that looks like "s"
        ("$h!7", "shit"),
        ("5h1t", "shit"),
        ("Data Detective", "datadetective"),
    ],
)
def test_normalise(text, normalised):
    assert normalise(text) == normalised


def test_stretched_letters_match_but_fewer_letters_do_not():
    assert word_pattern("ass") == "a{1,}s{2,}"


@pytest.mark.parametrize(
    "nickname",
    [
        "shit",
        "SHIT",
        "Sh1t",
        "s h i t",
        "sh-it",
        "Holy_Shiiiit",
        "bullsh1tter",
        "Šhít",
        "\uff53\uff48\uff49\uff54",
        "\u0455hit",
        "ass",
        "A55",
        "a s s",
        "Big Asss",
    ],
)
def test_blocked(word_list, nickname):
    assert blocked_word_in(nickname, word_list) is not None
    with pytest.raises(ValidationError):
        validate_nickname(nickname, BlockedWord.objects.all())


@pytest.mark.parametrize(
    "nickname", ["Class Act", "Bass Player", "Data Detective", "Lucas", "As Good As It Gets", "Zoë 2026"]
)
def test_allowed(word_list, nickname):
    assert blocked_word_in(nickname, word_list) is None
    validate_nickname(nickname, BlockedWord.objects.all())


@pytest.mark.parametrize(
    "nickname",
    [
        "<b>Bold</b>",
        "<script>alert(1)</script>",
        'Quote"s',
        "Amp&Co",
        "me@example.org",
        "line\nbreak",
        " -leading",
        "😀 Smiley",
    ],
)
def test_markup_symbols_and_emails_are_refused(word_list, nickname):
    with pytest.raises(ValidationError, match="letters, numbers, spaces"):
        validate_nickname(nickname, BlockedWord.objects.all())


def test_staff_edits_to_the_word_list_apply_at_once(word_list):
    validate_nickname("Rude Word", BlockedWord.objects.all())
    BlockedWordFactory(word="rude", match=BlockedWord.Match.WHOLE_WORD)
    with pytest.raises(ValidationError, match="choose a different nickname"):
        validate_nickname("Rude Word", BlockedWord.objects.all())


def test_form_tidies_spaces_allows_blank_and_limits_length(word_list):
    form = NicknameForm({"nickname": "  Data    Detective "})
    assert form.is_valid() and form.cleaned_data["nickname"] == "Data Detective"
    assert NicknameForm({"nickname": ""}).is_valid()
    too_long = NicknameForm({"nickname": "x" * 25})
    assert not too_long.is_valid()
    assert "at most 24 characters" in too_long.errors["nickname"][0]


def test_a_blocked_word_needs_a_letter():
    with pytest.raises(ValidationError):
        BlockedWord(word="-- ..").full_clean()


def test_the_starting_word_list_is_in_the_database():
    assert BlockedWord.objects.filter(word="fuck", match="anywhere").exists()
    assert BlockedWord.objects.filter(word="ass", match="whole_word").exists()
