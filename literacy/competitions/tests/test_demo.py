"""The demo: one competition open for entries, one closed with winners and a gallery."""

import io

from django.core.management import call_command
from django.utils import timezone

from literacy.competitions.models import CompetitionPage, Entry
from literacy.games.models import GamesIndexPage


def test_the_demo_has_an_open_competition_and_a_finished_one_with_a_gallery(client, demo_site, settings):
    del settings.COMPETITION_ENTRY_ROOT  # the demo's files are where the demo loader put them
    index = GamesIndexPage.objects.get()
    competitions = {page.slug: page for page in CompetitionPage.objects.child_of(index).live()}
    open_one = competitions["school-data-use-competition-2027"]
    finished = competitions["infographic-competition-2026"]
    now = timezone.now()
    assert open_one.is_open(now)
    assert open_one.criteria.count() == 4
    assert open_one.categories.count() == 2
    assert not finished.is_open(now)
    assert finished.results_published
    winners = finished.entries.filter(place__isnull=False).order_by("place")
    assert [entry.place for entry in winners] == [1, 2, 3]
    assert all(entry.moderation == Entry.Moderation.ACCEPTED for entry in winners)
    assert finished.entries.filter(moderation=Entry.Moderation.REJECTED).exists()

    for url in (open_one.url, finished.url, finished.url + "gallery/", index.url):
        assert client.get(url).status_code == 200
    gallery = client.get(finished.url + "gallery/").content.decode()
    assert "Nadia K." in gallery
    assert "Jobs map" not in gallery  # rejected
    for entry in winners.exclude(file=""):
        assert client.get(finished.url + f"gallery/{entry.pk}/file/").status_code == 200


def test_loading_the_demo_again_changes_nothing(demo_site):
    before = (CompetitionPage.objects.count(), Entry.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (CompetitionPage.objects.count(), Entry.objects.count()) == before
