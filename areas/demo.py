"""Plausible made-up boundaries for the demo country Norland (``datasets.demo``): a wobbly
country outline, its 40 municipalities a Voronoi tessellation of seeded points clipped to it
(each region's ten points in its own quarter: Northmark north, Eastvale east, Southshore south,
Westfjord west), and each region the union of its municipalities. Deterministic (seeded), and
loaded through the real import, so the demo is checked like an editor's file."""

import json
import math
import random

import shapely
from shapely.geometry import MultiPoint, Point, Polygon, mapping

from datasets.area_codes import area_code_list, area_hierarchy

from .boundaries import import_boundaries
from .models import AreaBoundary

SEED = 20261206
CENTRE = (12.0, 61.0)  # longitude, latitude
RADIUS = (4.2, 2.3)  # degrees: about 230 by 250 km at this latitude
AREA_LIST = "norland-areas"
# Each region's direction from the centre (degrees, counter-clockwise from east) and its towns'
# codes (as datasets.demo makes them: M<region><two digits>).
REGION_ANGLES = {"R1": 90, "R2": 0, "R3": 270, "R4": 180}


def outline(rng):
    """The country: a closed, smooth, irregular shape."""
    phases = [rng.uniform(0, 2 * math.pi) for _ in range(3)]
    points = []
    for step in range(96):
        angle = 2 * math.pi * step / 96
        wobble = 1 + 0.12 * math.sin(3 * angle + phases[0]) + 0.07 * math.sin(5 * angle + phases[1])
        wobble += 0.04 * math.sin(11 * angle + phases[2])
        points.append(
            (
                CENTRE[0] + RADIUS[0] * wobble * math.cos(angle),
                CENTRE[1] + RADIUS[1] * wobble * math.sin(angle),
            )
        )
    return Polygon(points)


def seeds(rng, country):
    """Ten points per region, in the region's quarter of the country."""
    found = {}
    for region, direction in REGION_ANGLES.items():
        for town in range(1, 11):
            while True:
                angle = math.radians(direction + rng.uniform(-44, 44))
                reach = math.sqrt(rng.uniform(0.03, 0.85))
                point = Point(
                    CENTRE[0] + RADIUS[0] * reach * math.cos(angle),
                    CENTRE[1] + RADIUS[1] * reach * math.sin(angle),
                )
                if country.contains(point):
                    break
            found[f"M{region[1]}{town:02d}"] = point
    return found


def demo_features(names):
    """GeoJSON features of the country, its regions and municipalities; ``names`` maps each code
    to (name, parent code)."""
    rng = random.Random(SEED)  # noqa: S311 (made-up shapes, not secrets)
    country = outline(rng)
    points = seeds(rng, country)
    cells = shapely.voronoi_polygons(
        MultiPoint(list(points.values())), extend_to=country.buffer(5), ordered=True
    )
    towns = {code: cell.intersection(country) for code, cell in zip(points, cells.geoms, strict=True)}
    regions = {
        region: shapely.coverage_union_all([towns[code] for code in towns if code[1] == region[1]])
        for region in REGION_ANGLES
    }

    def feature(code, shape, level):
        name, parent = names[code]
        properties = {"code": code, "name": name, "parent": parent, "level": level}
        return {"type": "Feature", "properties": properties, "geometry": mapping(shape)}

    return [
        feature("NAT", country, "country"),
        *(feature(code, shape, "region") for code, shape in regions.items()),
        *(feature(code, shape, "municipality") for code, shape in towns.items()),
    ]


def load_areas_demo(created):
    """Norland's boundaries, once: left as they are when the country has one already."""
    area_list = area_code_list(AREA_LIST)
    if area_list is None or AreaBoundary.objects.filter(code__code_list=area_list, code__code="NAT").exists():
        return
    names = {code: (label, parent or "") for code, label, parent in area_hierarchy(area_list)}
    document = {"type": "FeatureCollection", "features": demo_features(names)}
    import_boundaries(json.dumps(document).encode(), area_list)
    created.append("area boundaries")
