"""The chart engine for data stories: parsing, honesty rules, SVG/PNG rendering, cache, CSV, block."""

import io
import re
import time
import xml.etree.ElementTree as ET
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from PIL import Image
from wagtail.blocks import StructBlockValidationError

from portal.core import charts
from portal.core.charts import (
    MAX_ROWS,
    MAX_SERIES,
    PALETTE,
    ChartData,
    ChartSpec,
    chart_csv,
    chart_png,
    chart_svg,
    honest_chart_problems,
    parse_chart_csv,
    render_png,
    render_svg,
    validate_spec,
)
from portal.core.charts.blocks import ChartBlock, spec_from_value
from stories.tests.chart_specs import bar_spec, line_spec

SVG = "{http://www.w3.org/2000/svg}"

# Drawn charts are kept in the database (portal.core.models.DrawnChart) as well as the cache.
pytestmark = pytest.mark.django_db


def messages(excinfo):
    return " ".join(excinfo.value.messages)


def refused(text):
    with pytest.raises(ValidationError) as excinfo:
        parse_chart_csv(text)
    return messages(excinfo)


# --- Parsing good data ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Year,Men,Women\n2024,1.5,2\n2025,3,4.25\n",
        "Year;Men;Women\r\n2024;1.5;2\r\n2025;3;4.25\r\n",
        "Year\tMen\tWomen\n2024\t1.5\t2\n2025\t3\t4.25",
        "\ufeffYear,Men,Women\n2024,1.5,2\n2025,3,4.25",
        "\n  Year , Men ,Women  \n\n 2024, 1.5 ,2\n2025 ,3, 4.25 \n\n",
    ],
    ids=["comma", "semicolon-crlf", "tab", "bom", "whitespace-and-blank-lines"],
)
def test_parses_comma_semicolon_and_tab_separated_data(text):
    assert parse_chart_csv(text) == ChartData(
        columns=("Year", "Men", "Women"),
        rows=(("2024", (1.5, 2.0)), ("2025", (3.0, 4.25))),
        decimals=(1, 2),
    )


def test_keeps_the_decimal_places_as_written():
    data = parse_chart_csv("Year,Rate,Count\n2024,4.0,1\n2025,3.25,2\n2026,,3")
    assert data.decimals == (2, 0)
    assert data.places(0) == 2
    assert ChartData(columns=data.columns, rows=data.rows).places(0) == 2  # worked out from values


def test_parses_thousands_separators_decimals_negatives_and_missing_cells():
    data = parse_chart_csv(
        'Area,Change,Total\nNorth,"1,234.5","12,345,678"\nSouth,-3.5,1 234\n'
        'East,,0.75\nWest,+2,".5"\nMid,\u22124,'
    )
    assert data.series == ("Change", "Total")
    assert data.categories == ("North", "South", "East", "West", "Mid")
    assert data.rows == (
        ("North", (1234.5, 12345678.0)),
        ("South", (-3.5, 1234.0)),
        ("East", (None, 0.75)),
        ("West", (2.0, 0.5)),
        ("Mid", (-4.0, None)),
    )


def test_semicolon_data_may_hold_commas_as_thousands_separators():
    data = parse_chart_csv("Year;Population\n2024;67,081,234\n2025;67,596,281")
    assert data.series_values(0) == (67081234.0, 67596281.0)


def test_a_negative_number_is_a_legitimate_label_and_value():
    data = parse_chart_csv("Temperature,Days\n-5,3\n-3.5,-2")
    assert data.rows == (("-5", (3.0,)), ("-3.5", (-2.0,)))


def test_an_apostrophe_keeps_formula_like_text_as_text_and_is_dropped():
    data = parse_chart_csv("'-Band,'=Count\n'-5 to 0,3\n'@home,4\n'90s,5")
    assert data.columns == ("-Band", "=Count")
    assert data.categories == ("-5 to 0", "@home", "'90s")


