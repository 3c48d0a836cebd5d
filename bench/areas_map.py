"""Area map benchmark: the CPU time to draw a choropleth of 10,000 areas, its size, and a cached
map's time. Imports a synthetic country of ``--areas`` municipalities (Voronoi cells of a
jittered grid, shaped like real ones) through the real import, gives each a figure in a public
version, then times (process CPU and wall clock):

- the import itself (checks, projection, coverage simplification, writing);
- building the map (one query for the boundaries, one for the figures, classes) and its SVG,
  cold (cache cleared);
- the same from the cache (the cached map: what a visitor gets until the data change);
- the PNG, cold.

Run from the project root:

    .venv/bin/python bench/areas_map.py [--areas 10000]

DATABASE_URL and REDIS_URL are honoured, as in the test suite.
"""

import argparse
import json
import time
from datetime import timedelta

from _harness import demo_database, setup_django


def clock(call):
    cpu, wall = time.process_time(), time.perf_counter()
    result = call()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--areas", type=int, default=10_000)
    args = parser.parse_args()
    setup_django()
    with demo_database(demo=False) as where:
        from django.core.cache import cache
        from django.utils import timezone

        from areas.boundaries import import_boundaries
        from areas.maps import build_map, map_png, map_svg
        from areas.models import AreaBoundary, AreaLevel
        from areas.tests.factories import voronoi_features
        from datasets.models import Observation
        from datasets.tests.factories import (
            AreaListFactory,
            DatasetFactory,
            DatasetVersionFactory,
            IndicatorFactory,
        )

        print(where)
        area_list = AreaListFactory()
        data = json.dumps({"type": "FeatureCollection", "features": voronoi_features(args.areas)}).encode()
        summary, cpu, wall = clock(lambda: import_boundaries(data, area_list))
        print(f"import of {len(data) / 1e6:.1f} MB GeoJSON: {summary} CPU {cpu:.2f} s, wall {wall:.2f} s")
        dataset = DatasetFactory(area_code_list=area_list)
        indicator = IndicatorFactory(dataset=dataset, decimals=1)
        version = DatasetVersionFactory(dataset=dataset, published_at=timezone.now() - timedelta(hours=1))
        level = AreaLevel.objects.get(slug="municipality")
        boundaries = AreaBoundary.objects.filter(level=level).values_list("code_id", flat=True)
        Observation.objects.bulk_create(
            Observation(
                version=version,
                indicator=indicator,
                area_id=code_id,
                period="2026",
                period_start=timezone.now().date().replace(year=2026, month=1, day=1),
                value=(number * 7919) % 1000 / 10,
            )
            for number, code_id in enumerate(boundaries)
        )

        def draw():
            return map_svg(build_map(indicator, level, "2026"))

        cache.clear()
        svg, cpu, wall = clock(draw)
        size = len(svg) / 1024
        print(f"map of {svg.count('<a ')} areas, cold: CPU {cpu:.3f} s, wall {wall:.3f} s, SVG {size:.0f} KB")
        _, cpu, wall = clock(draw)
        print(f"same map, cached: CPU {cpu:.3f} s, wall {wall:.3f} s")
        area_map = build_map(indicator, level, "2026")
        png, cpu, wall = clock(lambda: map_png(area_map))
        print(f"PNG, cold: CPU {cpu:.3f} s, wall {wall:.3f} s, {len(png) / 1024:.0f} KB")


if __name__ == "__main__":
    main()
