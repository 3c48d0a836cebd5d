import csv
import io

import pytest
from django.core.cache import cache
from django.utils import timezone
from openpyxl import load_workbook

from areas.tests.pages import main_text
from areas.tests.world import grow_world, make_world, observe, published_version
from datasets.models import Observation
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def test_municipality_page_headline_rank_parent_and_country(client, world):
    # Towns 1-3 are in Region 1 (1000, 2000, 3000 people in 2024; +10 in 2025).
    response = client.get("/en/areas/M102/")
    assert response.status_code == 200
    page = main_text(response)
    assert "<h1>Town 102</h1>" in page
    assert "Municipality in Region 1" in page
    assert "<strong>2,010</strong> persons" in page
    assert "2nd of 3 municipalities in Region 1 (highest first)" in page
    assert "<dt>Region 1</dt><dd><strong>6,030</strong> persons</dd>" in page
    assert "<dt>Norland</dt><dd><strong>21,060</strong> persons</dd>" in page
    # The rate is published for regions only: said, not shown as 0.
    assert "Not published for municipality level: Unemployment rate." in page


def test_breadcrumbs_country_region_municipality(client, world):
    page = main_text(client.get("/en/areas/M101/"))
    assert (
        '<li><a href="/en/areas/NAT/">Norland</a></li><li><a href="/en/areas/R1/">Region 1</a></li> '
        '<li><a href="/en/areas/M101/" aria-current="page">Town 101</a></li>'
    ) in page


def test_region_page_lists_its_municipalities_and_the_rate_chart_has_three_lines(client, world):
    page = main_text(client.get("/en/areas/R2/"))
    assert page.count("1st of 2 regions in Norland") == 2  # population and the rate
    for town in ("Town 201", "Town 202", "Town 203"):
        assert f'<a href="/en/areas/M{town[-3:]}/">{town}</a>' in page


def test_national_page_has_no_rank_and_no_parent(client, world):
    response = client.get("/en/areas/NAT/")
    page = main_text(response)
    assert response.status_code == 200
    assert " of " not in page.split("Latest figures")[1].split("Similar areas")[0].split("Source")[0]
    assert "Region 1" in page and "Region 2" in page


def test_missing_and_confidential_figures_say_so_never_zero(client, world):
    version = world.versions[world.population.dataset_id]
    Observation.objects.filter(version=version, area=world.municipalities[0], period="2025").update(
        value=None, status=Observation.MISSING
    )
    page = main_text(client.get("/en/areas/M101/"))
    assert "not available (not collected or not published for this period)" in page
    assert "<strong>0</strong>" not in page
    Observation.objects.filter(version=version, area=world.municipalities[0], period="2025").update(
        status=Observation.CONFIDENTIAL
    )
    # A published version's figures never change (a correction is a new version): the page
    # rendered from them is kept until then, so this test, which rewrites them, forgets it.
    cache.clear()
    assert "confidential" in main_text(client.get("/en/areas/M101/"))


def test_embargoed_version_never_shows(client, world):
    dataset = world.population.dataset
    future = published_version(dataset, days_ago=-3)
    Observation.objects.bulk_create(
        [observe(future, world.population, world.municipalities[0], "2026", 999999, "sex=_T")]
    )
    page = main_text(client.get("/en/areas/M101/"))
    assert "999,999" not in page and '<p class="area-figure__period">2026' not in page
    assert future.published_at > timezone.now()


def test_similar_areas_are_the_nearest_at_the_same_level(client, world):
    page = main_text(client.get("/en/areas/M103/"))
    section = page.split('id="similar-heading"')[1].split("</ol>")[0]
    names = [part.split("<")[0] for part in section.split('">')[1:] if part.startswith("Town")]
    # Town n has 1000 n people (M103 is n = 3): n = 2 and 4 at 1, n = 1 and 5 at 2, n = 6 at 3.
    assert names == ["Town 102", "Town 201", "Town 101", "Town 202", "Town 203"]
    assert "Region" not in section


@pytest.mark.parametrize(
    "path",
    [
        "/en/areas/NOPE/",
        "/en/areas/%3Cscript%3E/",
        "/en/areas/M1%2001/",
        "/en/areas/" + "x" * 300 + "/",
        "/en/areas/%E2%80%AE/",
    ],
)
def test_unknown_or_odd_codes_are_404_with_suggestions(client, world, path):
    response = client.get(path)
    assert response.status_code == 404
    page = main_text(response)
    assert "Area not found" in page and "<script>" not in page
    assert "Town 101" in page  # the list of every area


def test_a_nul_byte_in_the_address_is_refused_not_a_500(client, world):
    assert client.get("/en/areas/%00/").status_code in (400, 404)


def test_404_suggests_close_codes_and_names(client, world):
    page = main_text(client.get("/en/areas/M10/"))
    assert "Did you mean" in page and "/en/areas/M101/" in page.split("Did you mean")[1].split("All areas")[0]


def test_csv_download_has_every_figure_and_breakdown(client, world):
    response = client.get("/en/areas/M101/data.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="area-M101.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 4  # two periods, total and women
    assert {row["breakdown"] for row in rows} == {"sex=_T", "sex=F"}
    assert rows[0]["dataset"] == "people" and rows[0]["area name"] == "Town 101"


def test_downloads_are_formula_safe(client, world):
    world.municipalities[0].__class__.objects.filter(pk=world.municipalities[0].pk).update(
        label="=HYPERLINK(1)"
    )
    rows = list(csv.DictReader(io.StringIO(client.get("/en/areas/M101/data.csv").content.decode())))
    assert rows[0]["area name"] == "'=HYPERLINK(1)"
    book = load_workbook(io.BytesIO(b"".join(client.get("/en/areas/M101/data.xlsx").streaming_content)))
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    found = [
        dict(zip(header, [cell.value for cell in row], strict=True)) for row in sheet.iter_rows(min_row=2)
    ]
    first = next(row for row in found if row["breakdown"] == "sex=_T")
    assert first["area name"] == "'=HYPERLINK(1)"
    assert first["value"] == 1000 and first["period"] == "2024"


def test_unknown_download_format_is_404(client, world):
    assert client.get("/en/areas/M101/data.exe").status_code == 404
    assert client.get("/en/areas/NOPE/data.csv").status_code == 404


def test_embed_may_be_framed_and_has_the_headlines(client, world):
    response = client.get("/en/areas/M101/embed/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "Resident population" in main_text(response)
    page = main_text(client.get("/en/areas/M101/"))
    assert "&lt;iframe src=&quot;http://testserver/en/areas/M101/embed/&quot;" in page or (
        '&lt;iframe src="http://testserver/en/areas/M101/embed/"' in page
    )


def test_pages_mentioning_the_area_are_linked(client, world, home_page):
    from home.tests.factories import StandardPageFactory

    StandardPageFactory(parent=home_page, title="Life in Town 101", intro="A day in Town 101.")
    StandardPageFactory(parent=home_page, title="Elsewhere", intro="Nothing here.")
    page = main_text(client.get("/en/areas/M101/"))
    assert "Life in Town 101" in page and "Elsewhere" not in page


def test_queries_do_not_grow_with_indicators_or_areas(client, home_page):
    """Few: 2 regions of 3 towns, 2 indicators. Many: 2,006 towns, 102 indicators."""
    world = make_world()
    paths = ("/en/areas/M101/", "/en/areas/R1/", "/en/areas/NAT/")
    few = {path: queries_for(client, path) for path in paths}
    assert all(count <= 15 for count in few.values()), few
    grow_world(world, towns=1000, indicators=100)
    many = {path: queries_for(client, path) for path in paths}
    assert many == few