def test_accepts_the_maximum_size():
    header = "Year," + ",".join(f"S{i}" for i in range(MAX_SERIES))
    rows = "\n".join(f"{i}," + ",".join("1" for _ in range(MAX_SERIES)) for i in range(MAX_ROWS))
    data = parse_chart_csv(f"{header}\n{rows}")
    assert len(data.rows) == MAX_ROWS
    assert len(data.series) == MAX_SERIES


# --- Refusing bad data, with the row and column ----------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n\t\n", "\ufeff", None])
def test_refuses_empty_data(text):
    assert "There is no data" in refused(text)


def test_refuses_a_header_without_rows():
    assert "header row but no data rows" in refused("Year,Men,Women\n\n")


def test_refuses_a_single_column():
    message = refused("Year\n2024\n2025")
    assert "Row 1" in message
    assert "only one column" in message


def test_refuses_ragged_rows_naming_the_row_and_count():
    message = refused("Year,Men,Women\n2024,1,2\n2025,3\n")
    assert "Row 3 has 2 cells but the header row has 3" in message
    message = refused("Year,Men\n2024,1,234\n")
    assert "Row 2 has 3 cells but the header row has 2" in message
    assert "thousands separator" in message


def test_refuses_non_numeric_values_naming_row_column_and_content():
    message = refused("Year,Men,Women\n2024,1,2\n2025,3,n/a\n")
    assert 'Row 3, column 3 ("Women"): "n/a" is not a number' in message


def test_non_numeric_hints_are_specific():
    assert "Unit field" in refused("Year,Rate\n2024,12%")
    assert "decimal point" in refused("Year;Rate\n2024;3,5")
    assert "decimal point" in refused('Year,Rate\n2024,"3,5"')


def test_reports_several_cell_problems_at_once_but_not_hundreds():
    text = "Year,Value\n" + "\n".join(f"{2000 + i},x" for i in range(40))
    with pytest.raises(ValidationError) as excinfo:
        parse_chart_csv(text)
    assert len(excinfo.value.messages) == charts.MAX_REPORTED_PROBLEMS + 1
    assert "30 more problems" in excinfo.value.messages[-1]
    assert "Row 2, column 2" in excinfo.value.messages[0]


def test_refuses_long_content_truncated_and_control_characters_made_visible():
    message = refused("Year,Value\n2024," + "y" * 60)
    assert "y" * 60 not in message
    assert "\u2026" in message


def test_refuses_100000_rows_quickly():
    text = "Year,Value\n" + "\n".join(f"{i},{i}" for i in range(100_000))
    started = time.perf_counter()
    message = refused(text)
    assert time.perf_counter() - started < 0.5
    assert str(MAX_ROWS) in message


def test_refuses_501_short_rows_naming_the_row():
    text = "Y,V\n" + "\n".join(f"{i},1" for i in range(MAX_ROWS + 1))
    message = refused(text)
    assert f"more than {MAX_ROWS} rows" in message
    assert f"row {MAX_ROWS + 2}" in message


def test_refuses_too_many_series():
    header = "Year," + ",".join(f"S{i}" for i in range(MAX_SERIES + 1))
    message = refused(header + "\n2024," + ",".join("1" for _ in range(MAX_SERIES + 1)))
    assert f"{MAX_SERIES + 1} series" in message
    assert f"at most {MAX_SERIES}" in message


def test_refuses_empty_and_duplicate_header_names():
    assert "Row 1 (the header), column 1 has no name" in refused(",Men\n2024,1")
    assert "Row 1 (the header), column 3 has no name" in refused("Year,Men,\n2024,1,2")
    message = refused("Year,Men,men\n2024,1,2")
    assert "column 3 repeats the name" in message


def test_refuses_a_column_with_no_numbers():
    message = refused("Year,Men,Women\n2024,1,\n2025,2,")
    assert 'Column 3 ("Women") has no numbers' in message


