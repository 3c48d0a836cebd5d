"""Chart and key-figure blocks that draw from the data layer, for stories, pages and newsletters.

An editor chooses an indicator slice (indicator, areas, breakdown, periods), never types a
figure: the page shows the figures of the version current for the public when it is rendered
(``datasets.figures``), so a new release reaches it and an embargoed version never shows. Charts
go through the same machinery as pasted tables (``portal.core.charts``): one ChartSpec, the
cached SVG, the data table and the CSV download.
"""

from __future__ import annotations

import dataclasses
import logging

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.core.charts import CHART_TYPES, ChartSpec, honest_chart_problems

from . import slices
from .models import Indicator, RevisionNotice

logger = logging.getLogger(__name__)

DATA_CHART_TYPES = ("line", "bar", "table")
MAX_BAR_PERIODS = 30


@dataclasses.dataclass(frozen=True)
class Rendering:
    html: str
    email_html: str
    text: str


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.dataset.title}: {obj.name} ({obj.code})"


class IndicatorChooserBlock(blocks.ChooserBlock):
    """An indicator, chosen from a list that names its dataset (codes repeat across datasets)."""

    target_model = Indicator

    @cached_property
    def widget(self):
        return forms.Select()

    @cached_property
    def field(self):
        return IndicatorChoiceField(
            queryset=Indicator.objects.select_related("dataset").order_by("dataset__title", "code"),
            widget=self.widget,
            required=self._required,
            help_text=self._help_text,
        )

    def bulk_to_python(self, values):
        """Every indicator of a page (and its dataset) in one query."""
        found = Indicator.objects.select_related("dataset").in_bulk([value for value in values if value])
        return [found.get(value) for value in values]

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    def get_form_state(self, value):
        return blocks.FieldBlock.get_form_state(self, value)

    class Meta:
        icon = "table"


AREAS_HELP = "Area codes of the dataset, separated by commas, e.g. NAT, R1, R2 (at most 8)."
BREAKDOWN_HELP = (
    "Leave empty when the dataset has no breakdown; else one code per breakdown, e.g. sex=F;age=_T "
    "(_T is the total)."
)


class IndicatorBlockMixin:
    """What both blocks check: the areas and the breakdown belong to the indicator's dataset."""

    area_field = "areas"

    def check_slice(self, value, errors):
        indicator = value.get("indicator")
        try:
            value["breakdown"] = slices.breakdown_key(value.get("breakdown") or "")
            if indicator:
                slices.check_breakdown(indicator.dataset, value["breakdown"])
        except ValidationError as error:
            errors.setdefault("breakdown", error)
        if indicator and self.area_field not in errors:
            try:
                slices.check_areas(indicator.dataset, slices.area_codes(value.get(self.area_field)))
            except ValidationError as error:
                errors[self.area_field] = error

    def run_clean(self, value, extra_checks):
        """The struct's own validation plus ours, all reported at once; nothing saved on error."""
        errors = {}
        try:
            cleaned = blocks.StructBlock.clean(self, value)
        except blocks.StructBlockValidationError as error:
            errors = dict(error.block_errors)
            cleaned = value
        self.check_slice(cleaned, errors)
        extra_checks(cleaned, errors)
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return cleaned

    def renderings(self, value, root_url):
        """The block for a newsletter, read once: the web page's HTML, and for the email HTML
        without SVG or script (a chart becomes its table) with absolute links, and plain text.
        None when none of it is public yet: an email cannot be changed once sent."""
        context = self.get_context(value)
        if context.get("chart") is None and context.get("figure") is None:
            return None
        context["root_url"] = root_url.rstrip("/")
        name = self.meta.template.rsplit("/", 1)[1].removesuffix(".html")
        return Rendering(
            html=render_to_string(self.meta.template, context),
            email_html=render_to_string(f"datasets/blocks/email/{name}.html", context),
            text=render_to_string(f"datasets/blocks/email/{name}.txt", context).strip(),
        )

    def dataset_context(self, found):
        return {
            "dataset": found.dataset,
            "version": found.version,
            "dataset_url": found.dataset.get_absolute_url(),
            "notice": RevisionNotice.objects.latest_for(found.indicator, found.version),
        }


