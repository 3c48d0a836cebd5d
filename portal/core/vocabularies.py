"""The shared vocabularies: one list of user groups and one of tiers, used by every app.

The user database segments contacts by ``UserGroup``; training sessions, e-modules, forums,
competitions and newsletters name who they are for with the same values, so a contact's group
and what the site offers them always line up.
"""

from django import forms
from django.db import models


class UserGroup(models.TextChoices):
    """The user groups of Part III of the UN user-engagement guidelines."""

    POLICYMAKERS = "policymakers", "Policymakers"
    PARLIAMENTARIANS = "parliamentarians", "Parliamentarians"
    POLITICAL_ORGANISATIONS = "political_organisations", "Political organisations"
    MEDIA = "media", "Media"
    TEACHERS_AND_STUDENTS = "teachers_and_students", "Teachers and students"
    RESEARCHERS = "researchers", "Researchers"
    INTERNATIONAL_ORGANISATIONS = "international_organisations", "International organisations"
    CIVIL_SOCIETY = "civil_society", "Civil society"
    CITIZENS = "citizens", "Citizens"
    PRIVATE_SECTOR = "private_sector", "Private sector"


class Tier(models.TextChoices):
    """The UNECE tiers of statistical literacy."""

    BASIC = "basic", "Basic"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


class UserGroupsField(models.JSONField):
    """A list of user groups, ticked as checkboxes in the editor; stored as JSON on every engine."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=UserGroup.choices,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name.capitalize()),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
