"""The content locales: one per language the site speaks (English exists from Wagtail's own
migration, as the default language's locale)."""

from django.db import migrations

LANGUAGE_CODES = ["en-gb", "fr", "ar"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_drawn_charts"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
