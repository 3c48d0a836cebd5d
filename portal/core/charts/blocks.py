"""The chart block for data stories: pasted data in, an accessible chart and table out.

Kept apart from stories/blocks.py so that it can be imported (or moved) into it as it is.
"""

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from . import CHART_TYPES, ChartSpec, honest_chart_problems, parse_chart_csv, table_rows

logger = logging.getLogger(__name__)

DATA_HELP = _(
    "Paste the data from a spreadsheet or as CSV: a header row first, then one row per category. "
    "The first column holds the categories (e.g. years or areas); each other column is a series "
    "of numbers, named in the header (at most 8 series and 500 rows). Leave a cell empty where "
    "there is no data. Use a decimal point; thousands separators are fine. No units in the cells: "
    "put them in the Unit field."
)


NO_DATA = "Paste the chart's data here, or choose a CSV file below."
MAX_DATA_FILE_BYTES = 2 * 1024 * 1024


def data_from_file(value):
    """Copy a chosen CSV document into the pasted-data field, when that field is empty.

    The data then lives in the page's revision like pasted data, so that a later change to the
    file never silently changes a published chart.
    """
    document = value.get("data_file")
    if document is None or (value.get("data") or "").strip():
        return
    if document.file_extension.lower() != "csv":
        raise blocks.StructBlockValidationError(
            block_errors={"data_file": ValidationError(gettext("Choose a CSV file (its name ends in .csv)."))}
        )
    with document.open_file() as handle:
        raw = handle.read(MAX_DATA_FILE_BYTES + 1)
    if len(raw) > MAX_DATA_FILE_BYTES:
        raise blocks.StructBlockValidationError(
            block_errors={
                "data_file": ValidationError(
                    gettext("This file is larger than 2 MB: a chart cannot show that much.")
                )
            }
        )
    try:
        value["data"] = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise blocks.StructBlockValidationError(
            block_errors={
                "data_file": ValidationError(
                    gettext("This file is not UTF-8 text. Save it as CSV UTF-8 and try again.")
                )
            }
        ) from None


def spec_from_value(value) -> ChartSpec:
    """The :class:`ChartSpec` for a ChartBlock value (a StructValue or a plain dict).

    Raises ``ValidationError`` if the data does not parse; it does not check honesty (that is
    :meth:`ChartBlock.clean`'s job when the page is saved).
    """
    return ChartSpec(
        chart_type=value.get("chart_type") or "table",
        title=value.get("title") or "",
        data=parse_chart_csv(value.get("data") or ""),
        x_label=value.get("x_label") or "",
        y_label=value.get("y_label") or "",
        unit=value.get("unit") or "",
        source=value.get("source") or "",
        notes=value.get("notes") or "",
        summary=value.get("summary") or "",
    )


class ChartBlock(blocks.StructBlock):
    """A chart drawn on the server from pasted data, with a text summary, a data table and a CSV."""

    title = blocks.CharBlock(max_length=120, help_text=_("What the chart shows, where and when"))
    chart_type = blocks.ChoiceBlock(
        choices=list(CHART_TYPES.items()),
        default="bar",
        help_text=_(
            "Line for change over time; bar to compare categories; stacked bar for parts that add up; "
            "pie only for the parts of one whole (2 to 6 parts); table when a chart would not help."
        ),
    )
    data = blocks.TextBlock(required=False, help_text=DATA_HELP)
    data_file = DocumentChooserBlock(
        required=False,
        label=_("Or a CSV file"),
        help_text=_(
            "Instead of pasting, upload a CSV file to the documents library and choose it here: "
            "when you save, its contents fill the data field above (and can be checked there)."
        ),
    )
    x_label = blocks.CharBlock(
        max_length=80, required=False, help_text=_("What the categories are, e.g. Year or Region (optional)")
    )
    y_label = blocks.CharBlock(
        max_length=80, required=False, help_text=_("What the numbers measure, e.g. Median weekly pay")
    )
    unit = blocks.CharBlock(
        max_length=30, required=False, help_text=_("e.g. %, £, thousands, million people")
    )
    summary = blocks.TextBlock(
        help_text=_("What the chart shows, in one or two sentences, for people who cannot see it")
    )
    source = blocks.CharBlock(max_length=200, help_text=_("The release or dataset the data comes from"))
    notes = blocks.TextBlock(
        required=False, help_text=_("Definitions, breaks in the series, rounding (optional)")
    )

    class Meta:
        icon = "table"
        template = "core/blocks/chart.html"
        label = _("Chart")

    def spec(self, value) -> ChartSpec:
        return spec_from_value(value)

    def chart_specs(self, value) -> list[ChartSpec]:
        """What to draw ahead of any visit (see portal.core.charts.pages)."""
        return [self.spec(value)]

    def clean(self, value):
        """Refuse data that does not parse, and charts that would misrepresent it.

        Problems with the data are shown against the data field, problems with the kind of chart
        (e.g. a pie that is not parts of a whole) against the chart type, together with any other
        field's errors, so that the editor sees them all at once and nothing is saved.
        """
        errors = {}
        data_from_file(value)
        try:
            cleaned = super().clean(value)
        except blocks.StructBlockValidationError as error:
            errors = dict(error.block_errors)
            cleaned = None
        data = value.get("data") or ""
        if not data.strip() and not self.is_deferred_validation:
            errors.setdefault("data", ValidationError(NO_DATA))
        if "data" not in errors and data.strip():
            try:
                spec = spec_from_value(value)
            except ValidationError as error:
                errors["data"] = ValidationError(error.messages)
            else:
                if "chart_type" not in errors and (problems := honest_chart_problems(spec)):
                    errors["chart_type"] = ValidationError(problems)
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return cleaned

    def get_context(self, value, parent_context=None):
        """Adds ``chart`` (the ChartSpec, or None if the saved data no longer parses) and
        ``table_rows`` (label and formatted values per row) for the template."""
        context = super().get_context(value, parent_context=parent_context)
        try:
            spec = self.spec(value)
        except ValidationError as error:
            logger.warning("Chart %r cannot be shown: %s", value.get("title"), "; ".join(error.messages))
            context.update(chart=None, table_rows=[])
        else:
            context.update(chart=spec, table_rows=table_rows(spec.data))
        return context
