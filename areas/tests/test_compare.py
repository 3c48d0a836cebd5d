import pytest

from areas.tests.pages import main_text
from areas.tests.world import grow_world
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def compare(client, *codes):
    return client.get("/en/areas/compare/", {"areas": list(codes)})


def test_side_by_side_table_and_chart(client, world):
    response = compare(client, "M101", "M203", "R1")
    assert response.status_code == 200
    page = main_text(response)
    assert '<h2 id="comparison-heading">Town 101, Town 203, Region 1</h2>' in page
    assert (
        '<th scope="row">Resident population <span class="field__hint">(persons)</span></th><td>2025</td>'
        '<td class="chart__num">1,010</td><td class="chart__num">6,010</td><td class="chart__num">6,030</td>'
    ) in page
    # Rates exist for regions only: the towns say so, never 0.
    assert '<td class="chart__num chart__missing">not available</td>' in page
    assert "<svg" in response.content.decode()
    assert "Resident population, 2025" in page
    # The form shows the choice again, so the address can be changed and shared.
    assert page.count("selected") == 3


def test_a_blank_form_is_a_form(client, world):
    response = client.get("/en/areas/compare/")
    assert response.status_code == 200
    assert "error-summary" not in main_text(response)


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        (["M101"], "Choose at least 2 different areas"),
        (["M101", "M101"], "Choose at least 2 different areas"),
        (["M101", "M102", "M103", "M201", "M202", "M203"], "6 areas are chosen: compare at most 5"),
        (["M101", "NOPE"], "No area has the code NOPE"),
        (["M101", "<script>x</script>"], "No area has the code &lt;script&gt;x&lt;/script&gt;"),
        (["M101", "M1\x0102"], "No area has the code"),
    ],
)
def test_wrong_choices_get_a_clear_message(client, world, codes, message):
    response = compare(client, *codes)
    assert response.status_code == 400
    page = main_text(response)
    assert message in page and 'class="error-summary"' in page
    assert "<script>x" not in response.content.decode()


def test_duplicates_are_shown_once_with_a_note(client, world):
    response = compare(client, "M101", "M102", "M101")
    assert response.status_code == 200
    page = main_text(response)
    assert "Town 101 was chosen twice: it is shown once." in page
    assert '<h2 id="comparison-heading">Town 101, Town 102</h2>' in page


def test_thousands_of_parameters_get_a_message(client, world):
    response = client.get("/en/areas/compare/?" + "&".join(f"areas=M{n}" for n in range(3000)))
    assert response.status_code == 400
    assert "3000 areas were asked for" in main_text(response)


def test_more_parameters_than_django_parses_get_a_message_not_a_500(client, world):
    response = client.get("/en/areas/compare/?" + "&".join(f"areas=M{n}" for n in range(12000)))
    assert response.status_code == 400


def test_compare_queries_do_not_grow(client, world):
    url = "/en/areas/compare/?areas=M101&areas=M102&areas=R1"
    few = queries_for(client, url)
    grow_world(world, towns=500, indicators=50)
    assert queries_for(client, url) == few
    five = "/en/areas/compare/?areas=M101&areas=M102&areas=R1&areas=R2&areas=NAT"
    assert queries_for(client, five) == few


def test_with_thousands_of_areas_codes_are_typed_not_listed(client, world):
    grow_world(world, towns=300, indicators=0)
    page = main_text(compare(client, "M101", "G100001"))
    assert page.count('<input type="text" id="compare-area-') == 5
    assert 'value="G100001"' in page and "<select" not in page
    assert "Town 101, Grown 1-1" in page