def test_refuses_missing_and_repeated_labels():
    assert 'Row 3, column 1 ("Year") is empty' in refused("Year,Men\n2024,1\n,2")
    assert 'repeats the label "2024" from row 2' in refused("Year,Men\n2024,1\n2024,2")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Area,Value\n=cmd|' /C calc'!A0,1", 'Row 2, column 1 ("Area")'),
        ("=cmd|' /C calc'!A0,Value\nNorth,1", "Row 1 (the header), column 1"),
        ("Area,=cmd|' /C calc'!A0\nNorth,1", "Row 1 (the header), column 2"),
        ("Area,Value\n@SUM(A1:A2),1", 'Row 2, column 1 ("Area")'),
        ("Area,Value\n+1+cmd,1", 'Row 2, column 1 ("Area")'),
        ("Area,Value\n-2+3+cmd|' /C calc'!A0,1", 'Row 2, column 1 ("Area")'),
    ],
)
def test_refuses_spreadsheet_formulas(text, where):
    message = refused(text)
    assert where in message
    assert "formula" in message


def test_refuses_a_formula_in_a_value_cell():
    message = refused("Area,Value\nNorth,=1+1")
    assert 'Row 2, column 2 ("Value")' in message
    assert "is not a number" in message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Area,Value\n<script>alert(1)</script>,1", 'Row 2, column 1 ("Area")'),
        ("Area,<b>Value</b>\nNorth,1", "Row 1 (the header), column 2"),
        ("Area,Value\nNorth,<1", 'Row 2, column 2 ("Value")'),
        ("Area,Value\nAged > 65,1", 'Row 2, column 1 ("Area")'),
    ],
)
def test_refuses_markup(text, where):
    message = refused(text)
    assert where in message
    assert '"<" or ">"' in message


def test_refuses_overlong_cells():
    long_label = "A" * 81
    message = refused(f"Area,Value\n{long_label},1")
    assert 'Row 2, column 1 ("Area")' in message
    assert "81 characters" in message
    assert long_label not in message


def test_eighty_characters_are_allowed():
    assert parse_chart_csv(f"Area,Value\n{'A' * 80},1").categories == ("A" * 80,)


def test_refuses_line_breaks_inside_cells():
    message = refused('Area,Value\n"North\nEast",1')
    assert "line break" in message


def test_refuses_unbalanced_quotes():
    message = refused('Area,Value\n"North,1\nSouth,2')
    assert "Row" in message


def test_refuses_inf_and_nan():
    assert "not a number" in refused("Year,Value\n2024,inf")
    assert "not a number" in refused("Year,Value\n2024,nan")
    assert "not a number" in refused("Year,Value\n2024,1e999")


# --- Honest charts ---------------------------------------------------------------------------


def pie(text):
    return ChartSpec(chart_type="pie", title="Votes", data=parse_chart_csv(text), summary="s")


def test_a_pie_of_parts_of_a_whole_is_fine():
    spec = pie("Party,Votes\nRed,12000\nBlue,9000\nOther,800")
    assert honest_chart_problems(spec) == []
    validate_spec(spec)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Party,2019,2024\nRed,1,2\nBlue,3,4", "exactly one column of numbers, not 2"),
        ("Party,Votes\nRed,1", "2 to 6 parts; this data has 1"),
        ("Party,Votes\n" + "\n".join(f"P{i},1" for i in range(7)), "2 to 6 parts; this data has 7"),
        ("Party,Votes\nRed,1\nBlue,", "every part needs a value"),
        ("Party,Votes\nRed,1\nBlue,0", "must be more than zero"),
        ("Party,Votes\nRed,1\nBlue,-3", "must be more than zero"),
    ],
)
def test_refuses_dishonest_pies(text, expected):
    problems = honest_chart_problems(pie(text))
    assert any(expected in problem for problem in problems), problems
    assert all(problem.startswith("A pie chart shows the parts of one whole") for problem in problems)
    with pytest.raises(ValidationError):
        validate_spec(pie(text))


