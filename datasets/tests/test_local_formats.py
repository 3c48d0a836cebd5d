"""Figures in each language's number format: key figures, chart tables and period names change
with the language; the chart's data (its CSV link) does not."""

import html
import re

import pytest
from django.utils.translation import override

from datasets.tests.factories import IndicatorFactory
from datasets.tests.test_blocks import imported, render_chart, render_figure, text_of

NBSP, NNBSP = "\xa0", "\u202f"


@pytest.fixture
def pop(dataset):
    return dataset.indicators.get(code="POP")


def test_a_key_figure_in_french_and_arabic(dataset, pop):
    imported(dataset)
    with override("fr"):
        rendered = html.unescape(str(render_figure(pop)))
    assert f"1{NBSP}030" in rendered and f"(1,0{NNBSP}%)" in rendered
    with override("ar"):
        words = text_of(render_figure(pop))
    assert "1030" in words and "(1,0%)" in words
    words = text_of(render_figure(pop))
    assert "1,030" in words and "(1.0%)" in words


def test_quarters_are_named_in_the_language(dataset):
    rate = IndicatorFactory(dataset=dataset, code="RATE", name="Unemployment rate", unit="%", decimals=1)
    imported(dataset, "indicator,period,area,value\nRATE,2024-Q1,NAT,5.2\nRATE,2024-Q2,NAT,4.9\n")
    with override("fr"):
        words = text_of(render_figure(rate))
    assert "4,9" in words and "T2 2024" in words and "T1 2024" in words and "0,3" in words
    assert "4.9" not in words


def test_a_chart_table_follows_the_language_but_its_data_link_does_not(dataset, pop):
    imported(dataset)
    english = str(render_chart(pop))
    with override("fr"):
        french = str(render_chart(pop))
    assert f"1{NBSP}030" in french and "1,030" in english

    def data_link(rendered):
        return re.search(r'href="(data:text/csv[^"]*)"', rendered)[1]

    assert data_link(french) == data_link(english)
    assert "1030" in data_link(english)
