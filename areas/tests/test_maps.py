"""The choropleth map: its SVG (well-formed, every area a focusable link with name and value),
classes and legend, "not available" never shown as a class, embargoed figures never drawn, the
page's form and its bad input, the PNG, caching per data version, and constant query counts."""

import io
import re
from datetime import timedelta
from decimal import Decimal

import defusedxml.ElementTree as SafeET
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from areas.maps import PALETTE, area_map_svg, build_map, quantile_classes
from datasets.tests.factories import DatasetVersionFactory, ObservationFactory

from .factories import grow_map, level, mapped_indicator

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def map_url(indicator, kind="map/", **more):
    query = "&".join(f"{key}={value}" for key, value in more.items())
    return f"/en/areas/{kind}?indicator={indicator.dataset.slug}/{indicator.code}&level=municipality&{query}"


def test_quantile_classes():
    assert quantile_classes(list(range(1, 11))) == [2, 4, 6, 8, 10]
    assert quantile_classes([5, 5, 5, 5]) == [5]
    assert quantile_classes([1, 1, 1, 9]) == [1, 9]
    assert quantile_classes([3]) == [3]


def test_the_svg_is_well_formed_and_every_area_is_a_focusable_link_with_name_and_value():
    indicator = mapped_indicator(10)
    svg = area_map_svg(indicator, "municipality", "2024")
    root = SafeET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "group"
    assert root.find(f"{SVG}title").text == "Residents, 2024, by municipality"
    links = root.iter(f"{SVG}a")
    found = {}
    for link in links:
        assert link.get("tabindex") == "0"
        assert link[0].tag == f"{SVG}title" and link[0].text == link.get("aria-label")
        found[link.get("href")] = link.get("aria-label")
    assert len(found) == 10
    assert found["/en/areas/A0/"] == "Area 0: 1"
    assert found["/en/areas/A9/"] == "Area 9: 10"
    assert found["/en/areas/A1/"] == "Area 1: not available"


def test_a_missing_figure_is_hatched_with_its_own_legend_entry_never_a_class():
    indicator = mapped_indicator(10)
    area_map = build_map(indicator, level("municipality"), "2024")
    missing = next(area for area in area_map.areas if area.code == "A1")
    assert (missing.value, missing.colour_class, missing.text) == (None, None, "not available")
    assert area_map.missing == 1
    assert sum(legend.count for legend in area_map.classes) == 9
    svg = area_map_svg(indicator, "municipality", "2024")
    path = re.search(r'aria-label="Area 1: not available".*?<path [^>]*fill="([^"]+)"', svg).group(1)
    assert path == f"url(#map-{indicator.pk}-municipality-missing)"
    assert "<pattern" in svg


def test_classes_use_the_palette_from_light_to_dark():
    indicator = mapped_indicator(10, missing=())
    area_map = build_map(indicator, level("municipality"), "2024")
    assert [legend.colour for legend in area_map.classes] == list(PALETTE)
    assert [(legend.text, legend.count) for legend in area_map.classes][:2] == [
        ("1 to 2", 2),
        ("over 2 to 4", 2),
    ]
    by_code = {area.code: area.colour_class for area in area_map.areas}
    assert (by_code["A0"], by_code["A9"]) == (0, 4)


def test_names_with_markup_are_escaped():
    indicator = mapped_indicator(2)
    from datasets.models import Code

    Code.objects.filter(code="A0").update(label='<script>alert("x")</script>')
    svg = area_map_svg(indicator, "municipality", "2024")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    SafeET.fromstring(svg)


def test_embargoed_figures_are_never_drawn():
    indicator = mapped_indicator(5, published=False, missing=())
    client_page = build_map(indicator, level("municipality"), "2024")
    assert not client_page.has_figures and client_page.version is None
    assert "Area 2: 3" not in area_map_svg(indicator, "municipality", "2024")


def test_a_newer_embargoed_version_leaves_the_public_one_on_the_map(client):
    indicator = mapped_indicator(3, missing=())
    embargoed = DatasetVersionFactory(
        dataset=indicator.dataset, published_at=timezone.now() + timedelta(days=1)
    )
    for observation in indicator.observations.all():
        ObservationFactory(
            version=embargoed, indicator=indicator, area=observation.area, period="2024", value=Decimal(999)
        )
    for url in (map_url(indicator), map_url(indicator, "map.svg")):
        body = client.get(url).content.decode()
        assert "999" not in body and "Area 2: 3" in body