def test_stacked_bars_need_several_series_and_no_negatives():
    one = ChartSpec("stacked_bar", "t", parse_chart_csv("Y,A\n1,2\n2,3"))
    assert "two or more series" in honest_chart_problems(one)[0]
    negative = ChartSpec("stacked_bar", "t", parse_chart_csv("Y,A,B\n1,2,-1\n2,3,1"))
    assert "negative" in honest_chart_problems(negative)[0]
    fine = ChartSpec("stacked_bar", "t", parse_chart_csv("Y,A,B\n1,2,1\n2,3,"))
    assert honest_chart_problems(fine) == []


def test_other_honesty_rules():
    many = ChartSpec("bar", "t", parse_chart_csv("Y,A\n" + "\n".join(f"{i},1" for i in range(31))))
    assert "up to 30 bars" in honest_chart_problems(many)[0]
    point = ChartSpec("line", "t", parse_chart_csv("Y,A\n1,2"))
    assert "at least two rows" in honest_chart_problems(point)[0]
    assert "not a kind of chart" in honest_chart_problems(ChartSpec("radar", "t", point.data))[0]
    assert honest_chart_problems(line_spec()) == []
    assert honest_chart_problems(ChartSpec("table", "t", point.data)) == []


# --- SVG --------------------------------------------------------------------------------------


def parse_svg(svg):
    return ET.fromstring(svg)


@pytest.mark.parametrize("make", [line_spec, bar_spec])
def test_svg_is_accessible_valid_xml(make):
    spec = make()
    svg = render_svg(spec)
    root = parse_svg(svg)
    assert root.tag == f"{SVG}svg"
    title, desc = list(root)[:2]
    assert title.tag == f"{SVG}title"
    assert title.text == spec.title
    assert desc.tag == f"{SVG}desc"
    assert desc.text == spec.summary
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    assert ids == [title.get("id"), desc.get("id")]
    assert "viewBox" in root.attrib
    assert "width" not in root.attrib
    assert "height" not in root.attrib


def test_svg_escapes_hostile_text_and_holds_no_script_or_inline_style():
    spec = line_spec(
        title='<script>alert("t")</script>',
        summary="</desc><script>alert(1)</script>",
        y_label="--><script>x</script><!--",
        x_label="$x$ & $y$",
    )
    svg = render_svg(spec)
    assert "<script" not in svg.lower()
    assert "&lt;script&gt;" in svg
    root = parse_svg(svg)
    assert root.find(f"{SVG}title").text == spec.title
    assert root.find(f"{SVG}desc").text == spec.summary
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= {"svg", "title", "desc", "g", "path", "defs", "use", "clipPath", "rect", "pattern"}
    for element in root.iter():
        assert "style" not in element.attrib  # a strict CSP blocks inline styles
        assert not any(name.startswith("on") for name in element.attrib)
    assert "<style" not in svg


def test_svg_ids_are_unique_to_the_chart_and_every_reference_resolves():
    first, second = render_svg(line_spec()), render_svg(bar_spec())
    ids_first = set(re.findall(r' id="([^"]+)"', first))
    ids_second = set(re.findall(r' id="([^"]+)"', second))
    assert not ids_first & ids_second
    for svg, ids in ((first, ids_first), (second, ids_second)):
        references = set(re.findall(r"url\(#([^)]+)\)", svg)) | set(re.findall(r'href="#([^"]+)"', svg))
        assert references
        assert references <= ids
        assert len(re.findall(r' id="', svg)) == len(ids)  # no id twice


def test_svg_is_byte_identical_for_the_same_spec():
    assert render_svg(line_spec()) == render_svg(line_spec())
    assert render_svg(bar_spec()) == render_svg(bar_spec())
    assert render_svg(line_spec()) != render_svg(line_spec(title="Another title"))


