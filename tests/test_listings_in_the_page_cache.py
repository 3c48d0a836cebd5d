"""Listings and pages with no form and nothing personal are kept whole for anonymous visitors
(and by the HTTP cache in front): the module listing, a consultation listing, "You said, we did",
a newsletter issue and the data finder. A visitor with a session (progress, a signed-in member)
is never served a stored copy, and a release retires the finder's."""

import pytest
from django.utils import timezone

from consultations.tests.factories import ConsultationIndexPageFactory
from datasets.signals import publish_version
from datasets.tests.factories import DatasetVersionFactory
from feedback.tests.factories import YouSaidWeDidPageFactory
from literacy.modules.tests.factories import ModuleIndexPageFactory
from newsletters.tests.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory

pytestmark = pytest.mark.usefixtures("page_cache_on")


@pytest.fixture
def pages(home_page):
    newsletters = NewsletterIndexPageFactory(parent=home_page)
    return [
        ModuleIndexPageFactory(parent=home_page).url,
        ConsultationIndexPageFactory(parent=home_page).url,
        YouSaidWeDidPageFactory(parent=home_page).url,
        NewsletterIssuePageFactory(parent=newsletters).url,
        "/en/data/",
    ]


def test_a_repeat_anonymous_visit_is_served_from_the_cache(client, pages):
    for url in pages:
        first, second = client.get(url), client.get(url)
        assert (first.status_code, second.status_code) == (200, 200), url
        assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT"), url
        assert not first.cookies and second.content == first.content, url


def test_a_visitor_with_a_session_is_never_served_a_stored_copy(client, pages, django_user_model):
    for url in pages:
        client.get(url)
    client.force_login(
        django_user_model.objects.create_user("learner@example.org", password="x-Strong-pass-1")
    )
    for url in pages:
        assert "X-Cache" not in client.get(url), url


def test_a_release_retires_the_stored_finder(client, home_page, committed):
    client.get("/en/data/")
    assert client.get("/en/data/")["X-Cache"] == "HIT"
    with committed():
        publish_version(DatasetVersionFactory(published_at=None), at=timezone.now())
    assert client.get("/en/data/")["X-Cache"] == "MISS"
