"""Glossary terms become translatable, step 3 of 3: locale and key required; a term and a slug
are unique within one language (a translation may keep the original's spelling)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("stories", "0005_glossary_translatable_fill")]

    operations = [
        migrations.AlterField(
            model_name="glossaryterm",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="glossaryterm",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="glossaryterm",
            name="slug",
            field=models.SlugField(blank=True, max_length=100),
        ),
        migrations.AlterField(
            model_name="glossaryterm",
            name="term",
            field=models.CharField(max_length=100),
        ),
        migrations.AlterUniqueTogether(
            name="glossaryterm",
            unique_together={("slug", "locale"), ("term", "locale"), ("translation_key", "locale")},
        ),
    ]
