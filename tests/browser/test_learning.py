"""E-modules in a real browser: a basic module from pre-check to certificate; axe-core clean."""

import re

import pytest
from allauth.account.models import EmailAddress
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from literacy.modules.models import Certificate, LessonPage, ModulePage
from literacy.modules.questions import questions_in
from literacy.modules.scoring import display_order
from portal.core.caching.pagecache import purge_site
from tests.factories import PASSWORD

from .test_accessibility import AXE_OPTIONS, BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", name="axe")
def axe_runner():
    return Axe()


def assert_accessible(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe(blocking)


def fill_answer(page, block, right=True):
    """Answer a question, rightly or not, the way a learner would: with the mouse and keyboard."""
    value, name = block.value, f"q-{block.id}"
    if block.block_type == "single_choice":
        index = next(i for i, option in enumerate(value["options"]) if option["correct"] == right)
        page.locator(f"#{name}-{index}").check()
    elif block.block_type == "multiple_choice":
        for index, option in enumerate(value["options"]):
            if option["correct"] == right:
                page.locator(f"#{name}-{index}").check()
    elif block.block_type == "numeric":
        page.locator(f"#{name}-input").fill(str(value["answer"].normalize() if right else 123456))
    else:
        for slot, item in enumerate(display_order(block.id, len(value["items"]))):
            page.locator(f"#{name}-{slot}").select_option(str(item + 1))


@pytest.fixture
def learner(site_url):
    user = get_user_model().objects.create_user(
        "learner@example.org", PASSWORD, first_name="Lea", last_name="Learner"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_complete_a_basic_module_and_get_the_certificate(page, axe, learner):
    module = ModulePage.objects.get(slug="what-a-census-is")
    page.goto("/learn/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Learn")
    assert_accessible(page, axe)
    page.get_by_role("link", name="What a census is").click()
    page.get_by_role("link", name="Start with the pre-check").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Pre-check")
    page.get_by_role("button", name="Send my answers").click()  # nothing chosen: every problem listed
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    blocks = questions_in(module.pre_check)
    fill_answer(page, blocks[0])  # a third right: the baseline
    for block in blocks[1:]:
        fill_answer(page, block, right=False)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".score")).to_contain_text("33%")

    page.get_by_role("link", name=re.compile("Start the first lesson")).click()
    for number, lesson in enumerate(module.lessons(), start=1):
        lesson = lesson.specific
        expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
        block = questions_in(lesson.body)[0]
        question = page.locator(f"#question-{block.id}")
        fill_answer(page, block)
        question.get_by_role("button", name=re.compile("Check my answer")).click()
        expect(page.locator(f"#question-{block.id}")).to_contain_text("Correct")
        expect(page.locator(f"#question-{block.id}")).to_contain_text(block.value["explanation"][:40])
        if number == 1:
            assert_accessible(page, axe)  # a lesson with a chart, a glossary and an answered question
        page.get_by_role("button", name=re.compile("Mark as done")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Post-check")
    for block in questions_in(module.post_check):
        fill_answer(page, block)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".score")).to_contain_text("100%")
    expect(page.locator(".gain")).to_contain_text("+67 points")

    page.get_by_role("link", name="Get your certificate").click()  # signs in first; progress comes along
    page.get_by_label("Email", exact=True).fill(learner.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("^Sign in$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get your certificate")
    page.get_by_label("Your name as it should appear on the certificate").fill("Lea Learner")
    page.get_by_role("button", name="Issue my certificate").click()

    expect(page.locator(".certificate__name")).to_have_text("Lea Learner")
    certificate = Certificate.objects.get(user=learner)
    expect(page.locator(".certificate__code")).to_contain_text(certificate.display_code)
    assert_accessible(page, axe)

    page.goto(f"/certificates/{certificate.display_code}/")
    expect(page.locator(".verdict__title")).to_have_text("This certificate is valid")


def test_a_lesson_question_without_an_answer_is_explained_on_a_phone(new_page, axe):
    from .conftest import PHONE

    page = new_page(**PHONE)
    page.goto("/learn/mean-and-median/when-the-mean-misleads/")
    page.get_by_role("button", name=re.compile("Check my answer")).first.click()
    expect(page.locator(".field__error").first).to_contain_text("Choose an answer.")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page, axe)


def test_a_lesson_served_from_the_page_cache_takes_answers(new_page, settings):
    """Newcomers get the lesson stored whole, with no CSRF token in its forms: answering works."""
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "SECONDS": 600}
    purge_site()  # nothing stored earlier, for other content, is served
    lesson = LessonPage.objects.get(slug="when-the-mean-misleads")
    block = questions_in(lesson.body)[0]
    assert new_page().goto(lesson.url).headers.get("x-cache") == "MISS"

    page = new_page()
    assert page.goto(lesson.url).headers.get("x-cache") == "HIT"
    fill_answer(page, block)
    page.locator(f"#question-{block.id}").get_by_role("button", name=re.compile("Check my answer")).click()
    expect(page.locator(f"#question-{block.id}")).to_contain_text("Correct")
    assert page.reload().headers.get("x-cache") is None, "the learner's own progress is never shared"

    newcomer = new_page()
    assert newcomer.goto(lesson.url).headers.get("x-cache") == "HIT"
    expect(newcomer.locator(f"#question-{block.id}")).not_to_contain_text("Correct")
