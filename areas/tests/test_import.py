"""The area hierarchy's import: GeoJSON and TopoJSON, every check naming the feature, nothing
written unless the whole file is valid, simplification per level, the command and the demo."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from areas.boundaries import import_boundaries
from areas.demo import demo_features
from areas.geometry import BoundariesInvalid, svg_path
from areas.models import AreaBoundary
from datasets.models import Code
from datasets.tests.factories import AreaListFactory, CodeFactory

from .factories import feature, geojson, hierarchy, square

pytestmark = pytest.mark.django_db


@pytest.fixture
def area_list():
    return AreaListFactory()


def problems_of(data, area_list):
    with pytest.raises(BoundariesInvalid) as refused:
        import_boundaries(data, area_list)
    assert not Code.objects.filter(code_list=area_list).exists(), "nothing is written"
    assert not AreaBoundary.objects.exists()
    return refused.value.problems


def test_a_geojson_file_makes_codes_parents_and_boundaries(area_list):
    summary = import_boundaries(geojson(hierarchy(towns=3)), area_list)
    assert (summary.created, summary.updated) == (5, 0)
    assert summary.per_level == {"countries": 1, "regions": 1, "municipalities": 3}
    town = Code.objects.get(code_list=area_list, code="XM2")
    assert (town.label, town.parent.code, town.parent.parent.code) == ("Town 2", "XR", "X")
    boundary = town.boundary
    assert boundary.level.slug == "municipality"
    assert boundary.path.startswith("M") and boundary.path.endswith("z")
    assert boundary.min_x < boundary.max_x and boundary.min_y < boundary.max_y
    assert boundary.max_y <= -6600  # north is up: y grows southwards


def test_importing_again_updates_names_and_outlines_in_place(area_list):
    import_boundaries(geojson(hierarchy()), area_list)
    features = hierarchy()
    features[2]["properties"]["name"] = "Renamed"
    features[2]["geometry"] = square(10, 61, 0.1)
    summary = import_boundaries(geojson(features), area_list)
    assert (summary.created, summary.updated) == (0, 4)
    town = Code.objects.get(code_list=area_list, code="XM1")
    assert town.label == "Renamed"
    assert town.boundary.max_y < -6700
    assert Code.objects.filter(code_list=area_list).count() == 4


def test_a_parent_may_already_be_in_the_code_list(area_list):
    import_boundaries(geojson(hierarchy()[:2]), area_list)
    import_boundaries(geojson([feature("XM9", "Nine", "municipality", "XR")]), area_list)
    assert Code.objects.get(code="XM9").parent.code == "XR"


def test_a_dry_run_writes_nothing(area_list):
    summary = import_boundaries(geojson(hierarchy()), area_list, dry_run=True)
    assert summary.created == 4
    assert not Code.objects.exists() and not AreaBoundary.objects.exists()


def test_topojson_with_quantized_shared_arcs(area_list):
    """Two squares sharing an edge, as a quantized, delta-encoded TopoJSON topology."""
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.1, 0.1], "translate": [10, 60]},
        "arcs": [
            [[1, 0], [0, 1]],  # the shared edge, (11, 60) → (11, 61)
            [[1, 1], [-1, 0], [0, -1], [1, 0]],  # west square's other sides
            [[1, 0], [1, 0], [0, 1], [-1, 0]],  # east square's other sides
        ],
        "objects": {
            "areas": {
                "type": "GeometryCollection",
                "geometries": [
                    {
                        "type": "Polygon",
                        "arcs": [[0, 1]],
                        "properties": {"code": "T", "name": "Top", "level": "country"},
                    },
                    {
                        "type": "Polygon",
                        "arcs": [[2, ~0]],
                        "properties": {"code": "TE", "name": "East", "level": "region", "parent": "T"},
                    },
                ],
            }
        },
    }
    summary = import_boundaries(json.dumps(topology).encode(), area_list)
    assert summary.created == 2
    west, east = AreaBoundary.objects.get(code__code="T"), AreaBoundary.objects.get(code__code="TE")
    assert west.max_x == pytest.approx(east.min_x, abs=0.01)  # they meet at longitude 11
    assert east.max_x - east.min_x == pytest.approx(0.1 * 111.19 * 0.5, rel=0.01)  # cos 60° = 0.5


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"{not json", "not valid JSON (line 1, column 2)"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[]", "neither a GeoJSON"),
        (b'{"type": "Feature"}', "neither a GeoJSON"),
        (b'{"type": "FeatureCollection", "features": {}}', "not a list"),
        (b'{"type": "FeatureCollection", "features": []}', "no features"),
        (
            b'{"type": "Topology", "objects": {"a": {"type": "Polygon", "arcs": [[7]]}}, "arcs": []}',
            "malformed",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
    ],
)
def test_a_file_that_is_not_boundaries_is_refused(area_list, data, expected):
    problems = problems_of(data, area_list)
    assert len(problems) == 1 and expected in problems[0], problems


def test_a_huge_file_is_refused_before_it_is_read(area_list, monkeypatch):
    monkeypatch.setattr("areas.geometry.MAX_FILE_BYTES", 100)
    assert problems_of(geojson(hierarchy()), area_list) == ["The file is over 0 MB."]


def test_too_many_features(area_list, monkeypatch):
    monkeypatch.setattr("areas.geometry.MAX_FEATURES", 3)
    assert "at most 3" in problems_of(geojson(hierarchy()), area_list)[0]


BOWTIE = {"type": "Polygon", "coordinates": [[[10, 60], [10.1, 60.1], [10.1, 60], [10, 60.1], [10, 60]]]}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"geometry": BOWTIE}, "Feature 3 (XM1): the geometry is invalid: Self-intersection"),
        (
            {"geometry": {"type": "Point", "coordinates": [10, 60]}},
            "Feature 3 (XM1): the geometry is a Point",
        ),
        ({"geometry": None}, "Feature 3 (XM1): the geometry is missing"),
        (
            {"geometry": {"type": "Polygon", "coordinates": [[[10]]]}},
            "Feature 3 (XM1): the geometry's coordinates",
        ),
        ({"geometry": {"type": "Polygon", "coordinates": []}}, "Feature 3 (XM1): the geometry is empty"),
        ({"geometry": square(500000, 60)}, "Feature 3 (XM1): the coordinates are not longitudes"),
        (
            {"properties": {"name": "A", "level": "municipality", "parent": "XR"}},
            'Feature 3: the property "code"',
        ),
        (
            {"properties": {"code": "XM1", "level": "municipality", "parent": "XR"}},
            'Feature 3 (XM1): the property "name"',
        ),
        (
            {"properties": {"code": "XM1", "name": "A", "parent": "XR"}},
            'Feature 3 (XM1): the property "level"',
        ),
        (
            {"properties": {"code": "XM1", "name": "A", "level": "municipality"}},
            'Feature 3 (XM1): the property "parent"',
        ),
        ({"properties": None}, "Feature 3: it has no properties"),
        (
            {"properties": {"code": "<script>", "name": "A", "level": "municipality", "parent": "XR"}},
            "is not 1 to 50",
        ),
        (
            {"properties": {"code": "X" * 51, "name": "A", "level": "municipality", "parent": "XR"}},
            "is not 1 to 50",
        ),
        (
            {"properties": {"code": "XM1", "name": "A\x00", "level": "municipality", "parent": "XR"}},
            "control characters",
        ),
        (
            {"properties": {"code": "XM1", "name": "A" * 201, "level": "municipality", "parent": "XR"}},
            "over 200",
        ),
        (
            {"properties": {"code": "XM1", "name": ["A"], "level": "municipality", "parent": "XR"}},
            "is not text",
        ),
        (
            {"properties": {"code": "XM1", "name": "A", "level": "galaxy", "parent": "XR"}},
            "the level 'galaxy' is not one of",
        ),
        (
            {"properties": {"code": "XM1", "name": "A", "level": "municipality", "parent": "NOPE"}},
            "the parent 'NOPE' is unknown",
        ),
        (
            {"properties": {"code": "XM1", "name": "A", "level": "municipality", "parent": "XM1"}},
            "its own parent",
        ),
        (
            {"properties": {"code": "XM1", "name": "A", "level": "municipality", "parent": "XM2"}},
            "not on a level above",
        ),
        (
            {"properties": {"code": "XM2", "name": "A", "level": "municipality", "parent": "XR"}},
            "Feature 4 (XM2): the code is also used by feature 3",
        ),
    ],
)
def test_every_problem_names_the_feature_and_nothing_is_written(area_list, change, expected):
    features = hierarchy()
    features[2].update(change)
    problems = problems_of(geojson(features), area_list)
    assert any(expected in problem for problem in problems), problems


def test_problems_are_all_reported_up_to_a_limit(area_list):
    features = [feature(f"B{n}", "Bad", "municipality", "NOPE") for n in range(60)]
    problems = problems_of(geojson(features), area_list)
    assert len(problems) == 51 and problems[-1] == "… and 10 more problems."


def test_html_in_names_is_kept_as_text(area_list):
    features = hierarchy()
    features[2]["properties"]["name"] = "<img src=x onerror=alert(1)>"
    import_boundaries(geojson(features), area_list)
    assert Code.objects.get(code="XM1").label == "<img src=x onerror=alert(1)>"  # escaped where shown


def test_a_level_is_simplified_as_a_coverage_without_gaps():
    """Neighbours simplified together keep their shared edge: their union has no holes."""
    from shapely.geometry import shape

    from areas.geometry import project, simplify

    features = demo_features({code: (code, "") for code in ["NAT", "R1", "R2", "R3", "R4"]} | _towns())
    towns = [project(shape(f["geometry"])) for f in features if f["properties"]["level"] == "municipality"]
    simplified = simplify(towns, 2.0)
    before = sum(len(t.exterior.coords) for t in towns)
    assert sum(len(t.exterior.coords) for t in simplified) < before
    import shapely

    assert shapely.coverage_is_valid(simplified)


def _towns():
    return {f"M{r}{t:02d}": (f"Town {r}{t}", f"R{r}") for r in range(1, 5) for t in range(1, 11)}


def test_the_demo_boundaries_are_valid_and_deterministic():
    names = {"NAT": ("Norland", "")} | {f"R{r}": (f"Region {r}", "NAT") for r in range(1, 5)} | _towns()
    first, second = demo_features(names), demo_features(names)
    assert first == second
    assert len(first) == 45
    from shapely.geometry import shape

    assert all(shape(f["geometry"]).is_valid for f in first)
    region = shape(next(f for f in first if f["properties"]["code"] == "R1")["geometry"])
    town = shape(next(f for f in first if f["properties"]["code"] == "M101")["geometry"])
    assert region.contains(town.representative_point())


def test_svg_paths_are_relative_and_short():
    from shapely.geometry import box

    assert svg_path(box(0, 0, 1.5, 2)) == "M1.5 0l0 2 -1.5 0 0 -2z"


def test_the_command_imports_and_reports(area_list, tmp_path):
    path = tmp_path / "areas.geojson"
    path.write_bytes(geojson(hierarchy()))
    out = StringIO()
    call_command("import_areas", str(path), "--code-list", area_list.slug, stdout=out)
    assert "4 areas (1 countries, 1 regions, 2 municipalities): 4 new, 0 updated." in out.getvalue()
    assert AreaBoundary.objects.count() == 4


def test_the_command_dry_run_and_its_errors(area_list, tmp_path):
    path = tmp_path / "areas.geojson"
    path.write_bytes(geojson(hierarchy()))
    out = StringIO()
    call_command("import_areas", str(path), "--code-list", area_list.slug, "--dry-run", stdout=out)
    assert out.getvalue().startswith("Checked (nothing written)") and not AreaBoundary.objects.exists()
    with pytest.raises(CommandError, match="No area code list 'nope'"):
        call_command("import_areas", str(path), "--code-list", "nope")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_areas", str(tmp_path / "missing.json"), "--code-list", area_list.slug)
    path.write_bytes(b"{")
    with pytest.raises(CommandError, match="Nothing was imported:\n- The file is not valid JSON"):
        call_command("import_areas", str(path), "--code-list", area_list.slug)


def test_the_code_list_must_be_an_area_list(tmp_path):
    breakdown = CodeFactory().code_list
    breakdown.kind = "breakdown"
    breakdown.save()
    path = tmp_path / "areas.geojson"
    path.write_bytes(geojson(hierarchy()))
    with pytest.raises(CommandError, match="No area code list"):
        call_command("import_areas", str(path), "--code-list", breakdown.slug)
