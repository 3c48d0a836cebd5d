"""Numbers, percentages and periods in each language's conventions (portal.core.formats), and
the charts that use them: labels change with the language, the data never does."""

from decimal import Decimal

import numpy
import pytest
from django.utils.translation import override

from portal.core.charts import ChartSpec, chart_csv, chart_svg, parse_chart_csv, table_rows
from portal.core.charts.figure import draw_figure
from portal.core.charts.scales import SVG_STYLE
from portal.core.formats import decimal_places, format_number, format_percent, number_style, period_label

NBSP, NNBSP = "\xa0", "\u202f"


def _spec(chart_type, text):
    return ChartSpec(chart_type=chart_type, title="A chart", data=parse_chart_csv(text), summary="Rates.")


def line_spec():
    return _spec("line", "Year,Men,Women\n2021,4.5,4.1\n2022,3.9,3.6\n2023,4.1,3.8\n2024,4.4,4.2")


def bar_spec():
    return _spec("bar", 'Region,Median pay\nNorth,615\nLondon,"1,012"\nWales,618')


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en-gb", "1,234.5"), ("fr", f"1{NBSP}234,5"), ("ar", "1234,5")],
)
def test_a_figure_in_each_language(language, expected):
    with override(language):
        assert format_number(1234.5) == expected
        assert format_number(Decimal("1234.5")) == expected
        assert format_number("1234.5") == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en-gb", "4.1%"), ("fr", f"4,1{NNBSP}%"), ("ar", "4,1%")],
)
def test_a_percentage_in_each_language(language, expected):
    with override(language):
        assert format_percent(4.1) == expected
        assert format_percent(Decimal("4.14"), 1) == expected


def test_arabic_keeps_western_digits():
    with override("ar"):
        text = format_number(9876543.21) + format_percent(12.5) + period_label("2024-07")
    assert not any("\u0660" <= character <= "\u0669" for character in text)
    assert "9876543,21" in text


NOT_NUMBERS = [None, float("nan"), float("inf"), float("-inf"), "", "abc", "<script>", True]


@pytest.mark.parametrize("language", ["en-gb", "fr", "ar"])
@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_what_is_not_a_number_gives_nothing_so_the_caller_says_why(language, value):
    with override(language):
        assert format_number(value) == ""
        assert format_percent(value) == ""


@pytest.mark.parametrize(
    ("language", "negative", "huge"),
    [
        ("en-gb", "-1,234,567.891", "123,456,789,012,345,678,901"),
        ("fr", f"-1{NBSP}234{NBSP}567,891", NBSP.join(["123", "456", "789", "012", "345", "678", "901"])),
        ("ar", "-1234567,891", "123456789012345678901"),
    ],
)
def test_negative_zero_and_huge_values(language, negative, huge):
    with override(language):
        assert format_number(-1234567.891) == negative
        assert format_number(123456789012345678901) == huge
        assert format_number(0) == "0"
        assert format_number(-0.0) == "0"
        assert format_number(-0.04, 1) in {"0.0", "0,0"}  # never "-0.0"
        assert format_number(Decimal("1e300"), 0)  # written, in any form, without an error


def test_numpy_numbers_as_matplotlib_gives_them():
    with override("fr"):
        assert format_number(numpy.float64(3.5)) == "3,5"
        assert format_number(numpy.int64(1234)) == f"1{NBSP}234"


def test_decimal_places_are_kept_or_fixed():
    assert decimal_places(3.0) == 0
    assert decimal_places(Decimal("12.30")) == 1
    assert decimal_places(1 / 3) == 6
    with override("fr"):
        assert format_number(4.0, 1) == "4,0"
        assert format_number(2.345678, 2) == "2,35"
        assert format_number(12, 99) == "12,000000"  # at most six places
        assert format_number(12, -3) == "12"


@pytest.mark.parametrize(
    ("code", "english", "french", "arabic"),
    [
        ("2024-Q1", "Q1 2024", "T1 2024", "الربع 1 2024"),
        ("2024-S2", "H2 2024", "S2 2024", "النصف 2 2024"),
        ("2024-03", "March 2024", "mars 2024", "مارس 2024"),
        ("2024", "2024", "2024", "2024"),
    ],
)
def test_period_labels(code, english, french, arabic):
    assert period_label(code) == english
    with override("fr"):
        assert period_label(code) == french
    with override("ar"):
        assert period_label(code) == arabic


@pytest.mark.parametrize("code", ["", None, "2024-Q5", "2024-13", "24", "<b>2024</b>", "2024-S3", "x" * 500])
def test_unknown_periods_are_shown_as_given(code):
    with override("fr"):
        assert period_label(code) == ("" if code is None else code)


def test_languages_that_write_numbers_alike_share_a_number_style():
    with override("en-gb"):
        english = number_style()
    with override("en"):
        assert number_style() == english
    with override("fr"):
        assert number_style() != english


def _tick_labels(spec, language):
    with override(language):
        fig = draw_figure(spec, SVG_STYLE, dpi=72)
        fig.canvas.draw()
        ax = fig.axes[0]
        ticks = [label.get_text() for label in ax.get_yticklabels() if label.get_text()]
        values = [list(line.get_ydata()) for line in ax.get_lines() if len(line.get_ydata()) > 2]
        return ticks, values


def test_a_chart_in_french_has_decimal_commas_in_its_ticks_but_the_same_data():
    spec = line_spec()
    english_ticks, english_values = _tick_labels(spec, "en-gb")
    french_ticks, french_values = _tick_labels(spec, "fr")
    assert any("." in tick for tick in english_ticks)
    assert not any("." in tick for tick in french_ticks)
    assert any("," in tick for tick in french_ticks)
    assert [tick.replace(",", ".") for tick in french_ticks] == english_ticks
    assert french_values == english_values


def test_a_chart_table_follows_the_language_and_its_csv_does_not():
    spec = bar_spec()
    english_csv = chart_csv(spec)
    assert "1012" in english_csv
    with override("fr"):
        rows = dict(table_rows(spec.data))
        assert rows["London"] == [f"1{NBSP}012"]
        assert chart_csv(spec) == english_csv
    with override("ar"):
        assert dict(table_rows(spec.data))["London"] == ["1012"]
        assert chart_csv(spec) == english_csv


@pytest.mark.django_db
def test_each_number_style_gets_its_own_drawn_chart():
    spec = line_spec()
    english = chart_svg(spec)
    with override("fr"):
        french = chart_svg(spec)
    assert english != french
    assert chart_svg(spec) == english


def test_a_lazy_number_is_written_in_the_language_shown_not_the_one_at_import():
    from portal.core.formats import format_number_lazy

    limit = format_number_lazy(10000)
    with override("fr"):
        assert str(limit) == f"10{NBSP}000"
    assert str(limit) == "10,000"


def test_the_template_filters():
    from django.template import Context, Template

    template = Template("{% load number_formats %}{{ a|number:1 }} {{ b|percent:1 }} [{{ c|number }}]")
    context = Context({"a": 1234.56, "b": 4.14, "c": None})
    with override("fr"):
        assert template.render(context) == f"1{NBSP}234,6 4,1{NNBSP}% []"
    assert template.render(context) == "1,234.6 4.1% []"
