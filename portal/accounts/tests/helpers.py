"""Shared steps for the account tests: what a person types, and reading what comes back."""

import re

from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import PASSWORD


def signup_data(**overrides):
    """What a person types into the sign-up form; None leaves a field out (e.g. an unticked box)."""
    data = {
        "email": "ana@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "name": "Ana Silva",
        "user_group": "researchers",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def sign_up(client, **overrides):
    return client.post(reverse("account_signup"), signup_data(**overrides))


def sign_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def signed_in_user_id(client):
    value = client.session.get("_auth_user_id")
    return int(value) if value is not None else None


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(response):
    """The page's visible text, whitespace collapsed, for asserting on messages."""
    return re.sub(r"\s+", " ", soup(response).get_text(" ")).strip()


def link_to(message, path_prefix):
    """The one link in an email whose path starts with `path_prefix`."""
    matches = [link for link in message.links if path_prefix in link]
    assert len(matches) == 1, f"Expected one {path_prefix} link in: {message.text}"
    return matches[0]
