"""Staff sign in through allauth in a real browser and reach the Wagtail admin."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

EMAIL = "editor@statistics.example"
PASSWORD = "a-long-browser-test-password"


@pytest.fixture
def staff_user(site_url):
    user = get_user_model().objects.create_superuser(email=EMAIL, password=PASSWORD, first_name="Edith")
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    return user


def test_staff_sign_in_from_the_admin_reaches_the_dashboard(page, staff_user):
    page.goto("/admin/")

    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/admin/$"))
    form = page.locator("main form")
    form.get_by_label("Email").fill(EMAIL)
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_role("button", name="Sign In").click()

    expect(page).to_have_url(re.compile(r"/admin/$"))
    dashboard = page.locator(".w-dashboard")
    expect(dashboard).to_be_visible()
    expect(dashboard.get_by_role("heading", level=1)).to_have_text("Portal")
