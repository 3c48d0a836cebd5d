"""A fact-check is drawn once per revision, chrome generation and language, not on every
uncached view: its claim review, figure and modules are not read again, and a correction or a
module linked since shows on the next view."""

import pytest

from literacy.modules.tests.factories import ModuleIndexPageFactory, ModulePageFactory
from tests.pages import in_language
from tests.queries import counted_view as view
from trust.models import FactCheckModule
from trust.tests.conftest import key_figure
from trust.tests.factories import FactCheckPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_cached")]


@pytest.fixture
def fact_check(index_page, unemployment):
    return FactCheckPageFactory(parent=index_page, right_figure=[key_figure(unemployment)])


def test_a_second_view_reads_neither_figure_nor_claim_review(client, fact_check):
    first, first_html = view(client, fact_check.url)
    second, second_html = view(client, fact_check.url)
    assert second <= first - 20  # the figure's, the claim review's and the modules' queries
    assert second <= 12  # what is left: routing, the chrome, and the share card's alt text in the head
    assert second_html == first_html and "ClaimReview" in second_html and "4.1" in second_html


def test_a_correction_shows_on_the_next_view(client, fact_check, committed):
    view(client, fact_check.url)
    with committed():
        fact_check.summary = "Corrected: unemployment was 4.1% in both years."
        fact_check.save_revision().publish()
    _count, html = view(client, fact_check.url)
    assert html.count("Corrected: unemployment was 4.1% in both years.") >= 2  # the verdict and its review


def test_a_module_linked_since_shows_on_the_next_view(client, fact_check, committed):
    view(client, fact_check.url)
    with committed():
        module = ModulePageFactory(parent=ModuleIndexPageFactory(), title="Rates and counts")
        FactCheckModule.objects.create(page=fact_check, module=module)
        fact_check.save_revision().publish()
    _count, html = view(client, fact_check.url)
    assert "Rates and counts" in html


def test_each_language_gets_its_own_copy(client, fact_check):
    _count, english = view(client, fact_check.url)
    _count, french = view(client, in_language(fact_check.url, "fr"))
    assert "Setting the record straight" in english and "Rétablir les faits" in french
