"""The public gallery and winners: accepted entries only, entrants' chosen names only, files checked."""

import pytest
from bs4 import BeautifulSoup

from literacy.competitions.models import Entry
from tests.queries import queries_for
from tests.uploads import png_bytes

from .conftest import subpage
from .factories import CompetitionPageFactory, EntryFactory


def test_the_gallery_shows_only_accepted_entries_under_their_public_names(client, competition):
    EntryFactory(
        competition=competition,
        title="Accepted chart",
        display_name="Piotr W.",
        email="piotr@example.org",
        organisation="Secret Organisation Ltd",
        moderation=Entry.Moderation.ACCEPTED,
    )
    EntryFactory(competition=competition, title="Pending chart")
    EntryFactory(competition=competition, title="Rejected chart", moderation=Entry.Moderation.REJECTED)
    withdrawn = EntryFactory(
        competition=competition, title="Withdrawn chart", moderation=Entry.Moderation.ACCEPTED
    )
    withdrawn.withdrawn_at = withdrawn.created_at
    withdrawn.save()

    response = client.get(subpage(competition, "gallery"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Accepted chart" in content
    for hidden in (
        "Pending chart",
        "Rejected chart",
        "Withdrawn chart",
        "piotr@example.org",
        "Secret Organisation",
    ):
        assert hidden not in content
    assert "By Piotr W." in content


def test_an_image_entry_is_named_and_described_for_screen_readers(client, competition):
    """An infographic carries information: its title names it and its description describes it."""
    entry = EntryFactory(
        competition=competition, title="Prices <in> one glance", description="Twelve bars, one per month."
    )
    entry.moderation = Entry.Moderation.ACCEPTED
    entry.save()
    html = BeautifulSoup(client.get(subpage(competition, "gallery")).content, "html.parser")
    image = html.select_one("img.entry-card__image")
    assert image["alt"] == "Prices <in> one glance"
    described_by = html.find(id=image["aria-describedby"])
    assert described_by.get_text(strip=True) == "Twelve bars, one per month."


def test_an_empty_gallery_says_so(client, competition):
    response = client.get(subpage(competition, "gallery"))
    assert b"No entries are in the gallery yet" in response.content


def test_the_gallery_filters_by_category_and_ignores_unknown_values(client, competition):
    infographic, story = competition.categories.all()
    EntryFactory(
        competition=competition,
        title="An infographic",
        category=infographic,
        moderation=Entry.Moderation.ACCEPTED,
    )
    EntryFactory(
        competition=competition, title="A data story", category=story, moderation=Entry.Moderation.ACCEPTED
    )
    filtered = client.get(subpage(competition, "gallery") + f"?category={story.pk}").content.decode()
    assert "A data story" in filtered
    assert "An infographic" not in filtered
    for junk in ("abc", "999999", "1%27%20OR%201=1"):
        everything = client.get(subpage(competition, "gallery") + f"?category={junk}")
        assert everything.status_code == 200
        assert b"An infographic" in everything.content


def test_winners_appear_only_once_results_are_published(client, competition):
    EntryFactory(competition=competition, title="The winner", moderation=Entry.Moderation.ACCEPTED, place=1)
    EntryFactory(competition=competition, title="Runner-up", moderation=Entry.Moderation.ACCEPTED, place=2)
    before = client.get(competition.url).content.decode()
    assert 'id="winners-heading"' not in before
    assert "First place" not in client.get(subpage(competition, "gallery")).content.decode()

    competition.results_published = True
    competition.save_revision().publish()
    page = client.get(competition.url).content.decode()
    assert (
        page.index("First place")
        < page.index("The winner")
        < page.index("Second place")
        < page.index("Runner-up")
    )
    gallery = client.get(subpage(competition, "gallery")).content.decode()
    assert gallery.index("The winner") < gallery.index("Runner-up")


def test_only_accepted_entries_can_hold_a_place(competition):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        EntryFactory(competition=competition, place=1)


def test_files_of_accepted_entries_are_served_and_others_are_not(client, competition):
    accepted = EntryFactory(competition=competition, moderation=Entry.Moderation.ACCEPTED)
    pending = EntryFactory(competition=competition)
    rejected = EntryFactory(competition=competition, moderation=Entry.Moderation.REJECTED)
    response = client.get(subpage(competition, "gallery_file", accepted.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == png_bytes()
    for hidden in (pending, rejected):
        assert client.get(subpage(competition, "gallery_file", hidden.pk)).status_code == 404
        assert client.get(subpage(competition, "own_file", hidden.pk)).status_code == 404


def test_pdfs_are_downloaded_not_opened_in_the_page(client, competition):
    entry = EntryFactory(competition=competition, file_kind="pdf", moderation=Entry.Moderation.ACCEPTED)
    response = client.get(subpage(competition, "gallery_file", entry.pk))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="entry-{entry.pk}.pdf"'


def test_an_entry_of_another_competition_is_not_served_here(client, competition):
    other = CompetitionPageFactory(slug="other")
    entry = EntryFactory(competition=other, category=None, moderation=Entry.Moderation.ACCEPTED)
    assert client.get(subpage(competition, "gallery_file", entry.pk)).status_code == 404
    assert client.get(subpage(other, "gallery_file", entry.pk)).status_code == 200


def test_entry_files_have_no_public_media_address(competition, settings, entry_root):
    entry = EntryFactory(competition=competition, moderation=Entry.Moderation.ACCEPTED)
    assert entry.file.path.startswith(str(entry_root))
    assert not entry.file.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError, match="no public URL"):
        entry.file.url  # noqa: B018


def test_gallery_queries_do_not_grow_with_the_number_of_entries(client, competition):
    url = subpage(competition, "gallery")
    EntryFactory(competition=competition, moderation=Entry.Moderation.ACCEPTED, place=1)
    EntryFactory(
        competition=competition,
        file_kind="pdf",
        moderation=Entry.Moderation.ACCEPTED,
        link="https://example.org/a",
    )
    competition.results_published = True
    competition.save_revision().publish()
    few = queries_for(client, url)
    page_few = queries_for(client, competition.url)
    for number in range(20):
        EntryFactory(
            competition=competition,
            title=f"Entry {number}",
            file_kind="pdf" if number % 2 else "png",
            moderation=Entry.Moderation.ACCEPTED,
            place=number + 2 if number < 5 else None,
        )
    assert queries_for(client, url) == few
    assert queries_for(client, competition.url) == page_few