def test_the_map_is_cached_per_data_version():
    indicator = mapped_indicator(3, missing=())
    first = build_map(indicator, level("municipality"), "2024")
    newer = DatasetVersionFactory(
        dataset=indicator.dataset, published_at=timezone.now() - timedelta(minutes=1)
    )
    for observation in indicator.observations.all():
        ObservationFactory(version=newer, indicator=indicator, area=observation.area, period="2024", value=7)
    second = build_map(indicator, level("municipality"), "2024")
    assert first.cache_key != second.cache_key
    assert {area.text for area in second.areas} == {"7"}


def test_within_an_area_and_a_highlighted_area():
    indicator = mapped_indicator(4)
    from datasets.models import Code

    region = Code.objects.create(code_list=indicator.dataset.area_code_list, code="REG", label="Region")
    Code.objects.filter(code__in=["A2", "A3"]).update(parent=region)
    svg = area_map_svg(indicator, "municipality", "2024", within="REG", highlight="A3")
    assert svg.count("<a ") == 2 and "Area 3" in svg and "Area 0" not in svg
    assert 'stroke="#000"' in svg
    assert area_map_svg(indicator, "galaxy", "2024") == ""
    assert area_map_svg(indicator, "region") == ""  # no regions with boundaries


def test_the_map_page_shows_the_map_legend_table_and_downloads(client):
    indicator = mapped_indicator(10)
    response = client.get(map_url(indicator))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="area-map__area"') == 10
    assert "Not available" in html and "(1 area)" in html
    assert '<th scope="row"><a href="/en/areas/A9/">Area 9</a></th><td>10</td>' in html
    assert "/en/areas/map.png?" in html and "/en/areas/map.svg?" in html


def test_the_map_page_without_choices_shows_the_most_mapped_indicator_at_the_lowest_level(client):
    mapped_indicator(3)
    national = mapped_indicator(0)
    national.dataset.title = "Aardvarks"  # first in the list, but with figures for no area
    national.dataset.save()
    response = client.get("/en/areas/map/")
    assert response.status_code == 200
    assert "Residents, 2024, by municipality" in response.content.decode()


