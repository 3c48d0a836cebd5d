"""Staff sign in through allauth in a real browser, reach the Wagtail admin and read its reports."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

EMAIL = "editor@statistics.example"


@pytest.fixture
def staff_user(site_url):
    user = get_user_model().objects.create_superuser(email=EMAIL, password=PASSWORD, first_name="Edith")
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    return user


def sign_in(page):
    form = page.locator("main form")
    form.get_by_label("Email").fill(EMAIL)
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_role("button", name="Sign In").click()


def test_staff_sign_in_from_the_admin_reaches_the_dashboard(page, staff_user):
    page.goto("/admin/")

    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/admin/$"))
    sign_in(page)

    expect(page).to_have_url(re.compile(r"/admin/$"))
    dashboard = page.locator(".w-dashboard")
    expect(dashboard).to_be_visible()
    expect(dashboard.get_by_role("heading", level=1)).to_have_text("Portal")


def test_module_statistics_tier_headings_sit_below_the_table_before_them(page, staff_user):
    """Wagtail pulls full-width listings up under what follows them; this report stacks three."""
    page.goto("/accounts/login/?next=/admin/literacy/module-statistics/")
    sign_in(page)
    expect(page.get_by_role("heading", level=2, name="Advanced")).to_be_visible()
    overlaps = page.evaluate(
        """() => [...document.querySelectorAll("main table")].flatMap((table) => {
            const next = table.nextElementSibling;
            if (!next) return [];
            const gap = next.getBoundingClientRect().top - table.getBoundingClientRect().bottom;
            return gap < 0 ? [next.textContent.trim()] : [];
        })"""
    )
    assert page.locator("main table").count() == 3
    assert overlaps == []
