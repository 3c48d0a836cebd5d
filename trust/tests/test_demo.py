"""The demo loader's part for fact-checks: what it makes, and that running it again changes nothing."""

import pytest

from literacy.modules.tests.factories import ModuleIndexPageFactory, ModulePageFactory
from trust.demo import load_trust_demo
from trust.models import FactCheckIndexPage, FactCheckPage, MisuseReportPage

pytestmark = pytest.mark.django_db


def test_the_demo_makes_the_listing_the_form_and_two_fact_checks_once(home_page, client):
    learn = ModuleIndexPageFactory()
    ModulePageFactory(parent=learn, slug="inflation-and-the-cpi", title="Inflation and the CPI")
    created = []
    load_trust_demo(home_page, created)
    index = FactCheckIndexPage.objects.get()
    assert index.live and index.show_in_menus
    assert index.report_page == MisuseReportPage.objects.get()
    checks = FactCheckPage.objects.child_of(index).live()
    assert checks.count() == 2
    prices = checks.get(slug="did-prices-rise-40-percent")
    assert [item.module.slug for item in prices.related_modules.all()] == ["inflation-and-the-cpi"]
    assert "heating oil" in prices.explanation
    assert client.get(prices.url).status_code == 200

    again = []
    load_trust_demo(home_page, again)
    assert again == []
    assert FactCheckPage.objects.count() == 2
