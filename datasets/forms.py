"""The admin's import form: the file, its format, the editor's notes, and which column of the file
holds each field (the admin's version of ``import_dataset --map``).

Nothing of the file is kept between requests, so the column choices are built each time from the
header row of the file sent with them, and a posted column the file does not have is refused. The
choices become the importer's own ``mapping`` ({column: field}), the one ``--map`` builds."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .importing import FORMATS, OPTIONAL, REQUIRED, TIDY, ImportFailed, column_field, read_header
from .models import RevisionKind
from .models.corrections import REASON_MAX_LENGTH

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAP_PREFIX = "map_"


def mapped_fields(dataset):
    """The fields a column can be chosen for: the required ones, the status, the breakdowns."""
    slugs = sorted(dataset.breakdown_code_lists.values_list("slug", flat=True))
    return [*REQUIRED, OPTIONAL[0], *slugs]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("CSV, UTF-8, comma-separated (see the import guide).")
    )
    format = forms.ChoiceField(label=_("Format"), choices=[(name, name) for name in FORMATS], initial=TIDY)
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Note"), help_text=_("Why?")
    )
    revision_kind = forms.ChoiceField(
        label=_("If published figures change"),
        required=False,
        choices=[("", _("They do not change (only new figures)")), *RevisionKind.choices],
        help_text=_(
            "A correction fixes an error; a routine revision updates provisional figures as "
            "scheduled. The preview says whether published figures change."
        ),
    )
    reason = forms.CharField(
        label=_("Why they change"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to the public in the correction or revision notice."),
    )

    def __init__(self, data=None, files=None, *, dataset):
        super().__init__(data, files)
        self.fields_to_map = mapped_fields(dataset)
        self.header, self.header_problem = self._header()
        if self.header is None:
            return
        fmt = self.data.get("format") if self.data.get("format") in FORMATS else TIDY
        by_name = {column_field(column, fmt, {}): column for column in self.header}
        choices = [("", gettext("(none)")), *((column, column) for column in self.header)]
        for name in self.fields_to_map:
            required = name in REQUIRED
            self.fields[MAP_PREFIX + name] = forms.ChoiceField(
                label=gettext("Column for %(field)s") % {"field": name},
                required=False,
                choices=choices,
                initial=by_name.get(name, ""),
                help_text=gettext("Required.")
                if required
                else gettext("Optional: leave “(none)” if the file has none."),
                error_messages={
                    "invalid_choice": _("The file has no column “%(value)s”: choose one of its columns.")
                },
            )
        if not any(MAP_PREFIX + name in self.data for name in self.fields_to_map):
            # A first upload posts no choices: each field takes the column of its own name, and
            # the selects show it.
            self.data = self.data.copy()
            for name in self.fields_to_map:
                self.data[MAP_PREFIX + name] = by_name.get(name, "")

    def _header(self):
        """The column names of the file sent (None without one) and the problem reading them."""
        upload = self.files.get("file")
        if upload is None:
            return None, None
        try:
            return read_header(upload.file), None
        except ImportFailed as failed:
            return None, "; ".join(failed.lines())

    @property
    def mapping_fields(self):
        return [self[MAP_PREFIX + name] for name in self.fields_to_map if MAP_PREFIX + name in self.fields]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                gettext("The file is over %(size)d MB.") % {"size": MAX_UPLOAD_BYTES // 1024 // 1024}
            )
        if self.header_problem:
            raise forms.ValidationError(
                gettext("The file cannot be read: %(problem)s.") % {"problem": self.header_problem}
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.header is None:
            return cleaned
        chosen = {}
        for name in self.fields_to_map:
            key = MAP_PREFIX + name
            if key in self.errors:
                continue
            column = cleaned.get(key, "")
            if column and column in chosen.values():
                other = next(field for field, taken in chosen.items() if taken == column)
                self.add_error(
                    key,
                    gettext("The column “%(column)s” is already chosen for %(field)s: choose another.")
                    % {"column": column, "field": other},
                )
            elif not column and name in REQUIRED:
                self.add_error(
                    key, gettext("Choose the column of the file that holds the %(field)s.") % {"field": name}
                )
            else:
                chosen[name] = column
        mapping = {column: name for name, column in chosen.items() if column}
        # A column named like a field that another column was chosen for is left out.
        for column in self.header:
            if column not in mapping and column_field(column, cleaned.get("format") or TIDY, {}) in chosen:
                mapping[column] = None
        cleaned["mapping"] = mapping
        return cleaned
