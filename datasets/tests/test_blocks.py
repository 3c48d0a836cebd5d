"""Chart and key-figure blocks that read the data layer: what they show (only published figures,
statuses, missing values, source), what they refuse, their queries, and datasets_used."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import blocks
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from datasets import slices
from datasets.blocks import IndicatorChartBlock, IndicatorKeyFigureBlock, datasets_used
from datasets.importing import import_observations
from datasets.tests.conftest import as_file
from datasets.tests.factories import CodeFactory, DatasetFactory, IndicatorFactory
from home.tests.factories import StandardPageFactory
from portal.core.charts.blocks import ChartBlock
from stories.models import DataStoryPage
from stories.tests.factories import DataStoryPageFactory, StoryIndexPageFactory
from tests.pages import chart_block

ROWS = (
    "indicator,period,area,value,status\n"
    "POP,2021,NAT,1000,\nPOP,2022,NAT,1010.5,\nPOP,2023,NAT,1020,E\nPOP,2024,NAT,1030,P\n"
    "POP,2021,R1,400,\nPOP,2022,R1,,M\nPOP,2023,R1,,C\nPOP,2024,R1,420,\n"
)


def imported(dataset, text=ROWS, publish=True):
    """A new version; one that changes published figures says why (a routine revision)."""
    return import_observations(
        dataset, as_file(text), publish=publish, revision_kind="revision", reason="Scheduled update."
    ).version


def text_of(rendered):
    """The words a reader sees, tags dropped, spaces squeezed."""
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", str(rendered))).split())
    return re.sub(r" ([,.;:)])", r"\1", words)


# A chart block's raw fields as the admin posts them, before indicator and areas are chosen.
CHART_FIELDS = {
    "breakdown": "",
    "period_from": "2021",
    "period_to": "2024",
    "chart_type": "line",
    "title": "",
    "summary": "",
    "notes": "",
}


def chart_value(indicator, **fields):
    raw = {"indicator": indicator.pk, "areas": "NAT, R1", **CHART_FIELDS}
    return IndicatorChartBlock().to_python(raw | fields)


def figure_value(indicator, **fields):
    raw = {"indicator": indicator.pk, "area": "NAT", "breakdown": "", "period": "", "label": ""}
    return IndicatorKeyFigureBlock().to_python(raw | fields)


def render_chart(indicator, **fields):
    block = IndicatorChartBlock()
    return block.render(chart_value(indicator, **fields))


def render_figure(indicator, **fields):
    block = IndicatorKeyFigureBlock()
    return block.render(figure_value(indicator, **fields))


@pytest.fixture
def pop(dataset):
    return dataset.indicators.get(code="POP")


# Rendering


def test_a_chart_shows_the_published_figures_with_table_source_and_svg(dataset, pop):
    imported(dataset)
    rendered = str(render_chart(pop))
    words = text_of(rendered)
    assert "<svg" in rendered
    assert "Population, Country, North, 2021 to 2024" in words  # the title written from the slice
    assert '<th scope="col" class="chart__num">North</th>' in rendered
    assert '<th scope="row">2022</th>' in rendered
    assert "1,010.5" not in words  # the indicator's decimals (0) apply
    assert "1,010" in words or "1,011" in words
    assert "Period: 2021 to 2024. Source: Population, version 1, published" in words
    assert 'href="/en/data/population/"' in rendered
    assert "download=" in rendered and "data:text/csv" in rendered


def test_statuses_become_footnotes_and_missing_values_are_never_zero(dataset, pop):
    imported(dataset)
    rendered = str(render_chart(pop, chart_type="table"))
    words = text_of(rendered)
    assert "1,020 e (estimated)" in words and "1,030 p (provisional)" in words
    assert "e estimated" in words and "p provisional" in words
    assert "b break in series" not in words  # only the statuses shown get a footnote
    row_2022 = rendered.split('<th scope="row">2022</th>')[1].split("</tr>")[0]
    assert "not available" in row_2022 and ">0<" not in row_2022
    row_2023 = rendered.split('<th scope="row">2023</th>')[1].split("</tr>")[0]
    assert "confidential" in row_2023
    assert "<svg" not in rendered  # table only


def test_the_chart_draws_a_gap_not_zero_for_a_missing_value(dataset, pop):
    imported(dataset)
    found = IndicatorChartBlock().read(chart_value(pop))
    data = found.chart_data()
    assert data.columns == ("Period", "Country", "North")
    assert data.series_values(1) == (400.0, None, None, 420.0)


def test_an_embargoed_version_never_shows(dataset, pop):
    imported(dataset, publish=False)
    chart, figure = text_of(render_chart(pop)), text_of(render_figure(pop))
    assert "not published yet" in chart and "not published yet" in figure
    assert "1,030" not in chart + figure


def test_the_newest_published_version_shows_not_a_newer_embargoed_one(dataset, pop):
    imported(dataset)
    imported(dataset, ROWS.replace("1030,P", "9999,"), publish=False)
    words = text_of(render_chart(pop))
    assert "version 1" in words and "9,999" not in words and "1,030" in words
    assert "9,999" not in text_of(render_figure(pop))


def test_a_new_published_version_reaches_the_chart(dataset, pop):
    imported(dataset)
    imported(dataset, ROWS.replace("1030,P", "1040,"))
    words = text_of(render_chart(pop))
    assert "version 2" in words and "1,040" in words and "1,030" not in words


def test_a_chart_that_would_mislead_falls_back_to_its_table(dataset, pop):
    imported(dataset)
    rendered = str(render_chart(pop, period_from="2024", period_to="", chart_type="line"))
    assert "<svg" not in rendered and "chart--table" in rendered
    assert '<th scope="row">2024</th>' in rendered


def test_the_summary_is_written_from_the_figures_unless_the_editor_wrote_one(dataset, pop):
    imported(dataset)
    words = text_of(render_chart(pop))
    summary = "Population (persons) for Country, North, 2021 to 2024. In 2024: Country 1,030; North 420."
    assert summary in words
    assert "Our own words." in text_of(render_chart(pop, summary="Our own words."))


def test_hostile_labels_are_escaped(dataset, pop):
    CodeFactory(code_list=dataset.area_code_list, code="X1", label="<script>alert(1)</script>")
    dataset.title = "<b>Pop</b>"
    dataset.save()
    imported(dataset, "indicator,period,area,value\nPOP,2023,X1,1\nPOP,2024,X1,2\n")
    rendered = str(render_chart(pop, areas="X1", title="", notes="<img src=x onerror=alert(1)>"))
    assert "<script>" not in rendered and "<b>Pop" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "<script>" not in str(render_figure(pop, area="X1", label="<script>x</script>"))


def test_monthly_and_quarterly_periods_are_read_as_words(dataset):
    indicator = IndicatorFactory(dataset=dataset, code="CPI", name="Prices", unit="%", decimals=1)
    imported(dataset, "indicator,period,area,value\nCPI,2024-11,NAT,2.5\nCPI,2024-12,NAT,2.25\n")
    words = text_of(render_chart(indicator, areas="NAT", period_from="2024-11", period_to="2024-12"))
    assert "November 2024 to December 2024" in words and "2.2" in words
    assert slices.period_label("2024-Q3") == "Q3 2024" and slices.period_label("2024-S2") == "H2 2024"


def test_only_one_frequency_is_charted(dataset, pop):
    imported(dataset, "indicator,period,area,value\nPOP,2023,NAT,1\nPOP,2024,NAT,2\nPOP,2024-Q1,NAT,3\n")
    found = IndicatorChartBlock().read(chart_value(pop, areas="NAT", period_from="", period_to=""))
    assert found.periods == ["2024-Q1"]  # the newest figure's frequency
    found = IndicatorChartBlock().read(chart_value(pop, areas="NAT", period_from="2023", period_to=""))
    assert found.periods == ["2023", "2024"]


def test_a_breakdown_slice(dataset, pop):
    imported(
        dataset,
        "indicator,period,area,sex,age,value\nPOP,2023,NAT,F,_T,5\nPOP,2024,NAT,F,_T,6\n"
        "POP,2023,NAT,M,_T,7\nPOP,2024,NAT,M,_T,8\n",
    )
    value = chart_value(pop, areas="NAT", breakdown="SEX=M; age=_T")
    cleaned = IndicatorChartBlock().clean(value)
    assert cleaned["breakdown"] == "age=_T;sex=M"
    assert IndicatorChartBlock().read(cleaned).chart_data().series_values(0) == (7.0, 8.0)


def test_unit_multipliers_are_said():
    class Unit:
        unit, unit_multiplier = "persons", 3

    assert slices.unit_label(Unit) == "thousand persons"
    Unit.unit_multiplier = 2
    assert slices.unit_label(Unit) == "x10^2 persons"


# Key figures


def test_a_key_figure_shows_the_latest_value_status_change_and_source(dataset, pop):
    imported(dataset)
    rendered = str(render_figure(pop))
    words = text_of(rendered)
    assert "1,030 persons" in words
    assert "Population, Country, 2024 (provisional)" in words
    assert "Up 10 persons (1.0%) on 2023" in words
    assert "Source: Population, version 1" in words and 'href="/en/data/population/"' in rendered


def test_a_key_figure_for_a_chosen_period_and_label(dataset, pop):
    imported(dataset)
    words = text_of(render_figure(pop, period="2022", label="People"))
    assert "1,011 persons" in words or "1,010 persons" in words
    assert "People, Country, 2022" in words and "Up 10" in words


def test_a_missing_key_figure_says_so_and_makes_no_comparison(dataset, pop):
    imported(dataset)
    words = text_of(render_figure(pop, area="R1", period="2022"))
    assert "not available" in words and "persons" not in words.split("Source")[0].split(",")[0]
    assert " Up " not in words and "Down" not in words
    words = text_of(render_figure(pop, area="R1", period="2024"))  # the previous one is confidential
    assert "420 persons" in words and "Up" not in words


def test_a_key_figure_for_a_period_not_published_says_so(dataset, pop):
    imported(dataset)
    assert "not published yet" in text_of(render_figure(pop, period="2025"))


def test_a_percentage_changes_in_points(dataset):
    rate = IndicatorFactory(dataset=dataset, code="RATE", name="Unemployment rate", unit="%", decimals=1)
    imported(dataset, "indicator,period,area,value\nRATE,2024-Q1,NAT,5.2\nRATE,2024-Q2,NAT,4.9\n")
    words = text_of(render_figure(rate))
    assert "4.9 %" in words and "Q2 2024" in words
    assert "Down 0.3 percentage points on Q1 2024" in words


# Validation


def errors_of(block, value):
    with pytest.raises(blocks.StructBlockValidationError) as excinfo:
        block.clean(value)
    return {name: " ".join(error.messages) for name, error in excinfo.value.block_errors.items()}


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"period_from": "2024-13"}, "period_from", "the month must be 01 to 12"),
        ({"period_to": "2024-Q5"}, "period_to", "the quarter must be Q1 to Q4"),
        ({"period_from": "24"}, "period_from", "is not a period"),
        ({"period_from": "2024", "period_to": "2021"}, "period_to", "ends (2021) before it starts (2024)"),
        ({"period_from": "2021", "period_to": "2024-Q1"}, "period_to", "same kind of period"),
        ({"areas": "NAT, ZZ, <script>"}, "areas", "Unknown area codes in Population: ZZ, <script>."),
        ({"areas": " , "}, "areas", "Give at least one area code"),
        ({"areas": "NAT R1 R2 M1 A B C D E"}, "areas", "at most 8 areas"),
        ({"areas": "NAT\x00"}, "areas", "Null characters are not allowed"),
        ({"areas": "N" * 401}, "areas", "at most 400 characters"),
        ({"breakdown": "colour=red"}, "breakdown", "has no breakdown 'colour' (its breakdowns: age, sex)"),
        ({"breakdown": "sex=X"}, "breakdown", "'X' is not a code of the breakdown 'sex'"),
        ({"breakdown": "sex"}, "breakdown", "is not a breakdown: write list=code pairs"),
        ({"breakdown": "sex=F;sex=M"}, "breakdown", "given twice"),
        ({"breakdown": "sex=<b>"}, "breakdown", "is not a breakdown"),
        ({"period_from": "1990", "period_to": "2024", "chart_type": "bar"}, "chart_type", "range has 35"),
        ({"period_from": "2024", "period_to": "2024"}, "chart_type", "at least two periods"),
    ],
)
def test_a_chart_refuses_bad_input_with_a_clear_message(dataset, pop, fields, field, message):
    errors = errors_of(IndicatorChartBlock(), chart_value(pop, **fields))
    assert message in errors[field], errors


def test_every_problem_is_reported_at_once(dataset, pop):
    value = chart_value(pop, areas="ZZ", period_from="2024-13", breakdown="x")
    errors = errors_of(IndicatorChartBlock(), value)
    assert set(errors) == {"areas", "period_from", "breakdown"}


def test_a_chart_needs_an_indicator(dataset):
    block = IndicatorChartBlock()
    value = block.to_python({"indicator": None, "areas": "NAT", "chart_type": "line"})
    assert "indicator" in errors_of(block, value)


def test_a_valid_chart_cleans_and_a_monthly_bar_chart_of_two_years_is_fine(dataset, pop):
    assert IndicatorChartBlock().clean(chart_value(pop))["areas"] == "NAT, R1"
    monthly = chart_value(pop, period_from="2023-01", period_to="2024-06", chart_type="bar")
    assert IndicatorChartBlock().clean(monthly)["chart_type"] == "bar"


def test_a_key_figure_refuses_bad_input(dataset, pop):
    block = IndicatorKeyFigureBlock()
    errors = errors_of(block, figure_value(pop, area="ZZ", period="2024-00", breakdown="age=99"))
    assert "Unknown area code in Population: ZZ." in errors["area"]
    assert "the month must be 01 to 12" in errors["period"]
    assert "'99' is not a code of the breakdown 'age'" in errors["breakdown"]
    assert block.clean(figure_value(pop, period="2024"))["area"] == "NAT"


def test_the_indicator_list_names_each_dataset(dataset, pop):
    other = DatasetFactory(slug="births", title="Births", area_code_list=dataset.area_code_list)
    IndicatorFactory(dataset=other, code="POP", name="Population")
    labels = [label for _, label in IndicatorChartBlock().child_blocks["indicator"].field.choices][1:]
    assert "Births: Population (POP)" in labels and "Population: Population (POP)" in labels


# Pages: a story, a standard page, and their queries


def story_with(home_page, body):
    index = StoryIndexPageFactory(parent=home_page) if not home_page.get_children().exists() else None
    return DataStoryPageFactory(parent=index or home_page.get_children().first().specific, body=body)


def chart_entry(indicator, **fields):
    return ("data_chart", chart_value(indicator, **fields))


def test_a_story_with_data_blocks_renders_beside_a_pasted_chart(client, home_page, dataset, pop):
    imported(dataset)
    story = story_with(home_page, [chart_block(), chart_entry(pop), ("data_key_figure", figure_value(pop))])
    response = client.get(story.url)
    words = text_of(response.content.decode())
    assert response.status_code == 200
    assert "Inflation, annual rate" in words  # the pasted chart still works
    assert "Population, Country, North, 2021 to 2024" in words and "1,030 persons" in words


def test_a_standard_page_shows_data_blocks(client, home_page, dataset, pop):
    imported(dataset)
    page = StandardPageFactory(parent=home_page, body=[("data_key_figure", figure_value(pop))])
    assert "1,030 persons" in text_of(client.get(page.url).content.decode())


def grow(dataset, years):
    """One published version with ``years`` annual figures for NAT and R1."""
    lines = ["indicator,period,area,value"]
    for year in range(2024 - years + 1, 2025):
        lines += [f"POP,{year},NAT,{year}", f"POP,{year},R1,{year - 1000}"]
    imported(dataset, "\n".join(lines) + "\n")


def page_queries(client, page):
    client.get(page.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page.url).status_code == 200
    return len(captured.captured_queries)


def test_queries_do_not_grow_with_the_figures_and_stay_few_per_block(client, home_page, dataset, pop):
    body = [chart_entry(pop, period_from="", period_to="", chart_type="table") for _ in range(3)]
    body.append(("data_key_figure", figure_value(pop)))
    story = story_with(home_page, body)
    one = story_with(home_page, body[:1])
    grow(dataset, 5)
    few, single = page_queries(client, story), page_queries(client, one)
    grow(dataset, 200)
    assert page_queries(client, story) == few
    # Each further block: its version, its observations and its latest correction notice; each
    # further kind of block: its indicators (all of them in one query).
    assert few - single == 3 * 3 + 1


# datasets_used


class StoryBlocks(blocks.StreamBlock):
    """A body as pages declare it: a pasted chart beside the data blocks."""

    chart = ChartBlock()
    data_chart = IndicatorChartBlock()
    data_key_figure = IndicatorKeyFigureBlock()


def test_datasets_used_lists_the_datasets_a_stream_quotes(dataset, pop, django_assert_num_queries):
    other = DatasetFactory(slug="births", title="Births", area_code_list=dataset.area_code_list)
    births = IndicatorFactory(dataset=other, code="B")
    stream = StoryBlocks().to_python(
        [
            {"type": "chart", "value": chart_block()[1]},
            {"type": "data_chart", "value": {"indicator": pop.pk, "areas": "NAT"}},
            {"type": "data_key_figure", "value": {"indicator": births.pk, "area": "NAT"}},
            {"type": "data_key_figure", "value": {"indicator": pop.pk, "area": "R1"}},
            {"type": "data_key_figure", "value": {"indicator": None, "area": "R1"}},
        ]
    )
    with django_assert_num_queries(1):
        assert datasets_used(stream) == {dataset.pk, other.pk}


def test_datasets_used_of_a_stream_without_data_blocks_is_empty(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert datasets_used(StoryBlocks().to_python([{"type": "chart", "value": chart_block()[1]}])) == set()
        assert datasets_used(StoryBlocks().to_python([])) == set()
        assert datasets_used(None) == set()


def test_datasets_used_reads_a_saved_page(home_page, dataset, pop):
    imported(dataset)
    story = story_with(home_page, [chart_entry(pop)])
    story.refresh_from_db()
    assert datasets_used(story.body) == {dataset.pk}


# Editing in the admin


def story_form(indicator, areas):
    block = {"indicator": indicator.pk, "areas": areas, **CHART_FIELDS}
    return nested_form_data(
        {
            "title": "Population story",
            "slug": "population-story",
            "format": "story",
            "standfirst": "More of us.",
            "literacy_level": "basic",
            "topics": "population",
            "source_name": "Population",
            "release_date": "2026-11-12",
            "body": streamfield([("data_chart", block)]),
            "corrections": inline_formset([]),
        }
    )


def test_an_editor_adds_a_data_chart_and_is_told_about_unknown_codes(superuser_client, home_page, pop):
    index = StoryIndexPageFactory(parent=home_page)
    url = f"/admin/pages/add/stories/datastorypage/{index.pk}/"
    assert "Population: Population (POP)" in superuser_client.get(url).content.decode()
    response = superuser_client.post(url, story_form(pop, "NAT, <script>"))
    assert response.status_code == 200
    assert "Unknown area code in Population: &lt;script&gt;." in response.content.decode()
    assert not DataStoryPage.objects.filter(slug="population-story").exists()
    assert superuser_client.post(url, story_form(pop, "NAT R1")).status_code == 302
    saved = DataStoryPage.objects.get(slug="population-story").get_latest_revision_as_object()
    assert saved.body[0].value["indicator"] == pop
    assert datasets_used(saved.body) == {pop.dataset_id}


def test_a_long_series_keeps_its_newest_periods_and_says_so(dataset, pop, monkeypatch):
    monkeypatch.setattr(slices, "MAX_ROWS", 2)
    imported(dataset)
    rendered = str(render_chart(pop, areas="NAT", chart_type="table"))
    assert '<th scope="row">2023</th>' in rendered and '<th scope="row">2024</th>' in rendered
    assert '<th scope="row">2022</th>' not in rendered
    assert "Only the latest 2 periods are shown." in text_of(rendered)