@pytest.mark.parametrize(
    "spec",
    [
        ChartSpec("stacked_bar", "Energy", parse_chart_csv("Year,Gas,Oil,Other\n2019,40,30,10\n2020,38,,12")),
        ChartSpec("bar", "Tenure", parse_chart_csv("Year,Own,Rent\n2015,63.5,17.2\n2020,64.6,16.7")),
        ChartSpec("pie", "Votes", parse_chart_csv("Party,Votes\nRed,12000\nBlue,9000\nGreen,800")),
        ChartSpec(
            "bar", "Change", parse_chart_csv("Industry,Change\nManufacturing,-12.5\nRetail,4\nHealth,")
        ),
        ChartSpec(
            "line", "Long", parse_chart_csv("Month,A\n" + "\n".join(f"M{i},{i % 7}" for i in range(500)))
        ),
        ChartSpec(
            "bar",
            "Long labels",
            parse_chart_csv(
                "Area,A,B\n" + "\n".join(f"A very long area name number {i},{i},{i + 1}" for i in range(30))
            ),
        ),
        ChartSpec(
            "bar",
            "Eight series",
            parse_chart_csv("Y,A,B,C,D,E,F,G,H\n2024,1,2,3,4,5,6,7,8\n2025,8,7,6,5,4,3,2,1"),
        ),
        ChartSpec("line", "Dollars $ and $maths$", parse_chart_csv("Year,$ spent\n2024,1\n2025,2"), unit="$"),
    ],
    ids=[
        "stacked",
        "grouped",
        "pie",
        "negative-and-missing",
        "500-points",
        "long-labels",
        "8-series",
        "dollars",
    ],
)
def test_every_chart_type_renders(spec):
    svg = render_svg(spec)
    root = parse_svg(svg)
    assert root.find(f"{SVG}title").text == spec.title
    png = render_png(spec, width_px=600)
    assert Image.open(io.BytesIO(png)).size[0] == 600


def test_rendering_in_threads_gives_the_same_chart():
    from concurrent.futures import ThreadPoolExecutor

    specs = [line_spec(), bar_spec()] * 4
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(render_svg, specs))
    assert results == [render_svg(spec) for spec in specs]


def test_a_table_has_no_image():
    spec = line_spec(chart_type="table")
    assert render_svg(spec) == ""
    assert render_png(spec) == b""
    assert chart_svg(spec) == ""
    assert chart_png(spec) == b""


def test_palette_colours_have_3_to_1_contrast_on_white():
    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    assert len(set(PALETTE)) == len(PALETTE) >= charts.MAX_SERIES
    for colour in PALETTE:
        assert 1.05 / (luminance(colour) + 0.05) >= 3, colour


# --- PNG --------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1200, 600])
def test_png_has_the_signature_and_requested_width(width):
    png = render_png(line_spec(), width_px=width)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (width, round(width * 0.525))


def test_png_default_is_a_social_card():
    assert Image.open(io.BytesIO(render_png(bar_spec()))).size == (1200, 630)


def test_png_refuses_absurd_widths():
    with pytest.raises(ValueError):
        render_png(line_spec(), width_px=100_000)


# --- CSV --------------------------------------------------------------------------------------

ROUND_TRIP = [
    "Year,Men,Women\n2024,1.5,2\n2025,3,4.25",
    'Area,Change,Total\nNorth,"1,234.5","12,345,678"\nSouth,-3.5,1 234\nEast,,0.75\nWest,0.1,-0.000001',
    "Band,Count\n'-5 to 0,3\n'=cmd|' /C calc'!A0,4\n'@home,-7\n'+1 more,1e-7\n-1,123456789012.125",
    "'=Total,'-Value\n'90s,0.30000000000000004\n''=x,1e15\n2020,-0",
    "Region;Rate\nNorth;3\nSouth;\nEast;12.5",
]


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_csv_round_trip_is_exact(text):
    data = parse_chart_csv(text)
    spec = ChartSpec("bar", "t", data)
    written = chart_csv(spec)
    assert parse_chart_csv(written) == data
    assert chart_csv(ChartSpec("bar", "t", parse_chart_csv(written))) == written  # and stable


