"""Area levels, boundaries and GeoJSON/TopoJSON files of square areas, for tests."""

import json

import factory

from areas.models import AreaBoundary, AreaLevel, AreaTranslation
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


def mapped_indicator(areas=10, *, published=True, missing=("A1",), period="2024"):
    """An indicator of a dataset with one version (public unless ``published`` is False), figures
    1…n for ``areas`` municipalities A0…A<n-1> (each with a boundary), except ``missing`` ones
    (status "M", no value). Returns the indicator."""
    from datetime import timedelta

    from django.utils import timezone

    from datasets.tests.factories import DatasetFactory, DatasetVersionFactory, IndicatorFactory

    area_list = AreaListFactory()
    dataset = DatasetFactory(area_code_list=area_list)
    indicator = IndicatorFactory(dataset=dataset, name="Residents", decimals=0)
    version = DatasetVersionFactory(
        dataset=dataset, published_at=timezone.now() + timedelta(hours=-1 if published else 24)
    )
    grow_map(indicator, version, areas, missing=missing, period=period)
    return indicator


def grow_map(indicator, version, areas, *, missing=("A1",), period="2024", start=0):
    from datetime import date
    from decimal import Decimal

    from datasets.tests.factories import ObservationFactory

    area_list = indicator.dataset.area_code_list
    for n in range(start, areas):
        code = CodeFactory(code_list=area_list, code=f"A{n}", label=f"Area {n}")
        AreaBoundaryFactory(code=code, offset=n)
        absent = code.code in missing
        ObservationFactory(
            version=version,
            indicator=indicator,
            area=code,
            period=period,
            period_start=date(int(period[:4]), 1, 1),
            value=None if absent else Decimal(n + 1),
            status="M" if absent else "A",
        )


def voronoi_features(count, seed=1):
    """A country ("V", one region "VR") of ``count`` municipalities V0… shaped like real ones:
    the Voronoi cells of jittered grid points, clipped to the country (about 2° by 2°)."""
    import math
    import random

    import shapely
    from shapely.geometry import MultiPoint, box, mapping

    rng = random.Random(seed)
    side = math.ceil(math.sqrt(count))
    step = 2.0 / side
    points = [
        (10 + step * (n % side + rng.uniform(0.2, 0.8)), 60 + step * (n // side + rng.uniform(0.2, 0.8)))
        for n in range(count)
    ]
    country = box(10, 60, 10 + step * side, 60 + step * math.ceil(count / side))
    cells = shapely.voronoi_polygons(MultiPoint(points), extend_to=country, ordered=True)
    towns = [cell.intersection(country) for cell in cells.geoms]
    whole = mapping(shapely.coverage_union_all(towns))
    return [
        feature("V", "Vland", "country", geometry=whole),
        feature("VR", "V Region", "region", "V", whole),
        *(feature(f"V{n}", f"Town {n}", "municipality", "VR", mapping(town)) for n, town in enumerate(towns)),
    ]


class AreaTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaTranslation

    area = factory.SubFactory(CodeFactory, code_list=factory.SubFactory(AreaListFactory))
    language = "fr"
    name = "Nordlande"
