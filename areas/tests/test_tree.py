import pytest

from areas.tree import Tree, fold, level_name


def rows():
    return [
        (1, "NAT", "Norland", None, 9),
        (2, "R1", "Northmark", 1, 9),
        (3, "M101", "Vargøy", 2, 9),
        (4, "M102", "Østerby", 2, 9),
        (5, "M103", "Fjellby", 2, 9),
        (6, "M104", "Måkeøy", 2, 9),
    ]


def test_fold_ignores_case_and_accents():
    assert fold("  VARGØY ") == fold("vargoy") == "vargoy"
    assert fold("Måkeøy") == "makeoy"
    assert fold("Straße") == "strasse"


def test_levels_and_hierarchy():
    tree = Tree(rows())
    town = tree.get("M101")
    assert [place.code for place in tree.ancestors(town)] == ["NAT", "R1"]
    assert town.level == "municipality" and tree.get("R1").level == "region"
    assert [place.code for place in tree.siblings(town)] == ["M101", "M102", "M103", "M104"]
    assert level_name(2, plural=True) == "municipalities" and level_name(7) == "area"


def test_a_loop_in_parents_does_not_spin():
    tree = Tree([(1, "A", "A", 2, 9), (2, "B", "B", 1, 9)])
    assert len(tree.ancestors(tree.get("A"))) == 1


@pytest.mark.parametrize("code", ["", "M1 01", "<script>", "M101\x00", "x" * 51, None, "../M101"])
def test_odd_codes_find_nothing(code):
    assert Tree(rows()).get(code) is None


def test_search_by_name_without_accents_and_by_code():
    tree = Tree(rows())
    assert [p.code for p in tree.search("osterby")] == ["M102"]
    assert [p.code for p in tree.search("m103")] == ["M103"]
    assert [p.code for p in tree.search("BY")] == ["M102", "M103"]  # names containing it
    assert [p.code for p in tree.search("north")] == ["R1"]  # names starting with it first
    assert tree.search("   ") == []


def test_typos_get_suggestions():
    tree = Tree(rows())
    assert [p.code for p in tree.suggestions("Fjelby")] == ["M103"]
    assert [p.code for p in tree.suggestions("Vargoi")] == ["M101"]
    assert tree.suggestions("zzzzzzzz") == []
    assert tree.suggestions("") == []