def test_csv_is_spreadsheet_safe_and_plain():
    data = parse_chart_csv("'=Band,Count\n'-5 to 0,\"1,234\"\n'=cmd|' /C calc'!A0,-3.5\n'@x,0.1\n2024,")
    written = chart_csv(ChartSpec("bar", "t", data))
    assert written == "'=Band,Count\r\n'-5 to 0,1234.0\r\n'=cmd|' /C calc'!A0,-3.5\r\n'@x,0.1\r\n2024,\r\n"


def test_csv_writes_no_exponents():
    data = ChartData(columns=("Y", "V"), rows=(("a", (1e-7,)), ("b", (1.5e20,)), ("c", (2.0**60,))))
    written = chart_csv(ChartSpec("bar", "t", data))
    assert "e" not in written.lower().replace("y,v", "")
    assert parse_chart_csv(written).rows == data.rows


# --- The block --------------------------------------------------------------------------------

GOOD_VALUE = {
    "title": "Unemployment rate",
    "chart_type": "line",
    "data": 'Year,Men,Women\n2024,4.4,\n2025,4.6,4.0\n2026,"1,234.5",-3',
    "x_label": "",
    "y_label": "Rate",
    "unit": "%",
    "summary": "It went up.",
    "source": "Labour Force Survey",
    "notes": "Seasonally adjusted.\nPeople aged 16 and over.",
}


def block_value(**overrides):
    block = ChartBlock()
    return block, block.to_python(GOOD_VALUE | overrides)


def test_block_clean_passes_good_data():
    block, value = block_value()
    cleaned = block.clean(value)
    assert cleaned["title"] == "Unemployment rate"
    assert spec_from_value(cleaned).data.series == ("Men", "Women")


def test_block_clean_shows_data_problems_against_the_data_field():
    block, value = block_value(data="Year,Men\n2024,1\n2025,n/a")
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    assert set(excinfo.value.block_errors) == {"data"}
    assert 'Row 3, column 2 ("Men"): "n/a" is not a number' in " ".join(
        excinfo.value.block_errors["data"].messages
    )
    json_errors = excinfo.value.as_json_data()["blockErrors"]["data"]["messages"]
    assert any("n/a" in message for message in json_errors)


def test_block_clean_refuses_formulas_and_markup():
    for data in ("Area,V\n=cmd|' /C calc'!A0,1", "Area,V\n<script>x</script>,1"):
        block, value = block_value(data=data, chart_type="bar")
        with pytest.raises(StructBlockValidationError) as excinfo:
            block.clean(value)
        assert "data" in excinfo.value.block_errors


def test_block_clean_shows_honesty_problems_against_the_chart_type():
    block, value = block_value(chart_type="pie")
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    assert set(excinfo.value.block_errors) == {"chart_type"}
    assert "parts of one whole" in " ".join(excinfo.value.block_errors["chart_type"].messages)


def test_block_clean_reports_missing_fields_together_with_data_problems():
    block, value = block_value(summary="", data="Year,Men\n2024,x")
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    assert set(excinfo.value.block_errors) == {"summary", "data"}


def test_block_clean_lets_a_draft_leave_the_data_empty_but_not_wrong():
    block, value = block_value(data="")
    block.defer_required_validation()
    try:
        block.clean(value)
        with pytest.raises(StructBlockValidationError):
            block.clean(block.to_python(GOOD_VALUE | {"data": "Year,Men\n2024,x"}))
    finally:
        block.restore_deferred_validation()
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_block_meta():
    block = ChartBlock()
    assert block.meta.icon == "table"
    assert block.meta.template == "core/blocks/chart.html"
    assert [name for name, _ in block.child_blocks["chart_type"].field.choices if name] == list(
        charts.CHART_TYPES
    )


