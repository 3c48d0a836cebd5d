"""Checking leaderboard nicknames against the moderated word list.

People dodge word lists with case, spacing, accents, look-alike letters from other alphabets,
leetspeak ("sh1t") and stretched letters ("shiiit"); both the nickname and each listed word are
brought to the same plain form before they are compared.
"""

import itertools
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

ALLOWED = re.compile(r"^[\w][\w .'-]*$")
LOOK_ALIKES = str.maketrans(
    {
        # Digits and symbols used as letters.
        "0": "o",
        "1": "i",
        "2": "z",
        "3": "e",
        "4": "a",
        "5": "s",
        "6": "g",
        "7": "t",
        "8": "b",
        "9": "g",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "l",
        # Cyrillic and Greek letters that look Latin.
        "\u0430": "a",
        "\u0432": "b",
        "\u0435": "e",
        "\u043a": "k",
        "\u043c": "m",
        "\u043d": "h",
        "\u043e": "o",
        "\u0440": "p",
        "\u0441": "c",
        "\u0442": "t",
        "\u0443": "y",
        "\u0445": "x",
        "\u0456": "i",
        "\u0455": "s",
        "\u03b1": "a",
        "\u03b5": "e",
        "\u03b9": "i",
        "\u03ba": "k",
        "\u03bd": "v",
        "\u03bf": "o",
        "\u03c1": "p",
        "\u03c4": "t",
        "\u03c5": "u",
    }
)
NOT_A_LETTER = re.compile(r"[^a-z]+")
WORD_SEPARATOR = re.compile(r"[\s_.'-]+")


def normalise(text):
    """Lower-case Latin letters only: "Sh 1-T" -> "shit", "Fück" -> "fuck"."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(LOOK_ALIKES)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return NOT_A_LETTER.sub("", text)


def word_pattern(normalised_word):
    """ "shit" matches "shit", "shiiit" and "sshhiitt"; "ass" matches "asss" but not "as"."""
    return "".join(
        f"{re.escape(letter)}{{{len(list(run))},}}" for letter, run in itertools.groupby(normalised_word)
    )


def blocked_word_in(nickname, words):
    """The first of ``words`` (BlockedWord objects) the nickname contains, or None."""
    squashed = normalise(nickname)
    parts = [normalise(part) for part in WORD_SEPARATOR.split(nickname)]
    for word in words:
        normalised = normalise(word.word)
        if not normalised:
            continue
        pattern = word_pattern(normalised)
        if word.match == word.Match.WHOLE_WORD:
            if re.fullmatch(pattern, squashed) or any(re.fullmatch(pattern, part) for part in parts):
                return word
        elif re.search(pattern, squashed):
            return word
    return None


def validate_nickname(nickname, blocked_words):
    """Raise ValidationError with a message for the player unless the nickname may be shown;
    ``blocked_words`` is the staff's list (BlockedWord objects)."""
    if not ALLOWED.match(nickname):
        raise ValidationError(
            gettext(
                "Use letters, numbers, spaces, hyphens, full stops and apostrophes only, "
                "starting with a letter or number."
            )
        )
    if not normalise(nickname):
        raise ValidationError(gettext("Include at least one letter."))
    if blocked_word_in(nickname, blocked_words):
        raise ValidationError(
            gettext("Please choose a different nickname: this one is not allowed on the leaderboard.")
        )
