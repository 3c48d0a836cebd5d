"""Forums in a real browser: sign up, confirm the email, accept the rules, post, reply and
report; and axe-core on the forum pages, including a post form showing its errors."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Site

from forums import moderation
from forums.models import Post, Report, Topic

from .test_accessibility import AXE_OPTIONS, BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser
EMAIL = "nadia.reporter@example.org"


@pytest.fixture(scope="module", name="axe")
def axe_runner():
    return Axe()


@pytest.fixture
def live_site(site_url, settings):
    """The default site at the live server's address, so that links in emails open here."""
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0
    address = urlsplit(site_url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    Site.clear_site_root_paths_cache()
    return site_url


def assert_accessible(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe(blocking)


def sign_up_and_confirm(page, smtp_sink):
    page.goto("/accounts/signup/")
    page.get_by_label("Email", exact=True).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill("Seasonal-Adjust-42")
    page.get_by_label("Password (again)").fill("Seasonal-Adjust-42")
    page.get_by_label("Your name").fill("Nadia Reporter")
    page.get_by_role("checkbox", name=re.compile("to run my account")).check()
    page.get_by_role("button", name="Create account").click()
    [message] = smtp_sink.wait_for(1)
    assert message.rcpt_tos == (EMAIL,)
    [link] = [link for link in message.links if "/confirm-email/" in link]
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()


def test_sign_up_confirm_accept_rules_post_reply_and_report(page, live_site, smtp_sink, axe):
    sign_up_and_confirm(page, smtp_sink)

    page.goto("/forums/")
    page.get_by_role("link", name="Media & journalists").first.click()
    page.get_by_role("link", name="Start a topic").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rules of Media & journalists")
    page.get_by_label("I have read these rules and agree to follow them").check()
    page.get_by_role("button", name="Accept the rules").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Start a topic in Media & journalists")
    page.get_by_label("Title").fill("Which release has the regional jobs figures?")
    page.get_by_label("Your message").fill("I need the **regional** breakdown for a story.")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("region", name="Preview").locator("strong")).to_have_text("regional")
    page.get_by_role("button", name="Post topic").click()
    expect(page.get_by_text("A moderator checks new members' posts")).to_be_visible()

    first = Post.objects.get(author__email=EMAIL)
    assert first.status == Post.Status.PENDING  # a new member's first post waits
    moderation.approve(first, None, "Fine")

    page.goto(f"/forums/post/{first.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Which release has the regional jobs figures?")
    page.get_by_role("link", name="Write a reply").click()
    page.get_by_label("Your message").fill("Found it: table 4 of the labour market release.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_role("status")).to_contain_text("Your post is published.")
    expect(page.get_by_text("Found it: table 4 of the labour market release.")).to_be_visible()

    other = Topic.objects.filter(forum__slug="media").exclude(author__email=EMAIL).first()
    page.goto(f"/forums/topic/{other.pk}/")
    page.get_by_role("link", name="Report this post").first.click()
    page.get_by_label("Misleading about the statistics").check()
    page.get_by_label("Anything the moderators should know").fill("The figure quoted is from 2019.")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_text("the moderators will look at this post")).to_be_visible()
    report = Report.objects.get(reporter__email=EMAIL)
    assert report.note == "The figure quoted is from 2019."


@pytest.mark.parametrize("path", ["/forums/", "/forums/citizens-questions/", "first-topic"])
def test_forum_pages_have_no_serious_accessibility_violations(page, live_site, axe, path):
    if path == "first-topic":
        path = f"/forums/topic/{Topic.objects.exclude(accepted_answer=None).order_by('pk').first().pk}/"
    assert page.goto(path).status == 200
    assert_accessible(page, axe)


def test_post_form_errors_are_summarised_and_accessible(page, live_site, smtp_sink, axe):
    sign_up_and_confirm(page, smtp_sink)
    page.goto("/forums/researchers/rules/")
    page.get_by_label("I have read these rules and agree to follow them").check()
    page.get_by_role("button", name="Accept the rules").click()
    page.goto("/forums/researchers/new/")
    page.get_by_label("Your message").fill("\u200b")
    page.get_by_role("button", name="Post topic").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Give your topic a title.")
    expect(summary).to_contain_text("Write your message before you post it.")
    assert_accessible(page, axe)
