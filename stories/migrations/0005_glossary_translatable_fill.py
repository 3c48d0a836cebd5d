"""Glossary terms become translatable, step 2 of 3: every existing term is an original in the
default language, with a translation key of its own."""

import uuid

from django.conf import settings
from django.db import migrations


def fill(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    GlossaryTerm = apps.get_model("stories", "GlossaryTerm")
    default, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE.lower())
    for term in GlossaryTerm.objects.filter(locale__isnull=True):
        term.locale = default
        term.translation_key = uuid.uuid4()
        term.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [("stories", "0004_glossary_translatable_add_fields")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
