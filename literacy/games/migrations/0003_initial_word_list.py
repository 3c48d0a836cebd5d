"""A starting word list for leaderboard nicknames; staff keep it up to date in the admin."""

from django.db import migrations

# Matched anywhere, even inside other words: these have no harmless uses in a nickname.
ANYWHERE = ["fuck", "shit", "cunt", "bitch", "wank", "nigger", "nigga", "faggot", "retard", "nazi", "hitler", "rape"]
# Short words that occur inside harmless ones ("class", "Scunthorpe"): whole words only.
WHOLE_WORD = ["ass", "arse", "cock", "dick", "fag", "piss", "slut", "whore", "twat", "admin", "moderator", "staff"]


def add_words(apps, schema_editor):
    BlockedWord = apps.get_model("games", "BlockedWord")
    for match, words in (("anywhere", ANYWHERE), ("whole_word", WHOLE_WORD)):
        for word in words:
            BlockedWord.objects.get_or_create(word=word, defaults={"match": match})


class Migration(migrations.Migration):
    dependencies = [("games", "0002_games")]

    operations = [migrations.RunPython(add_words, migrations.RunPython.noop)]
