"""The feedback loop in a real browser: "Was this page useful?" on a story (with and without
JavaScript), a data request from form to status page, and axe-core on all of it."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Site

from feedback.models import DataRequest, PageFeedback

from .conftest import DESKTOP
from .test_accessibility import AXE_OPTIONS, BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser

STORY = "/stories/unemployment-unchanged-at-4-1-percent/"


@pytest.fixture(scope="module", name="axe")
def axe_runner():
    return Axe()


@pytest.fixture
def live_site(site_url):
    """The default site's links (in emails) point at the live server."""
    address = urlsplit(site_url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    Site.clear_site_root_paths_cache()
    return site_url


def run_axe(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe(blocking)


def test_leave_feedback_on_a_story(page, live_site):
    before = PageFeedback.objects.count()
    page.goto(STORY)
    box = page.get_by_role("region", name="Was this page useful?")
    box.get_by_label("No").check()
    box.get_by_text("Tell us more (optional)").click()
    box.get_by_label("What is it about? (optional)").select_option("missing_data")
    box.get_by_label("Your comment (optional)").fill("<b>Please</b> add figures by district.")
    box.get_by_role("button", name="Send feedback").click()

    expect(box.get_by_role("status")).to_have_text(re.compile("Thank you for your feedback"))
    expect(box.get_by_role("button", name="Send feedback")).to_be_hidden()
    assert PageFeedback.objects.count() == before + 1
    feedback = PageFeedback.objects.order_by("-pk").first()
    assert (feedback.useful, feedback.feedback_type, feedback.comment) == (
        False,
        "missing_data",
        "<b>Please</b> add figures by district.",
    )


def test_leave_feedback_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport=DESKTOP, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(STORY)
        page.get_by_label("Yes").check()
        page.get_by_role("button", name="Send feedback").click()
        expect(page).to_have_url(re.compile(re.escape(STORY) + "$"))
        expect(page.locator(".messages")).to_contain_text("Thank you for your feedback")

        page.get_by_role("button", name="Send feedback").click()  # no answer chosen
        expect(page.get_by_role("alert")).to_contain_text("Choose yes or no.")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Feedback on")
    finally:
        context.close()


def test_file_a_data_request_and_follow_it(page, live_site, smtp_sink):
    page.goto("/data-requests/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask for data")
    form = page.get_by_role("main")
    form.get_by_label("What data do you need?").fill(
        "Household income by region and age group, 2019 to 2025."
    )
    form.get_by_label("Journalism").check()
    form.get_by_label("Your name").fill("Rita Reporter")
    form.get_by_label("Email address", exact=True).fill("Rita@News.example")
    form.get_by_label("Which best describes you?").select_option("media")
    form.get_by_label(re.compile("^I agree")).check()
    form.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("We have received your request")
    data_request = DataRequest.objects.get(email="rita@news.example")
    expect(page.locator(".reference")).to_have_text(data_request.reference)
    [confirmation] = smtp_sink.wait_for(1)
    assert confirmation.rcpt_tos == ("rita@news.example",)
    [status_link] = [link for link in confirmation.links if "/status/" in link]

    page.goto(status_link)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Data request {data_request.reference}")
    expect(page.get_by_text("Household income by region")).to_be_visible()

    page.goto(status_link.replace(data_request.token, data_request.token[:-2] + "xx"))
    expect(page.get_by_role("heading", level=1)).not_to_have_text(f"Data request {data_request.reference}")


def test_request_form_errors_are_summarised_and_keep_what_was_typed(page, live_site):
    page.goto("/data-requests/")
    form = page.get_by_role("main")
    form.get_by_label("Your name").fill("Rita Reporter")
    form.get_by_label("Email address", exact=True).fill("not an email")
    form.get_by_role("button", name="Send my request").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Tell us what data you need.")
    expect(form.get_by_label("Your name")).to_have_value("Rita Reporter")


@pytest.mark.parametrize(
    "path",
    [STORY, "/data-requests/", "/you-said-we-did/"],
    ids=["story-with-feedback", "request-form", "you-said"],
)
def test_no_serious_accessibility_violations(page, axe, live_site, path):
    assert page.goto(path).status == 200
    details = page.locator(".page-feedback__details summary")
    if details.count():
        details.click()
    run_axe(page, axe)


def test_forms_with_errors_and_the_request_pages_are_accessible(page, axe, live_site):
    page.goto("/data-requests/")
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("alert")).to_be_visible()
    run_axe(page, axe)

    data_request = DataRequest.objects.first()
    page.goto(f"/data-requests/status/{data_request.token}/")
    run_axe(page, axe)

    story_id = PageFeedback.objects.first().page_id
    page.goto(f"/page-feedback/{story_id}/")
    run_axe(page, axe)
