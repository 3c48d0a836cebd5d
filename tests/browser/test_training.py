"""Training in a real browser: register for a session, cancel from the email's link; axe-core clean."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Site

from literacy.training.models import Registration, TrainingIndexPage, TrainingSessionPage
from literacy.training.tests.conftest import session_fields

from .test_accessibility import AXE_OPTIONS, BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", name="axe")
def axe_runner():
    return Axe()


@pytest.fixture
def session(site_url):
    """A session with free places, and a default site whose links point at the live server
    (so that the link in the email opens here)."""
    address = urlsplit(site_url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    Site.clear_site_root_paths_cache()
    index = TrainingIndexPage.objects.first()  # the demo's, in English (its tree comes first)
    session = TrainingSessionPage(
        slug="browser-session",
        **session_fields(
            title="Reading the labour force survey", format="hybrid", joining_link="https://meet.example/x"
        ),
    )
    index.add_child(instance=session)
    session.save_revision().publish()
    return session


def test_register_then_cancel_from_the_email_link(page, session, smtp_sink):
    page.goto(session.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(session.title)
    page.locator("main").get_by_label("Your name").fill("Rita Reporter")
    page.locator("main").get_by_label("Email address").fill("Rita@News.example")
    page.locator("main").get_by_label("Organisation or outlet").fill("Daily News")
    page.locator("main").get_by_label("Which best describes you?").select_option("media")
    page.locator("main").get_by_label("Accessibility needs").fill("Captions, please")
    page.locator("main").get_by_label(re.compile("^I agree")).check()
    page.get_by_role("button", name="Register", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("You have a place")
    expect(page.get_by_text("rita@news.example")).to_be_visible()
    [confirmation] = smtp_sink.wait_for(1)
    assert confirmation.rcpt_tos == ("rita@news.example",)
    [cancel_link] = [link for link in confirmation.links if "/cancel/" in link]

    page.goto(cancel_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Cancel your registration?")
    assert session.registrations.get().status == Registration.Status.CONFIRMED
    page.get_by_role("button", name="Yes, cancel my registration").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("This registration is cancelled")
    expect(page.get_by_role("status")).to_contain_text("Your registration is cancelled.")
    assert session.registrations.get().status == Registration.Status.CANCELLED
    cancellation = smtp_sink.wait_for(2)[1]
    assert cancellation.subject == f"You have cancelled your place at {session.title}"


def test_form_errors_are_summarised_focusable_and_keep_what_was_typed(page, session):
    page.goto(session.url)
    page.locator("main").get_by_label("Your name").fill("Rita Reporter")
    page.locator("main").get_by_label("Email address").fill("not an email")
    page.get_by_role("button", name="Register", exact=True).click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    summary.get_by_role("link", name=re.compile("Email address")).click()
    expect(page.locator("main").get_by_label("Email address")).to_be_focused()
    expect(page.locator("main").get_by_label("Your name")).to_have_value("Rita Reporter")
    assert not session.registrations.exists()


def run_axe(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe(blocking)


@pytest.mark.parametrize("where", ["list", "filtered-list", "past", "session"])
def test_training_pages_have_no_serious_accessibility_violations(page, axe, session, where):
    index = session.get_parent()
    path = {
        "list": index.url,
        "filtered-list": index.url + "?audience=teachers&level=advanced",
        "past": index.url + "past/",
        "session": session.url,
    }[where]
    assert page.goto(path).status == 200
    run_axe(page, axe)


def test_form_with_errors_has_no_serious_accessibility_violations(page, axe, session):
    page.goto(session.url)
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    run_axe(page, axe)


def test_confirmation_and_cancel_pages_have_no_serious_accessibility_violations(page, axe, session):
    page.goto(session.url)
    page.locator("main").get_by_label("Your name").fill("Rita Reporter")
    page.locator("main").get_by_label("Email address").fill("rita@news.example")
    page.locator("main").get_by_label(re.compile("^I agree")).check()
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have a place")
    run_axe(page, axe)
    page.goto(f"{session.url}cancel/{session.registrations.get().token}/")
    run_axe(page, axe)
