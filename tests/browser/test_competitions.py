"""Competitions in a real browser: enter with a file, see the entry; axe-core clean on every public page."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from PIL import Image
from playwright.sync_api import expect

from literacy.competitions.models import CompetitionPage
from tests.factories import PASSWORD

from .test_accessibility import AXE_OPTIONS, BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser

EMAIL = "entrant@example.org"
OPEN = "school-data-use-competition-2027"
FINISHED = "infographic-competition-2026"


@pytest.fixture(scope="module", name="axe")
def axe_runner():
    return Axe()


@pytest.fixture(autouse=True)
def entry_root(settings, tmp_path):
    settings.COMPETITION_ENTRY_ROOT = tmp_path / "entries"


@pytest.fixture
def entrant(site_url):
    user = get_user_model().objects.create_user(EMAIL, PASSWORD)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    return user


@pytest.fixture
def signed_in(page, entrant):
    page.goto("/accounts/login/")
    form = page.locator("main form")
    form.get_by_label("Email", exact=True).fill(EMAIL)
    form.get_by_label("Password", exact=True).fill(PASSWORD)
    form.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page.get_by_role("link", name="Your account")).to_be_visible()
    return page


@pytest.fixture
def chart_png(tmp_path):
    path = tmp_path / "our chart.png"
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), "#00707a").save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def competition(slug):
    return CompetitionPage.objects.get(slug=slug)


def fill_entry_form(page):
    page = page.locator("main")  # the footer has a sign-up form of its own
    page.get_by_label("Title of your entry").fill("How far we travel to school")
    page.get_by_label("Describe your entry").fill("Distances from the 2025 census, by age.\n<b>Bold?</b>")
    page.get_by_label("Category").select_option(label="Ages 15 to 18")
    page.get_by_label("Team members (optional)").fill("Ana\nBruno")
    page.get_by_label("School or organisation (optional)").fill("Riverside School")
    page.get_by_label("Name to show in public").fill("Year 11, Riverside")
    page.get_by_label("Which best describes you?").select_option("teachers_and_students")
    page.get_by_label(re.compile("^I have read the rules")).check()
    page.get_by_label(re.compile("^I agree")).check()


def test_submit_an_entry_with_a_file(signed_in, chart_png):
    page = signed_in
    school = competition(OPEN)
    page.goto(school.url)
    page.get_by_role("link", name="Start your entry").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the competition")
    fill_entry_form(page)
    page.get_by_label(re.compile("^Your file")).set_input_files(str(chart_png))
    page.get_by_role("button", name="Send my entry").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your entry")
    expect(page.get_by_role("status")).to_contain_text("we have received your entry")
    expect(page.get_by_text("<b>Bold?</b>")).to_be_visible()  # shown as typed, not as markup
    entry = school.entries.get()
    assert (entry.title, entry.file_kind, entry.file_name) == (
        "How far we travel to school",
        "png",
        "our_chart.png",
    )
    assert entry.file.read() == chart_png.read_bytes()

    response = page.request.get(school.url + f"entries/{entry.pk}/file/")
    assert response.status == 200
    assert response.body() == chart_png.read_bytes()
    # Not public until accepted
    assert page.request.get(school.url + f"gallery/{entry.pk}/file/").status == 404


def test_a_file_that_lies_is_refused_and_the_form_keeps_what_was_typed(signed_in, tmp_path):
    page = signed_in
    fake = tmp_path / "chart.png"
    fake.write_bytes(b"PK\x03\x04 not really a picture")
    page.goto(competition(OPEN).url + "enter/")
    fill_entry_form(page)
    page.get_by_label(re.compile("^Your file")).set_input_files(str(fake))
    page.get_by_role("button", name="Send my entry").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Archives")
    summary.get_by_role("link", name=re.compile("Your file")).click()
    expect(page.get_by_label(re.compile("^Your file"))).to_be_focused()
    expect(page.get_by_label("Title of your entry")).to_have_value("How far we travel to school")
    assert not competition(OPEN).entries.exists()


def run_axe(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe(blocking)


@pytest.mark.parametrize(
    ("slug", "suffix"),
    [(OPEN, ""), (FINISHED, ""), (FINISHED, "gallery/"), (OPEN, "gallery/")],
    ids=["open-competition", "finished-competition", "gallery", "empty-gallery"],
)
def test_competition_pages_have_no_serious_accessibility_violations(page, axe, site_url, slug, suffix):
    assert page.goto(competition(slug).url + suffix).status == 200
    run_axe(page, axe)


def test_the_entry_form_and_its_errors_have_no_serious_accessibility_violations(signed_in, axe):
    page = signed_in
    page.goto(competition(OPEN).url + "enter/")
    run_axe(page, axe)
    page.get_by_role("button", name="Send my entry").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    run_axe(page, axe)
