"""The satisfaction survey's invitation in a real browser: at a rate of 100% it appears, it is
reached and dismissed with the keyboard without trapping focus, and once dismissed it does not
come back, on other pages or in a new tab, for the period."""

import pytest
from playwright.sync_api import expect

from satisfaction.models import SurveySettings

pytestmark = pytest.mark.browser


def test_the_invitation_appears_works_from_the_keyboard_and_once_dismissed_stays_away(new_page, site_url):
    settings = SurveySettings.load()
    settings.sample_percent = 100
    settings.period_days = 30
    settings.save()

    page = new_page()
    page.goto("/stories/")
    invitation = page.get_by_role("complementary", name="Tell us what you think of this site")
    expect(invitation).to_be_visible()
    accept = invitation.get_by_role("link", name="Take the survey")
    expect(accept).to_have_attribute("href", "/en/survey/?from=%2Fen%2Fstories%2F")
    accept.focus()
    page.keyboard.press("Tab")
    dismiss = invitation.get_by_role("button", name="No thanks to the survey")
    expect(dismiss).to_be_focused()
    page.keyboard.press("Enter")
    expect(invitation).to_be_hidden()
    expect(page.locator("#main")).to_be_focused()  # the focus is not lost to the top of the page
    page.keyboard.press("Tab")
    moved_on = "document.activeElement.closest('#main') && !document.activeElement.closest('aside')"
    assert page.evaluate(moved_on)  # and moves on through the page, not back into the invitation

    cookies = {cookie["name"]: cookie for cookie in page.context.cookies()}
    assert cookies["portal_survey"]["value"] == "1"
    days = (cookies["portal_survey"]["expires"] - page.evaluate("Date.now() / 1000")) / 86400
    assert 29.9 < days <= 30

    page.goto("/learn/")
    expect(page.locator("[data-survey-invitation]")).to_be_hidden()
    second_tab = page.context.new_page()  # a new visit draws again: the cookie keeps it away
    second_tab.goto("/")
    expect(second_tab.locator("[data-survey-invitation]")).to_be_hidden()

    fresh = new_page()  # another browser is asked, and Escape dismisses it
    fresh.goto("/")
    other = fresh.get_by_role("complementary", name="Tell us what you think of this site")
    expect(other).to_be_visible()
    other.get_by_role("link", name="Take the survey").focus()
    fresh.keyboard.press("Escape")
    expect(other).to_be_hidden()
