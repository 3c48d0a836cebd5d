"""Hints are read out with their field: the password rules (a list) sit in an element the
password field references, not in a paragraph a browser closes before the list."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/en/accounts/signup/", "/en/accounts/password/reset/"])
def test_every_hint_is_a_block_the_field_refers_to(client, home_page, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    for field in html.select("main input:not([type=hidden]), main select, main textarea"):
        hint = html.find(id=f"{field['id']}_helptext")
        if hint is None:
            continue
        assert hint.name == "div", f"{field['id']}: a hint with lists inside must not be a <p>"
        assert hint["id"] in field.get("aria-describedby", "").split()


def test_the_password_rules_are_inside_the_hint(client, home_page):
    html = BeautifulSoup(client.get("/en/accounts/signup/").content, "html.parser")
    hint = html.find(id="id_password1_helptext")
    assert hint.select("li"), "the rules are a list inside the hint"
    assert "at least" in hint.get_text()
