"""Glossary terms become translatable, step 1 of 3 (Wagtail's documented way for a model with
rows): the locale and translation key, nullable for now."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_data_blocks"),
        ("wagtailcore", "0098_apitoken"),
        ("core", "0002_content_locales"),
    ]

    operations = [
        migrations.AddField(
            model_name="glossaryterm",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="glossaryterm",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
    ]
