"""The training listings in the page cache: served from it to anonymous visitors, and purged
whenever a registration changes the places left on a card."""

import pytest

from literacy.training import services as training
from literacy.training.models import Registration
from tests.cache_hits import cached, fresh

pytestmark = pytest.mark.usefixtures("page_cache_on")


def listings(index):
    return [index.url, index.url + "past/", index.url + "calendar/"]


def test_the_listings_are_kept_in_the_cache(client, training_index, session):
    for url in listings(training_index):
        cached(client, url)


def test_a_registration_purges_the_listings_with_the_places_left(
    client, training_index, session, person, committed
):
    cached(client, training_index.url)
    assert "10 places left" in client.get(training_index.url).content.decode()
    with committed():
        training.register(session, **person())
    assert "9 places left" in fresh(client, training_index.url)
    for url in listings(training_index)[1:]:
        fresh(client, url)


def test_a_cancellation_or_deletion_purges_them_too(client, training_index, session, person, committed):
    with committed():
        training.register(session, **person())
    registration = Registration.objects.get()
    cached(client, training_index.url)
    with committed():
        training.cancel(registration)
    assert "10 places left" in fresh(client, training_index.url)
    cached(client, training_index.url)
    with committed():
        registration.delete()
    fresh(client, training_index.url)
