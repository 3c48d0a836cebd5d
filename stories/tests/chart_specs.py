"""Two charts the chart tests draw: a line of two series with a gap, and bars with a thousands separator."""

from portal.core.charts import ChartSpec, parse_chart_csv


def line_spec(**overrides):
    data = parse_chart_csv(
        "Year,Men,Women\n2021,4.5,4.1\n2022,3.9,3.6\n2023,4.1,3.8\n2024,4.4,\n2025,4.6,4.0"
    )
    fields = {
        "chart_type": "line",
        "title": "Unemployment rate, 2021 to 2025",
        "data": data,
        "y_label": "Unemployment rate",
        "unit": "%",
        "source": "Labour Force Survey",
        "summary": "Unemployment fell in 2022 and has risen since, for men and for women.",
    }
    return ChartSpec(**(fields | overrides))


def bar_spec(**overrides):
    data = parse_chart_csv('Region,Median pay\nNorth,615\nLondon,"1,012"\nWales,618\nScotland,668')
    fields = {
        "chart_type": "bar",
        "title": "Median weekly pay by region",
        "data": data,
        "y_label": "Median weekly pay",
        "unit": "£",
        "source": "ASHE",
        "summary": "Pay is highest in London.",
    }
    return ChartSpec(**(fields | overrides))
