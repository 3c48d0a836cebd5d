"""Odd but possible input never crashes a page (issue: NUL bytes gave 500s on PostgreSQL).

NUL characters anywhere in a request get the site's 400 page; everything else people can type
(lone surrogates sent as raw bytes, right-to-left overrides, very long text, markup) reaches
the forms and lists, which answer with a page or a validation message, never a 500. Hypothesis
chooses the text; CI runs this on SQLite and PostgreSQL."""

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from feedback.tests.factories import DataRequestPageFactory
from feedback.tests.helpers import request_form_data
from forums.tests.factories import ForumIndexPageFactory
from newsletters.tests.factories import NewsletterIndexPageFactory
from stories.tests.factories import StoryIndexPageFactory

pytestmark = pytest.mark.django_db

ODD = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="\x00\u202e\u202d\u200b\ufeff<>\"'&%;\\", max_size=20),
    st.sampled_from(["\ud800", "a\udfffb", "<script>alert(1)</script>", "1" * 5000, "2024-13", "-1"]),
)
EXAMPLES = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def as_bytes(text):
    """What a browser (or an attacker) can put on the wire, lone surrogates included."""
    return text.encode("utf-8", "surrogatepass")


def query(**params):
    return "&".join(f"{key}={quote_from_bytes(as_bytes(value))}" for key, value in params.items())


def form_body(data):
    return "&".join(f"{key}={quote_from_bytes(as_bytes(str(value)))}" for key, value in data.items())


@pytest.fixture
def site(home_page):
    return {
        "stories": StoryIndexPageFactory(parent=home_page),
        "forums": ForumIndexPageFactory(parent=home_page),
        "newsletter": NewsletterIndexPageFactory(parent=home_page),
        "data_requests": DataRequestPageFactory(parent=home_page),
    }


def test_a_nul_anywhere_gets_the_bad_request_page(client, site):
    for response in (
        client.get("/en/search/", {"q": "prices\x00"}),
        client.get("/en/stories/?topic=%00"),
        client.get("/en/stories/%00/"),
        client.post(site["data_requests"].url, {"what": "figures\x00", "email": "a@example.org"}),
    ):
        assert response.status_code == 400
        assert "Something in the request was not right" in response.content.decode()


@given(text=ODD)
@example(text="x" * 1_000_000)
@EXAMPLES
def test_lists_and_searches_take_any_text(client, superuser_client, site, text):
    for url in ("/en/search/", "/en/stories/", "/en/forums/search/", "/en/newsletter/"):
        for params in ({"q": text}, {"topic": text, "level": text, "format": text, "page": text}):
            assert client.get(f"{url}?{query(**params)}").status_code < 500, (url, params)
    for url in ("/admin/contacts/contact/", "/admin/pages/search/"):
        params = query(q=text, p=text, o=text, nonsense=text, email__regex=text, user_group__in=text)
        assert superuser_client.get(f"{url}?{params}").status_code < 500, url


@given(text=ODD)
@EXAMPLES
def test_public_forms_take_any_text(client, site, text):
    page = site["data_requests"]
    for field in ("what", "name", "organisation", "email", "deadline"):
        body = form_body(request_form_data(page, **{field: text}))
        response = client.post(page.url, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code < 500, field
    body = form_body({"email": text, "name": text, "password1": text, "password2": text, "consent": "on"})
    response = client.post("/en/accounts/signup/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code < 500
    body = form_body({"email": text, "lists": text})
    headers = {"HTTP_ORIGIN": "http://testserver"}
    assert (
        client.post(
            "/en/email/signup/", body, content_type="application/x-www-form-urlencoded", **headers
        ).status_code
        < 500
    )


def test_a_staff_list_with_a_filter_it_does_not_have_shows_the_whole_list(superuser_client):
    response = superuser_client.get("/admin/contacts/contact/?nonsense=1&email__regex=(")
    assert response.status_code == 302
    assert response["Location"] == "/admin/contacts/contact/?e=1"
    page = superuser_client.get(response["Location"])
    assert page.status_code == 200
    assert "That filter or order does not exist here" in page.content.decode()
