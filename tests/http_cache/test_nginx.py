"""The production HTTP cache (deploy/nginx/) in front of the app, with a real nginx: anonymous
pages come from nginx without Python, nothing personal or cookie-bearing is ever stored, and a
publication shows through it within seconds."""

import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils.module_loading import import_string

from home.tests.factories import StandardPageFactory
from portal.core.language_urls import with_language, without_language
from tests.factories import UserFactory

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "deploy"))
from nginx_cache import LocalNginx

pytestmark = pytest.mark.usefixtures("page_cache_on")


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def cache(self):
        return self.headers.get("X-HTTP-Cache")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url, data=None, **headers):
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.build_opener(NoRedirect()).open(request, timeout=30) as response:
            return Answer(response.status, response.headers, response.read().decode())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read().decode())


@pytest.fixture
def nginx(live_site):
    with LocalNginx(live_site.url.removeprefix("http://")) as server:
        yield server


@pytest.fixture
def page(nginx, home_page):
    return StandardPageFactory(parent=home_page, title="Household income 2025", slug="income")


def signed_in_session(user):
    store = import_string(settings.SESSION_ENGINE + ".SessionStore")()
    store.update(
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[0],
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
    )
    store.create()
    return store.session_key


def test_an_anonymous_page_is_served_by_nginx_after_the_first_view(nginx, page):
    first = get(nginx.url + page.url)
    second = get(nginx.url + page.url)
    assert (first.status, first.cache) == (200, "MISS")
    assert (second.status, second.cache) == (200, "HIT")
    assert second.body == first.body
    assert "Household income 2025" in second.body
    assert "Set-Cookie" not in second.headers


def test_a_visitor_with_a_session_always_reaches_the_app_and_is_never_stored(nginx, page):
    session = signed_in_session(UserFactory())
    get(nginx.url + page.url)  # the anonymous copy is stored
    personal = get(nginx.url + page.url, Cookie=f"sessionid={session}")
    assert personal.cache == "BYPASS"
    assert "Your account" in personal.body
    anonymous = get(nginx.url + page.url)
    assert anonymous.cache == "HIT"
    assert "Your account" not in anonymous.body and "Sign in" in anonymous.body


def test_an_answer_that_sets_a_cookie_is_never_stored(nginx):
    answers = [get(nginx.url + "/en/accounts/login/") for _ in range(3)]
    assert [answer.status for answer in answers] == [200, 200, 200]
    assert all(answer.cache == "MISS" for answer in answers)
    tokens = {re.search(r"csrftoken=([^;]+)", answer.headers["Set-Cookie"]).group(1) for answer in answers}
    assert len(tokens) == 3, "each visitor gets a CSRF token of their own"


def test_a_page_the_app_does_not_mark_public_is_never_stored(nginx, page, monkeypatch):
    monkeypatch.setattr(type(page), "cache_anonymous_responses", False)
    answers = [get(nginx.url + page.url) for _ in range(2)]
    assert "public" not in answers[0].headers.get("Cache-Control", "")
    assert [answer.cache for answer in answers] == ["MISS", "MISS"]


def test_a_form_with_errors_is_never_served_to_anyone_else(nginx):
    form = get(nginx.url + "/en/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.body).group(1)
    cookie = re.search(r"csrftoken=([^;]+)", form.headers["Set-Cookie"]).group(1)
    fields = {"csrfmiddlewaretoken": token, "login": "nobody@example.org", "password": "wrong-password-1"}
    refused = get(
        nginx.url + "/en/accounts/login/",
        data=urllib.parse.urlencode(fields).encode(),
        Cookie=f"csrftoken={cookie}",
        Origin=nginx.url,
        Referer=nginx.url + "/en/accounts/login/",
    )
    assert refused.status == 200 and "not correct" in refused.body
    assert refused.cache in (None, "BYPASS")
    after = get(nginx.url + "/en/accounts/login/")
    assert "not correct" not in after.body


def test_a_publication_shows_through_the_cache_within_seconds(nginx, page):
    get(nginx.url + page.url)
    assert get(nginx.url + page.url).cache == "HIT"
    page.title = "Household income 2025 (revised)"
    page.save_revision().publish()
    deadline = time.monotonic() + 10
    while "(revised)" not in (body := get(nginx.url + page.url).body) and time.monotonic() < deadline:
        time.sleep(0.25)
    assert "Household income 2025 (revised)" in body


def test_each_language_gets_its_own_copy_from_nginx(nginx, page):
    """A prefixed address names its language: one copy whatever the visitor's headers, and never
    another language's. An old address goes on to the visitor's language and is never kept."""
    english = [
        get(nginx.url + page.url, **{"Accept-Language": "fr"}),
        get(nginx.url + page.url, **{"Accept-Language": "ar"}),
    ]
    arabic_address = nginx.url + with_language(without_language(page.url), "ar")
    arabic = [get(arabic_address, **{"Accept-Language": "en-GB"}) for _ in range(2)]
    assert [answer.cache for answer in english + arabic] == ["MISS", "HIT", "MISS", "HIT"]
    assert all('<html lang="en-GB" dir="ltr"' in answer.body for answer in english)
    assert all('<html lang="ar" dir="rtl"' in answer.body for answer in arabic)
    old_path = without_language(page.url)
    old_address = nginx.url + old_path
    to_french = get(old_address, **{"Accept-Language": "fr"})
    to_arabic = get(old_address, **{"Accept-Language": "fr", "Cookie": "django_language=ar"})
    assert (to_french.status, to_french.headers["Location"]) == (301, with_language(old_path, "fr"))
    assert (to_arabic.status, to_arabic.headers["Location"]) == (301, with_language(old_path, "ar"))
    assert to_french.cache in (None, "MISS", "BYPASS") and to_arabic.cache in (None, "MISS", "BYPASS")