# --- The template -----------------------------------------------------------------------------


def render(**overrides):
    block, value = block_value(**overrides)
    return block.render(value, context={"csv_url": "/en/stories/x/chart/abc/data.csv"})


def test_template_renders_figure_svg_table_and_download_link():
    html = render()
    assert html.count("<figure") == 1
    caption = re.search(r"<figcaption.*?</figcaption>", html, re.S).group(0)
    assert caption.index("Unemployment rate") < caption.index("It went up.")
    assert '<svg viewBox="' in html
    assert 'role="img"' in html
    assert "<details" in html
    assert "Show the data as a table" in html
    assert 'href="/en/stories/x/chart/abc/data.csv"' in html
    assert "Download the data (CSV)" in html
    assert "Source: Labour Force Survey" in html
    assert "Seasonally adjusted.<br>People aged 16 and over." in html
    assert "style=" not in html
    assert "<script" not in html


def test_template_table_cells_match_the_data():
    html = render()
    table = re.search(r"<table.*?</table>", html, re.S).group(0)
    assert "<caption" in table
    assert "Unemployment rate (%)" in table
    headers = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)
    assert headers == ["Year", "Men", "Women"]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", table, re.S)
    cells = [(label, re.findall(r"<td[^>]*>(.*?)</td>", body)) for label, body in rows]
    no_data = '<span aria-hidden="true">\u2013</span><span class="visually-hidden">no data</span>'
    assert cells == [
        ("2024", ["4.4", no_data]),
        ("2025", ["4.6", "4.0"]),
        ("2026", ["1,234.5", "-3.0"]),
    ]


def test_template_escapes_a_hostile_title_everywhere():
    html = render(title='<script>alert("x")</script>', summary="<img src=x onerror=alert(1)>")
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_template_for_a_table_only_chart_has_no_svg_and_no_details():
    html = render(chart_type="table")
    assert "<svg" not in html
    assert "<details" not in html
    assert "<table" in html
    assert 'class="chart__table-caption visually-hidden"' in html


def test_template_without_a_csv_url_carries_the_data_in_the_link():
    """Charts outside stories (lessons, pages) have no CSV address: the link holds the data."""
    from urllib.parse import unquote

    from bs4 import BeautifulSoup

    block, value = block_value()
    link = BeautifulSoup(block.render(value), "html.parser").select_one(".chart__download a")
    prefix = "data:text/csv;charset=utf-8,"
    assert link["href"].startswith(prefix)
    assert link["download"].endswith(".csv")
    spec = spec_from_value(value)
    assert parse_chart_csv(unquote(link["href"][len(prefix) :])) == spec.data


def test_template_survives_saved_data_that_no_longer_parses():
    block, value = block_value(data="Year,Men\n2024,x")
    html = block.render(value)
    assert "cannot be shown" in html
    assert "<svg" not in html
    assert "Source: Labour Force Survey" in html


def test_chart_svg_tag_accepts_a_block_value_and_refuses_nothing_else():
    from django.template import Context, Template

    block, value = block_value()
    html = Template("{% load chart_tags %}{% chart_svg value %}").render(Context({"value": value}))
    assert html.startswith("<svg")
    assert html == chart_svg(spec_from_value(value))
    broken = block.to_python(GOOD_VALUE | {"data": "Year,Men\n2024,x"})
    assert Template("{% load chart_tags %}{% chart_svg value %}").render(Context({"value": broken})) == ""


def test_template_uses_the_cache():
    block, value = block_value()
    block.render(value)
    with mock.patch.object(charts, "render_svg", side_effect=AssertionError("drawn")):
        assert "<svg" in block.render(value)
