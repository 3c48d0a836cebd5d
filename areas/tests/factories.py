"""Area levels, boundaries and GeoJSON/TopoJSON files of square areas, for tests."""

import json

import factory

from areas.models import AreaBoundary, AreaLevel
from datasets.tests.factories import AreaListFactory, CodeFactory


class AreaLevelFactory(factory.django.DjangoModelFactory):
    """The migration's levels (country 0, region 1, municipality 2), or a new one."""

    class Meta:
        model = AreaLevel
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"level-{n}")
    name = factory.LazyAttribute(lambda o: o.slug)
    name_plural = factory.LazyAttribute(lambda o: f"{o.slug}s")
    depth = factory.Sequence(lambda n: n + 10)
    simplify_tolerance = 0.1


def level(slug):
    return AreaLevel.objects.get(slug=slug)


class AreaBoundaryFactory(factory.django.DjangoModelFactory):
    """A 10 km square area at ``offset`` squares east of the origin."""

    class Meta:
        model = AreaBoundary

    class Params:
        offset = factory.Sequence(lambda n: n)

    code = factory.SubFactory(CodeFactory, code_list=factory.SubFactory(AreaListFactory))
    level = factory.LazyFunction(lambda: level("municipality"))
    path = factory.LazyAttribute(lambda o: f"M{o.offset * 10} 0l10 0 0 10 -10 0z")
    min_x = factory.LazyAttribute(lambda o: o.offset * 10)
    min_y = 0
    max_x = factory.LazyAttribute(lambda o: o.offset * 10 + 10)
    max_y = 10


def square(x, y, size=0.1):
    """A GeoJSON Polygon: a square of ``size`` degrees at longitude x, latitude y."""
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(code, name, level, parent="", geometry=None, **more):
    properties = {"code": code, "name": name, "level": level, "parent": parent, **more}
    return {"type": "Feature", "properties": properties, "geometry": geometry or square(10, 60)}


def hierarchy(towns=2):
    """A country (X) of one region (XR) of ``towns`` municipalities side by side (XM1, XM2…)."""
    size = 0.1
    return [
        feature("X", "Xland", "country", geometry=square(10, 60, size * towns)),
        feature("XR", "X Region", "region", "X", square(10, 60, size * towns)),
        *(
            feature(f"XM{n}", f"Town {n}", "municipality", "XR", square(10 + size * (n - 1), 60, size))
            for n in range(1, towns + 1)
        ),
    ]


def geojson(features):
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()
