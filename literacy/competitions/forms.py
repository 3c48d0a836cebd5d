"""The entry form: what the entrant tells us, their file or link, the rules and their consent."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.contacts.forms import ConsentMixin
from portal.core.mail import one_line
from portal.core.uploads import DEFAULT_MAX_BYTES, check_upload
from portal.core.vocabularies import UserGroup


def entry_max_bytes():
    return getattr(settings, "COMPETITION_ENTRY_MAX_BYTES", DEFAULT_MAX_BYTES)


DETAIL_FIELDS = (
    "title",
    "description",
    "category",
    "team_members",
    "organisation",
    "display_name",
    "user_group",
    "link",
)


WEB_ADDRESS_ONLY = _(
    "Enter a web address starting with http:// or https://, like https://example.org/my-entry"
)


class HttpURLField(forms.URLField):
    """Links to web pages only: no javascript:, data: or ftp: addresses."""

    default_error_messages = {"invalid": WEB_ADDRESS_ONLY}
    default_validators = [URLValidator(schemes=["http", "https"], message=WEB_ADDRESS_ONLY)]

    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", **kwargs)


class EntryForm(ConsentMixin, forms.Form):
    """New entries ask for the rules and the consent; edits (existing=the entry) do not ask again."""

    title = forms.CharField(label=_("Title of your entry"), max_length=150)
    description = forms.CharField(
        label=_("Describe your entry"),
        max_length=3000,
        help_text=_("What it shows, which data you used and where it comes from. Up to 3,000 characters."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=None, empty_label=_("Choose a category"))
    team_members = forms.CharField(
        label=_("Team members"),
        max_length=1000,
        required=False,
        help_text=_("If you worked as a team, the names of everyone in it, one per line."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    organisation = forms.CharField(
        label=_("School or organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    display_name = forms.CharField(
        label=_("Name to show in public"),
        max_length=80,
        help_text=_(
            "If your entry is chosen for the gallery or wins, we show it under this name only, "
            "e.g. “Year 10, Riverside School” or your first name."
        ),
    )
    user_group = forms.ChoiceField(
        label=_("Which best describes you?"), choices=[("", _("Choose one")), *UserGroup.choices]
    )
    file = forms.FileField(
        label=_("Your file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"}),
    )
    link = HttpURLField(
        label=_("Link to your entry"),
        max_length=500,
        required=False,
        help_text=_("For example a web page, video or interactive chart. Give a file, a link, or both."),
        widget=forms.URLInput(attrs={"spellcheck": "false"}),
    )
    accept_rules = forms.BooleanField(
        label=_("I have read the rules of this competition and my entry follows them"),
        error_messages={"required": _("Please confirm that your entry follows the rules.")},
    )
    consent_required_message = _("Please agree to this so that we can accept your entry.")

    def __init__(self, *args, competition, consent_wording=None, existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.competition = competition
        self.existing = existing
        self.checked_file = None
        categories = competition.categories.all()
        if categories:
            self.fields["category"].queryset = categories
        else:
            del self.fields["category"]
        if competition.eligible_groups:
            groups = ", ".join(str(label) for label in competition.eligible_group_labels())
            self.fields["user_group"].help_text = gettext("This competition is open to %(groups)s.") % {
                "groups": groups
            }
        file_help = gettext("A PDF, PNG or JPEG of up to %(size)s.") % {
            "size": filesizeformat(entry_max_bytes())
        }
        if existing and existing.file:
            # Hints are shown as HTML: the entrant's file name goes in escaped.
            file_help += " " + gettext("Your entry has %(file_name)s; upload a file only to replace it.") % {
                "file_name": escape(existing.file_name)
            }
        self.fields["file"].help_text = file_help
        if existing:  # an edit: the rules accepted and the consent given with the entry stand
            del self.fields["accept_rules"]
            self.consent_wording = ""
        else:
            self.add_consent(consent_wording)

    def clean_title(self):
        return one_line(self.cleaned_data["title"], "title")

    def clean_organisation(self):
        return one_line(self.cleaned_data["organisation"], "school or organisation")

    def clean_display_name(self):
        return one_line(self.cleaned_data["display_name"], "public name")

    def clean_user_group(self):
        group = self.cleaned_data["user_group"]
        if not self.competition.admits(group):
            raise ValidationError(self.competition.ineligible_message())
        return group

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            self.checked_file = check_upload(
                upload,
                max_bytes=entry_max_bytes(),
                max_image_pixels=getattr(settings, "COMPETITION_ENTRY_MAX_IMAGE_PIXELS", None),
            )
        return upload

    def _post_clean(self):
        super()._post_clean()
        has_file = bool(self.cleaned_data.get("file")) or bool(self.existing and self.existing.file)
        both_valid = "file" in self.cleaned_data and "link" in self.cleaned_data
        if both_valid and not has_file and not self.cleaned_data["link"]:
            self.add_error("file", gettext("Upload a file or give a link to your entry."))

    def entry_details(self):
        """The entry's fields, for literacy.competitions.entries.submit() and edit()."""
        return {field: self.cleaned_data[field] for field in DETAIL_FIELDS if field in self.cleaned_data}
