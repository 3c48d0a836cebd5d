"""Newsletters in a real browser: sign up in the footer, confirm from the email, change the
preferences, unsubscribe; and axe-core clean on the sign-up, preference and issue pages."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Site

from newsletters.models import NewsletterList, Subscriber

from .test_accessibility import AXE_OPTIONS, BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", name="axe")
def axe_runner():
    return Axe()


@pytest.fixture
def live_site(site_url):
    """The default site at the live server's address, so that links in emails open here."""
    address = urlsplit(site_url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    Site.clear_site_root_paths_cache()
    return site_url


def run_axe(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe(blocking)


def sign_up_in_the_footer(page, smtp_sink, email):
    page.goto("/about/")
    footer = page.locator("footer")
    footer.get_by_label("Email address", exact=True).fill(email)
    footer.get_by_label(re.compile("^I agree")).check()
    footer.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    [message] = smtp_sink.wait_for(1)
    assert message.rcpt_tos == (email,)
    [link] = [link for link in message.links if "/email/confirm/" in link]
    return link


def test_footer_signup_confirm_change_preferences_and_unsubscribe(page, live_site, smtp_sink):
    link = sign_up_in_the_footer(page, smtp_sink, "browser@example.org")
    assert not Subscriber.objects.filter(
        contact__email="browser@example.org"
    ).exists()  # not before the click

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your sign-up")
    page.get_by_role("button", name="Confirm my sign-up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are subscribed")
    subscriber = Subscriber.objects.get(contact__email="browser@example.org")
    assert [item.name for item in subscriber.lists.all()] == ["Monthly round-up"]

    page.get_by_role("link", name="Change your choices").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your newsletter choices")
    page.get_by_label(re.compile("^Release alerts")).check()
    page.get_by_label("At most one email a month").check()
    page.get_by_label("Which best describes you?").select_option("media")
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_role("status")).to_contain_text("Your choices are saved.")
    subscriber.refresh_from_db()
    assert sorted(item.name for item in subscriber.lists.all()) == ["Monthly round-up", "Release alerts"]
    assert (subscriber.frequency, subscriber.contact.user_group) == ("monthly", "media")

    page.get_by_role("link", name="Unsubscribe from every newsletter").click()
    page.get_by_role("button", name="Yes, unsubscribe me").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None and not subscriber.lists.exists()


def test_signup_errors_are_summarised_and_focusable(page, live_site):
    page.goto("/newsletter/")
    page.get_by_label("Email address", exact=True).fill("not an email")
    page.get_by_role("button", name="Sign up", exact=True).click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    summary.get_by_role("link", name=re.compile("Email address")).click()
    expect(page.get_by_label("Email address", exact=True)).to_be_focused()
    expect(page.get_by_label("Email address", exact=True)).to_have_value("not an email")


@pytest.mark.parametrize(
    "path", ["/newsletter/", "/newsletter/october-round-up/", "/newsletter/check-your-email/"]
)
def test_newsletter_pages_have_no_serious_accessibility_violations(page, axe, live_site, path):
    assert page.goto(path).status == 200
    run_axe(page, axe)


def test_signup_errors_and_preference_centre_have_no_serious_accessibility_violations(
    page, axe, live_site, smtp_sink
):
    page.goto("/newsletter/")
    page.get_by_role("button", name="Sign up", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    run_axe(page, axe)

    subscriber = Subscriber.objects.select_related("contact").first()
    subscriber.lists.add(NewsletterList.objects.get(name="Teachers' news"))
    assert page.goto(f"/email/preferences/{subscriber.token}/").status == 200
    run_axe(page, axe)
    page.goto(f"/email/unsubscribe/{subscriber.token}/")
    run_axe(page, axe)
    page.goto(f"/email/preferences/{subscriber.token}/delete/")
    run_axe(page, axe)
