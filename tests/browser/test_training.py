"""Training in a real browser: register for a session, cancel from the email's link; axe-core clean."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Site

from literacy.models import Registration, TrainingIndexPage, TrainingSessionPage
from literacy.tests.conftest import make_training_index, session_fields

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
    # The live server holds the demo content, and with it the site's one training index.
    index = TrainingIndexPage.objects.first() or make_training_index(
        Site.objects.get(is_default_site=True).root_page
    )
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


# Focus not obscured (WCAG 2.2, 2.4.11): tabbing through a session page, every focused element
# is on screen and not covered by the sticky panel (nor by anything else).
FOCUS_PROBE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    const panel = document.querySelector('.session__aside');
    return {
        name: `${el.tagName.toLowerCase()} ${(el.textContent || el.name || el.id || '').trim().slice(0, 40)}`,
        inViewport: x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight,
        visible: box.width > 0 && box.height > 0,
        onTop: !!hit && (hit === el || el.contains(hit)
            || (!!el.labels && [...el.labels].some(label => label.contains(hit)))),
        coveredBy: hit && !el.contains(hit) ? `${hit.tagName.toLowerCase()}.${hit.className}` : '',
        underPanel: !!panel && !panel.contains(el) && panel.contains(hit),
        panelSticky: !!panel && getComputedStyle(panel).position === 'sticky',
    };
}"""


@pytest.fixture
def long_session(session):
    """A session whose panel is taller than a short window: a long address, and links in the text."""
    session.address = "\n".join(f"Building {n}, Census Campus, Long Road {n}" for n in range(1, 9))
    session.description = "".join(
        f'<p>Part {n}: read <a href="https://example.org/{n}">the method note {n}</a> first.</p>'
        for n in range(8)
    )
    session.save_revision().publish()
    return session


@pytest.mark.parametrize(("width", "height"), [(1280, 600), (1280, 900), (320, 640)])
def test_tabbing_through_a_session_never_hides_the_focused_element(page, long_session, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(long_session.url)
    seen, hidden = [], []
    for _ in range(60):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_PROBE)
        if focus is None or not focus["visible"]:
            continue
        seen.append(focus["name"])
        if not (focus["inViewport"] and focus["onTop"]) or focus["underPanel"]:
            hidden.append(focus)
    assert any("Map" in name for name in seen), seen  # the panel's link was reached
    assert any(name.startswith("input") for name in seen), seen  # and the form after it
    assert hidden == [], hidden