def test_the_map_page_with_nothing_to_map(client):
    response = client.get("/en/areas/map/")
    assert response.status_code == 200
    assert "No map yet" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"indicator": "nope/NOPE"}, "Select a valid choice"),
        ({"level": "galaxy"}, "Select a valid choice"),
        ({"period": "1999"}, "has no figures for &#x27;1999&#x27;. The latest periods: 2024."),
        ({"period": "<script>x"}, "has no figures for &#x27;&lt;script&gt;x&#x27;"),
        ({"within": "NOPE"}, "There is no such area to look within"),
        ({"period": "2024" * 10}, "at most 10 characters"),
    ],
)
def test_bad_choices_get_a_clear_message_never_a_server_error(client, query, message):
    indicator = mapped_indicator(3)
    params = {"indicator": f"{indicator.dataset.slug}/{indicator.code}", "level": "municipality", **query}
    response = client.get("/en/areas/map/", params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and message in html
    assert 'class="area-map__area"' not in html
    for kind in ("map.svg", "map.png"):
        assert client.get(f"/en/areas/{kind}", params).status_code == 404


def test_nul_bytes_are_refused(client):
    indicator = mapped_indicator(2)
    for kind in ("map/", "map.svg", "map.png"):
        assert client.get(map_url(indicator, kind, within="%00")).status_code == 400


def test_an_indicator_without_figures_at_that_level_says_so(client):
    indicator = mapped_indicator(3)
    from areas.tests.factories import AreaBoundaryFactory
    from datasets.tests.factories import CodeFactory

    AreaBoundaryFactory(
        code=CodeFactory(code_list=indicator.dataset.area_code_list, code="RR"), level=level("region")
    )
    response = client.get(
        "/en/areas/map/", {"indicator": f"{indicator.dataset.slug}/{indicator.code}", "level": "region"}
    )
    assert response.status_code == 200
    assert "has no figures for regions in 2024" in response.content.decode()


def test_the_svg_file_and_png(client):
    indicator = mapped_indicator(10)
    svg = client.get(map_url(indicator, "map.svg"))
    assert svg["Content-Type"].startswith("image/svg+xml")
    SafeET.fromstring(svg.content)
    png = client.get(map_url(indicator, "map.png"))
    assert png["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(png.content))
    assert image.format == "PNG" and image.width == 1200
    colours = {colour for _, colour in image.getcolors(1_000_000)}
    assert {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in PALETTE} <= colours


def test_only_get(client):
    indicator = mapped_indicator(2)
    assert client.post(map_url(indicator)).status_code == 405


def test_maps_are_rate_limited_per_address(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "area_map": "2/m/ip"}
    indicator = mapped_indicator(2)
    assert client.get(map_url(indicator)).status_code == 200
    assert client.get(map_url(indicator, "map.png")).status_code == 200
    refused = client.get(map_url(indicator, "map.svg"))
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 60


def cold_queries(client, url):
    from django.core.cache import cache

    client.get(url)  # per-process caches (content types, site)
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_query_counts_are_the_same_for_10_and_400_areas(client):
    indicator = mapped_indicator(10)
    urls = [map_url(indicator), map_url(indicator, "map.svg"), map_url(indicator, "map.png")]
    few = [cold_queries(client, url) for url in urls]
    grow_map(indicator, indicator.dataset.versions.get(), 400, start=10)
    many = [cold_queries(client, url) for url in urls]
    assert few == many, (few, many)
    # Every cache empty: the map's own reads are 10; the rest are what every page reads once into
    # the cache (settings, the survey invitation, the footer's sign-up, the home page in each
    # language for the menu).
    assert max(many) <= 18


def test_a_map_of_400_areas_is_under_300_kb():
    """Demo-like outlines (Voronoi cells) for 400 areas, imported through the real import."""
    from areas.boundaries import import_boundaries
    from datasets.tests.factories import AreaListFactory

    from .factories import geojson, voronoi_features

    area_list = AreaListFactory()
    import_boundaries(geojson(voronoi_features(400)), area_list)
    indicator = mapped_indicator(0)
    indicator.dataset.area_code_list = area_list
    indicator.dataset.save()
    svg = area_map_svg(indicator, "municipality", "2024")
    assert svg.count("<a ") == 400
    assert len(svg.encode()) < 300 * 1024


def test_the_map_page_is_valid_html(client):
    from tests.html_validator import validate

    indicator = mapped_indicator(5)
    pages = {url: client.get(url).content for url in (map_url(indicator), map_url(indicator, period="1999"))}
    assert validate(pages) == []


def test_the_map_embed_may_be_framed_and_shows_the_map_legend_and_a_link_back(client):
    indicator = mapped_indicator(5)
    response = client.get(map_url(indicator, "map/embed/"))
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert html.count('class="area-map__area"') == 5
    assert "Legend" in html and "Not available" in html
    map_address = f"http://testserver/en/areas/map/?indicator={indicator.dataset.slug}%2F{indicator.code}"
    assert f'href="{map_address}' in html
    assert 'target="_blank"' in html


def test_the_map_page_offers_the_embed_code_and_stays_unframable(client):
    indicator = mapped_indicator(5)
    response = client.get(map_url(indicator))
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert 'id="map-embed-code"' in html
    assert '&lt;iframe src="http://testserver/en/areas/map/embed/?indicator=' in html


@pytest.mark.parametrize(
    "query", ["indicator=nope/NOPE&level=municipality", "level=galaxy", "indicator=x&period=<script>"]
)
def test_a_map_embed_of_nothing_is_a_404(client, query):
    mapped_indicator(3)
    assert client.get(f"/en/areas/map/embed/?{query}").status_code == 404


def test_an_embargoed_map_embeds_no_figure(client):
    indicator = mapped_indicator(5, published=False, missing=())
    body = client.get(map_url(indicator, "map/embed/")).content.decode()
    assert "Area 2: 3" not in body
