"""The shared vocabularies: one list of user groups and one of tiers, used by every app.

The user database segments contacts by ``UserGroup``; training sessions, e-modules, forums,
competitions and newsletters name who they are for with the same values, so a contact's group
and what the site offers them always line up.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserGroup(models.TextChoices):
    """The user groups of Part III of the UN user-engagement guidelines."""

    POLICYMAKERS = "policymakers", _("Policymakers")
    PARLIAMENTARIANS = "parliamentarians", _("Parliamentarians")
    POLITICAL_ORGANISATIONS = "political_organisations", _("Political organisations")
    MEDIA = "media", _("Media")
    TEACHERS_AND_STUDENTS = "teachers_and_students", _("Teachers and students")
    RESEARCHERS = "researchers", _("Researchers")
    INTERNATIONAL_ORGANISATIONS = "international_organisations", _("International organisations")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    CITIZENS = "citizens", _("Citizens")
    PRIVATE_SECTOR = "private_sector", _("Private sector")


class Tier(models.TextChoices):
    """The UNECE tiers of statistical literacy."""

    BASIC = "basic", _("Basic")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


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
