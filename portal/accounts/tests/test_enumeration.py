"""Sign-up and password reset give the same answer whether or not an address has an account,
and do the same work (a password hash, one queued email), so neither the page nor its timing
tells an attacker who is registered."""

import re
from unittest import mock

import pytest
from django.contrib.auth import hashers
from django.urls import reverse

from portal.accounts.tests.helpers import signup_data
from tests.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db

KNOWN = "known@example.org"
UNKNOWN = "unknown@example.org"


def visible(response, email):
    html = response.content.decode().replace(email, "EMAIL")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def counted_hashing():
    """Counts passwords hashed with the site's hasher, however the caller reached it."""
    hasher = type(hashers.get_hasher())
    return mock.patch.object(hasher, "encode", autospec=True, side_effect=hasher.encode)


@pytest.fixture
def known_account(home_page):
    return VerifiedUserFactory(email=KNOWN)


def test_sign_up_answers_the_same_for_a_registered_address(client, known_account, mailoutbox):
    answers, hashes = {}, {}
    for email in (KNOWN, UNKNOWN):
        with counted_hashing() as hashing:
            response = client.post(reverse("account_signup"), signup_data(email=email), follow=True)
        answers[email] = (response.redirect_chain, visible(response, email))
        hashes[email] = hashing.call_count
        client.logout()
    assert answers[KNOWN] == answers[UNKNOWN]
    assert hashes[KNOWN] == hashes[UNKNOWN] >= 1
    assert sorted(message.to[0] for message in mailoutbox) == [KNOWN, UNKNOWN]


def test_password_reset_answers_the_same_for_an_unknown_address(client, known_account, mailoutbox):
    answers = {}
    for email in (KNOWN, UNKNOWN):
        response = client.post("/en/accounts/password/reset/", {"email": email}, follow=True)
        answers[email] = (response.redirect_chain, visible(response, email))
    assert answers[KNOWN] == answers[UNKNOWN]
    assert sorted(message.to[0] for message in mailoutbox) == [KNOWN, UNKNOWN]
