"""Similar areas: the nearest neighbours of an area on a standard set of indicators.

Each indicator is first put on a common scale (a z-score: how many standard deviations an area's
figure is from the average of all the areas compared), so that a population in the thousands
does not drown a rate in per cent; the distance between two areas is then the straight-line
(Euclidean) distance between their lists of z-scores. Only areas with a figure for every
indicator take part: a missing figure is never taken as 0."""

import math
from dataclasses import dataclass

TOP = 5


@dataclass(frozen=True)
class Neighbour:
    area_id: int
    distance: float


def z_scores(vectors: dict[int, tuple[float, ...]]) -> dict[int, tuple[float, ...]]:
    """Each column standardised over all the areas (population standard deviation); a column
    where every area has the same figure tells nothing apart and becomes 0 everywhere."""
    if not vectors:
        return {}
    columns = list(zip(*vectors.values(), strict=True))
    scales = []
    for column in columns:
        mean = sum(column) / len(column)
        spread = math.sqrt(sum((value - mean) ** 2 for value in column) / len(column))
        scales.append((mean, spread))
    return {
        area: tuple(
            (value - mean) / spread if spread else 0.0
            for value, (mean, spread) in zip(vector, scales, strict=True)
        )
        for area, vector in vectors.items()
    }


def nearest(vectors: dict[int, tuple[float, ...]], target: int, top: int = TOP) -> list[Neighbour]:
    """The ``top`` areas closest to ``target`` (nearest first; ties by id, so the order is
    stable), or [] when the target has no complete vector or nothing to compare with."""
    if target not in vectors or len(vectors) < 2:
        return []
    scaled = z_scores(vectors)
    origin = scaled[target]
    distances = [
        Neighbour(area, math.dist(origin, vector)) for area, vector in scaled.items() if area != target
    ]
    distances.sort(key=lambda neighbour: (neighbour.distance, neighbour.area_id))
    return distances[:top]