class IndicatorChartBlock(IndicatorBlockMixin, blocks.StructBlock):
    """A line or bar chart of an indicator for some areas over a range of periods, drawn from the
    version current for the public, with its data table, statuses and source."""

    indicator = IndicatorChooserBlock()
    areas = blocks.CharBlock(max_length=slices.MAX_CODE_TEXT, help_text=AREAS_HELP)
    breakdown = blocks.CharBlock(max_length=255, required=False, help_text=BREAKDOWN_HELP)
    period_from = blocks.CharBlock(
        max_length=10,
        required=False,
        label=_("From"),
        help_text=_("First period, e.g. 2019, 2024-Q1 or 2024-01"),
    )
    period_to = blocks.CharBlock(
        max_length=10,
        required=False,
        label=_("To"),
        help_text=_("Last period; empty for the latest there is"),
    )
    chart_type = blocks.ChoiceBlock(
        choices=[(key, CHART_TYPES[key]) for key in DATA_CHART_TYPES],
        default="line",
        help_text=_(
            "Line for change over time; bar to compare a few periods; table when a chart would not help."
        ),
    )
    title = blocks.CharBlock(
        max_length=120, required=False, help_text=_("Empty: the indicator's name, areas and periods")
    )
    summary = blocks.TextBlock(
        required=False,
        help_text=_("What the chart shows, for people who cannot see it; empty: written from the figures."),
    )
    notes = blocks.TextBlock(required=False, help_text=_("Definitions, breaks in the series (optional)"))

    class Meta:
        icon = "table"
        label = _("Chart from the data")
        template = "datasets/blocks/indicator_chart.html"

    def clean(self, value):
        return self.run_clean(value, self.check_periods)

    def check_periods(self, value, errors):
        try:
            first = slices.period_or_error(value.get("period_from"))
        except ValidationError as error:
            errors["period_from"], first = error, None
        try:
            last = slices.period_or_error(value.get("period_to"))
        except ValidationError as error:
            errors["period_to"], last = error, None
        try:
            slices.check_range(first, last)
        except ValidationError as error:
            errors["period_to"] = error
            return
        if first and last and "chart_type" not in errors:
            count = slices.period_count(first, last)
            if value.get("chart_type") == "bar" and count > MAX_BAR_PERIODS:
                errors["chart_type"] = ValidationError(
                    gettext(
                        "A bar chart is readable with up to %(max)d bars; this range has %(count)d "
                        "periods. Use a line chart or a shorter range."
                    )
                    % {"max": MAX_BAR_PERIODS, "count": count}
                )
            if value.get("chart_type") == "line" and count < 2:
                errors["chart_type"] = ValidationError(
                    gettext("A line chart needs at least two periods. Use a bar chart or a table.")
                )

    def read(self, value):
        """The slice shown, or None when none of it is public (or the block is incomplete)."""
        indicator = value.get("indicator")
        if indicator is None:
            return None
        return slices.read_slice(
            indicator,
            slices.area_codes(value.get("areas")),
            value.get("breakdown") or "",
            (value.get("period_from") or "").strip(),
            (value.get("period_to") or "").strip(),
        )

    def spec(self, value, found) -> ChartSpec:
        """The ChartSpec pasted tables build, from the slice; a chart that would mislead with these
        figures (a line of one point, too many bars) falls back to the table."""
        indicator = found.indicator
        areas = ", ".join(label for _, label in found.areas)
        title = value.get("title") or f"{indicator.name}, {areas}, {found.period_text()}"
        spec = ChartSpec(
            chart_type=value.get("chart_type") or "line",
            title=title,
            data=found.chart_data(),
            x_label="Period",
            y_label=indicator.name,
            unit=slices.unit_label(indicator),
            source=source_text(found),
            notes=value.get("notes") or "",
            summary=value.get("summary") or describe(found),
        )
        if spec.chart_type != "table" and honest_chart_problems(spec):
            spec = dataclasses.replace(spec, chart_type="table")
        return spec

    def chart_specs(self, value) -> list[ChartSpec]:
        """The chart as a visitor sees it now, to draw ahead (see portal.core.charts.pages)."""
        found = self.read(value)
        return [] if found is None or not found.periods else [self.spec(value, found)]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        found = self.read(value)
        if found is None or not found.periods:
            context.update(chart=None)
            return context
        context.update(
            chart=self.spec(value, found),
            rows=found.table_rows(),
            flags=found.flags(),
            period_text=found.period_text(),
            truncated=found.truncated,
            **self.dataset_context(found),
        )
        return context


