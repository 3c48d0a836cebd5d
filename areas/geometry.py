"""Reading, checking, projecting and simplifying boundaries (shapely 2.x), and writing them as
compact SVG paths.

The map projection is equirectangular, scaled for ``LATITUDE``: kilometres east of the meridian
and south of the equator (SVG's y grows downwards). It keeps a country's shape true enough for a
choropleth, needs no projection library, and is the same for every import, so boundaries
imported at different times fit together."""

import json
import math
import re
from dataclasses import dataclass, field

import numpy as np
import shapely
from django.conf import settings
from shapely.geometry import shape
from shapely.validation import explain_validity

EARTH_RADIUS_KM = 6371.0088
LATITUDE = getattr(settings, "AREAS_MAP_LATITUDE", 60.0)  # where east-west kilometres are true
MAX_FILE_BYTES = getattr(settings, "AREAS_MAX_FILE_BYTES", 20 * 1024 * 1024)
MAX_FEATURES = 20_000
PRECISION = 100  # path coordinates in hundredths of a kilometre (10 m)
CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,49}")
NAME_MAX_LENGTH = 200
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
AREA_TYPES = {"Polygon", "MultiPolygon"}


class BoundariesInvalid(Exception):
    """The file was refused, nothing written: ``problems`` name each feature (index and code)."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problem(s)")


@dataclass
class Feature:
    """One area as read from a file: its properties, checked, and its shape in longitude/latitude."""

    index: int  # 1-based, as a person counts features
    code: str = ""
    name: str = ""
    parent: str = ""
    level: str = ""
    geometry: object = None
    problems: list = field(default_factory=list)

    @property
    def where(self):
        return f"Feature {self.index}" + (f" ({self.code})" if self.code else "")


def read_document(data):
    """The JSON document of an uploaded file (bytes), or BoundariesInvalid saying why not."""
    if len(data) > MAX_FILE_BYTES:
        raise BoundariesInvalid([f"The file is over {MAX_FILE_BYTES // 1024 // 1024} MB."])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BoundariesInvalid(["The file is not UTF-8 text."]) from None
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if hasattr(error, "lineno") else ""
        raise BoundariesInvalid([f"The file is not valid JSON{where}."]) from None
    if not isinstance(document, dict) or document.get("type") not in ("FeatureCollection", "Topology"):
        raise BoundariesInvalid(
            ['The file is neither a GeoJSON "FeatureCollection" nor a TopoJSON "Topology".']
        )
    return document


def raw_features(document):
    """The features of a GeoJSON FeatureCollection or of every object of a TopoJSON Topology, as
    GeoJSON feature dicts (TopoJSON's arcs resolved)."""
    if document["type"] == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise BoundariesInvalid(['The "features" of the FeatureCollection are not a list.'])
        return features
    try:
        return list(_topojson_features(document))
    except (KeyError, IndexError, TypeError, ValueError):
        raise BoundariesInvalid(["The TopoJSON topology is malformed (its objects or arcs)."]) from None


def _topojson_features(topology):
    """TopoJSON (https://github.com/topojson/topojson-specification): arcs shared between
    neighbours, optionally quantized and delta-encoded."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points = np.asarray(arc, dtype=float)[:, :2]
        if transform:
            points = np.cumsum(points, axis=0) * transform["scale"] + transform["translate"]
        arcs.append(points)

    def ring(indexes):
        parts = []
        for number, index in enumerate(indexes):
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            parts.append(points if number == 0 else points[1:])
        return np.concatenate(parts).tolist()

    def geometry(item):
        kind = item.get("type")
        if kind == "Polygon":
            return {"type": kind, "coordinates": [ring(r) for r in item["arcs"]]}
        if kind == "MultiPolygon":
            return {"type": kind, "coordinates": [[ring(r) for r in polygon] for polygon in item["arcs"]]}
        return {"type": kind}  # refused by the checks, with the feature named

    for name in topology["objects"]:
        item = topology["objects"][name]
        members = item["geometries"] if item.get("type") == "GeometryCollection" else [item]
        for member in members:
            yield {"type": "Feature", "properties": member.get("properties"), "geometry": geometry(member)}


def _text(properties, name, feature, required=True):
    value = properties.get(name)
    if value is None or value == "":
        if required:
            feature.problems.append(f'{feature.where}: the property "{name}" is missing.')
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        feature.problems.append(f'{feature.where}: the property "{name}" is not text.')
        return ""
    value = str(value).strip()
    if CONTROL.search(value):
        feature.problems.append(f'{feature.where}: the property "{name}" contains control characters.')
        return ""
    return value


def check_feature(index, raw):
    """A Feature from a GeoJSON feature dict, with a problem for each thing wrong with it."""
    feature = Feature(index)
    properties = raw.get("properties") if isinstance(raw, dict) else None
    if not isinstance(properties, dict):
        feature.problems.append(f"{feature.where}: it has no properties (code, name, parent, level).")
        return feature
    code = _text(properties, "code", feature)
    if code and not CODE_PATTERN.fullmatch(code):
        feature.problems.append(
            f"Feature {index}: the code {code[:60]!r} is not 1 to 50 letters, digits, dots, dashes "
            "or underscores."
        )
    else:
        feature.code = code
    feature.name = _text(properties, "name", feature)
    if len(feature.name) > NAME_MAX_LENGTH:
        feature.problems.append(f"{feature.where}: the name is over {NAME_MAX_LENGTH} characters.")
    feature.level = _text(properties, "level", feature)
    feature.parent = _text(properties, "parent", feature, required=False)
    feature.geometry = _geometry(raw.get("geometry"), feature)
    return feature


def _geometry(raw, feature):
    if not isinstance(raw, dict) or raw.get("type") not in AREA_TYPES:
        kind = raw.get("type") if isinstance(raw, dict) else None
        feature.problems.append(
            f"{feature.where}: the geometry is {'a ' + str(kind)[:30] if kind else 'missing'}; "
            "an area needs a Polygon or MultiPolygon."
        )
        return None
    try:
        geometry = shape(raw)
        coordinates = shapely.get_coordinates(geometry)
    except (ValueError, TypeError, AttributeError, IndexError, shapely.errors.GEOSException):
        feature.problems.append(f"{feature.where}: the geometry's coordinates are malformed.")
        return None
    if geometry.is_empty:
        feature.problems.append(f"{feature.where}: the geometry is empty.")
        return None
    if not np.isfinite(coordinates).all() or (np.abs(coordinates) > (180, 90)).any():
        feature.problems.append(
            f"{feature.where}: the coordinates are not longitudes and latitudes (WGS 84)."
        )
        return None
    if not geometry.is_valid:
        feature.problems.append(f"{feature.where}: the geometry is invalid: {explain_validity(geometry)}.")
        return None
    return geometry


def read_features(data):
    """Every feature of a file (bytes), checked one by one; BoundariesInvalid for a file that is
    not one (bad JSON, too big, too many features)."""
    raws = raw_features(read_document(data))
    if not raws:
        raise BoundariesInvalid(["The file has no features."])
    if len(raws) > MAX_FEATURES:
        raise BoundariesInvalid([f"The file has {len(raws)} features; at most {MAX_FEATURES} at a time."])
    return [check_feature(index, raw) for index, raw in enumerate(raws, start=1)]


def project(geometry):
    """Longitude/latitude to the map's kilometres (x east, y south)."""
    scale = math.radians(1) * EARTH_RADIUS_KM
    east = scale * math.cos(math.radians(LATITUDE))
    return shapely.transform(geometry, lambda points: points * (east, -scale))


def simplify(geometries, tolerance):
    """The projected outlines of one level, simplified together: where they form a coverage
    (neighbours share edges, no overlaps), shared edges stay shared (shapely's coverage
    simplification), so no gaps open between neighbours; otherwise each on its own."""
    geometries = np.asarray(geometries, dtype=object)
    if tolerance <= 0 or not len(geometries):
        return list(geometries)
    if shapely.coverage_is_valid(geometries):
        simplified = shapely.coverage_simplify(geometries, tolerance)
    else:
        simplified = shapely.simplify(geometries, tolerance, preserve_topology=True)
    return [
        new if not new.is_empty and new.is_valid else old
        for old, new in zip(geometries, simplified, strict=True)
    ]


def _number(hundredths):
    """An integer of hundredths as short SVG text: 150 → "1.5", -5 → "-.05"."""
    whole, part = divmod(abs(hundredths), PRECISION)
    text = (str(whole) if whole else "") + (f".{part:02d}".rstrip("0") if part else "")
    return ("-" if hundredths < 0 else "") + (text or "0")


def svg_path(geometry):
    """SVG path data for a (Multi)Polygon, every ring "M x y l dx dy … z", in hundredths of a
    kilometre rounded on absolute positions (no drift), repeated points dropped."""
    parts = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        for ring in (polygon.exterior, *polygon.interiors):
            points = np.rint(np.asarray(ring.coords)[:-1, :2] * PRECISION).astype(np.int64)
            steps = np.diff(points, axis=0)
            steps = steps[(steps != 0).any(axis=1)]
            if len(steps) < 2:
                continue
            moves = " ".join(f"{_number(dx)} {_number(dy)}" for dx, dy in steps.tolist())
            parts.append(f"M{_number(points[0][0])} {_number(points[0][1])}l{moves}z")
    return "".join(parts)


def bounds(geometry):
    return tuple(round(value, 2) for value in geometry.bounds)
