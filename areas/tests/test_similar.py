import math

import pytest

from areas.similar import nearest, z_scores


def test_nearest_matches_a_hand_computed_case():
    """Four areas, two indicators. Column 1 (0, 1, 2, 0): mean 0.75, standard deviation
    sqrt(2.75 / 4) = 0.829156; column 2 (0, 0, 0, 2): mean 0.5, sd sqrt(3 / 4) = 0.866025.
    From area 1: area 2 differs by 1 in column 1 → 1 / 0.829156 = 1.206045; area 3 by 2 in
    column 1 → 2.412091; area 4 by 2 in column 2 → 2 / 0.866025 = 2.309401. Unscaled, area 3
    and area 4 would tie at 2: scaling puts area 4 first."""
    vectors = {1: (0.0, 0.0), 2: (1.0, 0.0), 3: (2.0, 0.0), 4: (0.0, 2.0)}
    found = nearest(vectors, 1)
    assert [n.area_id for n in found] == [2, 4, 3]
    assert [round(n.distance, 6) for n in found] == [1.206045, 2.309401, 2.412091]


def test_z_scores_have_mean_zero_and_unit_spread():
    scaled = z_scores({1: (10.0,), 2: (20.0,), 3: (30.0,)})
    values = [vector[0] for vector in scaled.values()]
    assert math.isclose(sum(values), 0, abs_tol=1e-12)
    assert math.isclose(sum(v * v for v in values) / 3, 1)


def test_a_column_where_everyone_is_equal_tells_nothing_apart():
    scaled = z_scores({1: (5.0, 1.0), 2: (5.0, 3.0)})
    assert scaled[1][0] == scaled[2][0] == 0.0


def test_top_five_nearest_first_ties_by_id():
    vectors = {n: (float(abs(n - 10)),) for n in range(1, 20)}
    found = nearest(vectors, 10)
    assert len(found) == 5
    assert [n.area_id for n in found] == [9, 11, 8, 12, 7]


@pytest.mark.parametrize("vectors", [{}, {1: (1.0,)}, {2: (1.0,), 3: (2.0,)}])
def test_no_neighbours_without_target_or_others(vectors):
    assert nearest(vectors, 1) == []
