"""WCAG 2.2 (3.3.1, 4.1.3): after a failed submit the error summary takes the focus (so it is
announced), and each of its links moves the focus to the field it names."""

from pathlib import Path

import pytest
from django.conf import settings

from .conftest import chromium

pytestmark = pytest.mark.browser

SCRIPT = Path(settings.BASE_DIR) / "portal" / "static" / "js" / "portal.js"
PAGE = """<!DOCTYPE html><html class="no-js"><body><main>
  <div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2>
    <ul><li><a href="#id_email">Email: Enter a valid email address.</a></li></ul></div>
  <form><label for="id_name">Name</label><input id="id_name">
    <label for="id_email">Email</label><input id="id_email" aria-invalid="true"></form>
</main></body></html>"""


@pytest.fixture
def page():
    page = chromium.get().new_page()
    yield page
    page.close()


def test_the_error_summary_takes_the_focus_and_its_links_reach_the_fields(page):
    page.set_content(PAGE)
    page.add_script_tag(path=str(SCRIPT))
    assert page.evaluate("() => document.activeElement.className") == "error-summary"
    page.click(".error-summary a")
    assert page.evaluate("() => document.activeElement.id") == "id_email"


def test_a_page_without_errors_keeps_the_focus_where_it_was(page):
    page.set_content(PAGE.replace('class="error-summary"', 'class="notice"'))
    page.add_script_tag(path=str(SCRIPT))
    assert page.evaluate("() => document.activeElement.tagName") == "BODY"