class IndicatorKeyFigureBlock(IndicatorBlockMixin, blocks.StructBlock):
    """One figure (an indicator for an area, in a period or the latest) with its change on the
    previous period, status and source, from the version current for the public."""

    area_field = "area"

    indicator = IndicatorChooserBlock()
    area = blocks.CharBlock(max_length=50, help_text=_("One area code of the dataset, e.g. NAT"))
    breakdown = blocks.CharBlock(max_length=255, required=False, help_text=BREAKDOWN_HELP)
    period = blocks.CharBlock(
        max_length=10, required=False, help_text=_("e.g. 2024 or 2024-Q1; empty for the latest figure")
    )
    label = blocks.CharBlock(max_length=120, required=False, help_text=_("Empty: the indicator's name"))

    class Meta:
        icon = "order"
        label = "Key figure from the data"
        template = "datasets/blocks/indicator_key_figure.html"

    def clean(self, value):
        return self.run_clean(value, self.check_period)

    def check_period(self, value, errors):
        try:
            slices.period_or_error(value.get("period"))
        except ValidationError as error:
            errors["period"] = error

    def read(self, value):
        """(slice, figure, previous figure); the slice is None when nothing of it is public."""
        indicator = value.get("indicator")
        if indicator is None:
            return None, None, None
        period = (value.get("period") or "").strip()
        area = (value.get("area") or "").strip()
        found = slices.read_slice(indicator, [area], value.get("breakdown") or "", period_to=period)
        if found is None or not found.periods:
            return found, None, None
        periods = found.periods
        if period and periods[-1] != period:
            return found, None, None  # that period is not in the public version (yet)
        previous = found.observation(periods[-2], area) if len(periods) > 1 else None
        return found, found.observation(periods[-1], area), previous

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        found, figure, previous = self.read(value)
        if figure is None:
            context.update(figure=None)
            return context
        indicator = found.indicator
        context.update(
            figure=figure,
            text=slices.cell_text(figure, indicator.decimals),
            has_value=slices.has_value(figure),
            unit=slices.unit_label(indicator),
            label=value.get("label") or indicator.name,
            area_label=found.areas[0][1],
            period=slices.period_label(figure.period),
            status=slices.FLAGS.get(figure.status, ("", ""))[1] if slices.has_value(figure) else "",
            change=slices.change_text(figure, previous, indicator),
            **self.dataset_context(found),
        )
        return context


def source_text(found) -> str:
    version = found.version
    published = f", published {version.published_at:%-d %B %Y}" if version.published_at else ""
    return f"{found.dataset.title}, version {version.number}{published}"


def describe(found) -> str:
    """A text alternative written from the figures: what, where, when, and the latest values."""
    indicator = found.indicator
    unit = slices.unit_label(indicator)
    areas = ", ".join(label for _, label in found.areas)
    last = found.periods[-1]
    latest = "; ".join(
        f"{label} {slices.cell_text(found.observation(last, code), indicator.decimals)}"
        for code, label in found.areas
    )
    what = f"{indicator.name}{f' ({unit})' if unit else ''}"
    return f"{what} for {areas}, {found.period_text()}. In {slices.period_label(last)}: {latest}."


DATA_BLOCK_TYPES = (IndicatorChartBlock, IndicatorKeyFigureBlock)


def indicators_used(stream_value) -> set[int]:
    """The ids of the indicators whose figures a StreamField value shows (top-level data blocks),
    read from the raw data: no query."""
    if not stream_value:
        return set()
    child_blocks = stream_value.stream_block.child_blocks
    indicator_ids = set()
    for item in stream_value.raw_data:
        block = child_blocks.get(item.get("type"))
        if isinstance(block, DATA_BLOCK_TYPES):
            raw = item.get("value") or {}
            indicator = raw.get("indicator")
            indicator = getattr(indicator, "pk", indicator)
            if isinstance(indicator, int) or (isinstance(indicator, str) and indicator.isdigit()):
                indicator_ids.add(int(indicator))
    return indicator_ids


def datasets_used(stream_value) -> set[int]:
    """The ids of the datasets whose figures a StreamField value shows (top-level data blocks), so
    that a new version can purge the pages that quote it. One query, whatever the blocks."""
    indicator_ids = indicators_used(stream_value)
    if not indicator_ids:
        return set()
    return set(Indicator.objects.filter(pk__in=indicator_ids).values_list("dataset_id", flat=True))
