"""Names of the data layer in other languages (an interface: the areas app translates area
names with the same table and admin). Datasets, indicators and areas are records that
figures point to, so they are never copied per locale (as pages and snippets are): each keeps
its canonical text, and a small table holds its words in each other language. A translation
remembers a digest of the source text it was written from, so it can say when it is out of date.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from portal.core.languages import active_language, supported_language


def translation_languages():
    """Every language of the site but the default one, which is the source."""
    default = supported_language(settings.LANGUAGE_CODE)
    return [(code, name) for code, name in settings.LANGUAGES if code != default]


def digest(*texts):
    """A fingerprint of the source text a translation was made from."""
    return hashlib.sha256("\x1f".join(texts).encode()).hexdigest()


class NameTranslation(models.Model):
    """The shared part of each translation table. A subclass names its ``parent_field`` (the
    record) and ``source_fields`` (its field → the record's field it translates)."""

    parent_field = ""
    source_fields = {}

    language = models.CharField(_("language"), max_length=10, choices=translation_languages)
    source_digest = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.source_digest:
            self.mark_up_to_date()
        super().save(*args, **kwargs)

    @property
    def parent(self):
        return getattr(self, self.parent_field)

    def current_digest(self):
        parent = self.parent
        return digest(*(str(getattr(parent, source) or "") for source in self.source_fields.values()))

    @property
    def is_out_of_date(self):
        """The source changed since this translation was written (or marked up to date)."""
        return self.source_digest != self.current_digest()

    def mark_up_to_date(self):
        self.source_digest = self.current_digest()

    def clean(self):
        """One translation per record and language: say so in words, not a database error."""
        super().clean()
        parent_id = getattr(self, f"{self.parent_field}_id")
        if parent_id and self.language:
            twins = type(self).objects.filter(
                **{f"{self.parent_field}_id": parent_id, "language": self.language}
            )
            if twins.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"language": _("This record already has a translation in this language: edit that one.")}
                )

    def validate_constraints(self, exclude=None):
        """clean() names a duplicate clearly; skip Django's generic message for the same pair."""
        super().validate_constraints(exclude={*(exclude or ()), "language"})


def localized(queryset, translations, related_name, **names):
    """``queryset`` with each ``alias=(translated field, source field)`` of ``names`` annotated
    in the active language, falling back to the source: no extra query, whatever its size."""
    language = active_language()
    if language == supported_language(settings.LANGUAGE_CODE):
        return queryset.annotate(**{alias: F(source) for alias, (_field, source) in names.items()})
    found = translations.objects.filter(**{related_name: OuterRef("pk")}, language=language)
    return queryset.annotate(
        **{
            alias: Coalesce(Subquery(found.values(field)[:1]), F(source))
            for alias, (field, source) in names.items()
        }
    )
