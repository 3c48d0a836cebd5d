"""Entering a competition through the site: who may, until when, what is stored and what is refused."""

import datetime
import re

import pytest
import time_machine
from django.core import mail

from literacy.competitions import entries
from literacy.competitions.models import Entry
from portal.contacts.models import Consent, Contact, Touchpoint, TouchpointKind
from portal.core.vocabularies import UserGroup
from tests.factories import VerifiedUserFactory
from tests.uploads import jpeg_bytes, pdf_bytes, png_bytes, upload, zip_bytes

from .conftest import entry_data, stored_files, subpage
from .factories import CONSENT, CompetitionPageFactory


def post_entry(client, competition, file=None, **overrides):
    data = entry_data(competition, **overrides)
    if file is not None:
        data["file"] = file
    return client.post(subpage(competition, "enter"), data)


def errors_of(response):
    return [str(error) for errors in response.context["form"].errors.values() for error in errors]


# Who may enter


def test_visitors_are_sent_to_sign_in_first(client, competition):
    response = client.get(subpage(competition, "enter"))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    response = client.post(subpage(competition, "enter"), entry_data(competition))
    assert response.status_code == 302
    assert not competition.entries.exists()


def test_the_competition_page_tells_visitors_how_to_enter(client, competition):
    response = client.get(competition.url)
    assert response.status_code == 200
    assert b"Sign in to enter" in response.content
    assert b"Europe/Paris time" in response.content


def test_unverified_accounts_are_told_to_confirm_their_email_and_cannot_enter(
    client, competition, entry_root
):
    client.force_login(VerifiedUserFactory(email_verified=False))
    page = client.get(subpage(competition, "enter"))
    assert b"Confirm your email address" in page.content
    response = post_entry(client, competition, upload(png_bytes()))
    assert response.status_code == 400
    assert any("Confirm your email address" in error for error in errors_of(response))
    assert not competition.entries.exists()
    assert stored_files(entry_root) == []


def test_people_outside_the_audience_are_refused(entrant_client, home_page, entry_root):
    competition = CompetitionPageFactory(eligible_groups=[UserGroup.TEACHERS_AND_STUDENTS])
    response = post_entry(entrant_client, competition, upload(png_bytes()), user_group=UserGroup.MEDIA)
    assert response.status_code == 400
    assert errors_of(response) == ["Sorry, this competition is open to Teachers and students only."]
    assert not competition.entries.exists()
    assert stored_files(entry_root) == []


def test_the_service_refuses_ineligible_people_too(entrant, home_page):
    competition = CompetitionPageFactory(eligible_groups=[UserGroup.TEACHERS_AND_STUDENTS])
    details = {
        "title": "T",
        "description": "D",
        "display_name": "A",
        "user_group": UserGroup.MEDIA,
        "link": "https://x.org",
    }
    with pytest.raises(entries.EntryError, match="open to Teachers and students only"):
        entries.submit(competition, entrant, details=details, consent_wording=CONSENT)


# A good entry


def test_an_entry_with_a_file_is_stored_recorded_and_confirmed_by_email(
    entrant_client, entrant, competition, entry_root, smtp_sink, settings, committed
):
    with committed():
        response = post_entry(entrant_client, competition, upload(png_bytes(), "my chart.png"))
    entry = competition.entries.get()
    assert response.status_code == 302
    assert response["Location"] == subpage(competition, "entry", entry.pk)
    assert (entry.user, entry.email, entry.file_kind, entry.file_name) == (
        entrant,
        "ana@example.org",
        "png",
        "my_chart.png",
    )
    assert entry.team_members == "Ana\nBruno"
    assert entry.moderation == Entry.Moderation.PENDING
    [stored] = stored_files(entry_root)
    assert stored.read_bytes() == png_bytes()
    assert "my chart" not in str(stored)  # the server picks the name
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))

    contact = Contact.objects.get(email="ana@example.org")
    assert entry.contact == contact
    assert contact.user == entrant
    assert contact.organisation == "Riverside School"
    assert Touchpoint.objects.get(contact=contact).kind == TouchpointKind.COMPETITION_ENTRY
    consent = Consent.objects.get(contact=contact)
    assert (consent.purpose, consent.wording, consent.granted) == ("competition_entry", CONSENT, True)

    [message] = smtp_sink.wait_for(1)
    assert message.rcpt_tos == ("ana@example.org",)
    assert message.subject == f"We have received your entry to {competition.title}"
    assert "Where the money goes" in message.text
    assert "Europe/Paris time" in message.text
    assert any(link.endswith(subpage(competition, "entry", entry.pk)) for link in message.links)

    page = entrant_client.get(response["Location"])
    assert page.status_code == 200
    assert b"We received this entry" in page.content
    assert page["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize(
    ("content", "name", "kind"),
    [(jpeg_bytes(), "photo.jpeg", "jpeg"), (pdf_bytes(), "report.pdf", "pdf")],
)
def test_jpeg_and_pdf_entries_are_accepted(entrant_client, competition, content, name, kind):
    assert post_entry(entrant_client, competition, upload(content, name)).status_code == 302
    assert competition.entries.get().file_kind == kind


def test_an_entry_may_be_a_link_alone(entrant_client, competition, entry_root):
    response = post_entry(entrant_client, competition, link="https://example.org/my-entry")
    assert response.status_code == 302
    entry = competition.entries.get()
    assert (entry.link, entry.file.name) == ("https://example.org/my-entry", "")
    assert stored_files(entry_root) == []


# Bad input


def test_an_entry_needs_a_file_or_a_link(entrant_client, competition):
    response = post_entry(entrant_client, competition)
    assert response.status_code == 400
    assert errors_of(response) == ["Upload a file or give a link to your entry."]


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "data:text/html,<script>x</script>", "ftp://example.org/x"]
)
def test_only_web_links_are_accepted(entrant_client, competition, link):
    response = post_entry(entrant_client, competition, link=link)
    assert response.status_code == 400
    assert "http:// or https://" in " ".join(errors_of(response))
    assert not competition.entries.exists()


def test_a_file_that_lies_about_its_type_is_refused_and_not_kept(entrant_client, competition, entry_root):
    response = post_entry(entrant_client, competition, upload(zip_bytes(), "chart.png", "image/png"))
    assert response.status_code == 400
    assert "Archives" in " ".join(errors_of(response))
    assert not competition.entries.exists()
    assert stored_files(entry_root) == []
    # What the person typed is still there
    assert response.context["form"]["title"].value() == "Where the money goes"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "This field is required."),
        ("title", "x" * 151, "Ensure this value has at most 150 characters (it has 151)."),
        ("title", "Two\nlines", "Enter your title on one line."),
        ("display_name", "", "This field is required."),
        ("description", "x" * 3001, "Ensure this value has at most 3000 characters (it has 3001)."),
        ("accept_rules", None, "Please confirm that your entry follows the rules."),
        ("consent", None, "Please agree to this so that we can accept your entry."),
        ("category", "999999", "Select a valid choice. That choice is not one of the available choices."),
    ],
)
def test_bad_fields_are_refused_with_a_clear_message(entrant_client, competition, field, value, message):
    response = post_entry(entrant_client, competition, upload(png_bytes()), **{field: value})
    assert response.status_code == 400
    assert message in errors_of(response)
    assert not competition.entries.exists()


def test_a_category_from_another_competition_is_refused(entrant_client, competition):
    other = CompetitionPageFactory(slug="other")
    response = post_entry(
        entrant_client, competition, upload(png_bytes()), category=str(other.categories.first().pk)
    )
    assert response.status_code == 400
    assert not competition.entries.exists()


def test_html_and_scripts_are_stored_as_text_and_shown_escaped(entrant_client, competition, committed):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    with committed():
        response = post_entry(
            entrant_client,
            competition,
            upload(png_bytes()),
            title=hostile,
            description=hostile,
            display_name=hostile,
            team_members=hostile,
        )
    entry = competition.entries.get()
    assert entry.title == entry.description == hostile
    page = entrant_client.get(response["Location"])
    assert b"<script>alert" not in page.content
    assert b"<img src=x" not in page.content
    assert b"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page.content
    [message] = mail.outbox
    assert "<script>" not in message.alternatives[0][0]


def test_a_changed_consent_wording_is_asked_again(entrant_client, competition):
    response = post_entry(entrant_client, competition, upload(png_bytes()), consent_version="stale")
    assert response.status_code == 400
    assert any("wording of this agreement changed" in error for error in errors_of(response))
    assert not competition.entries.exists()


def test_nothing_is_kept_when_recording_the_entry_fails(entrant_client, competition, entry_root, monkeypatch):
    def broken(*args, **kwargs):
        Contact.objects.create(email="half@example.org")
        raise RuntimeError("database went away")

    monkeypatch.setattr(entries, "record_touchpoint", broken)
    with pytest.raises(RuntimeError):
        post_entry(entrant_client, competition, upload(png_bytes()))
    assert not competition.entries.exists()
    assert not Contact.objects.filter(email="half@example.org").exists()
    assert stored_files(entry_root) == []
    assert mail.outbox == []


def test_entries_beyond_the_allowed_number_are_refused(entrant_client, home_page, entry_root):
    competition = CompetitionPageFactory(max_entries_per_person=2)
    assert post_entry(entrant_client, competition, upload(png_bytes())).status_code == 302
    assert post_entry(entrant_client, competition, upload(jpeg_bytes())).status_code == 302
    response = post_entry(entrant_client, competition, upload(pdf_bytes(), "third.pdf"))
    assert response.status_code == 400
    assert b"the most this competition allows" in response.content
    assert competition.entries.count() == 2
    assert len(stored_files(entry_root)) == 2


def test_the_limit_message_is_shown_when_the_form_is_posted_again(entrant_client, competition):
    assert post_entry(entrant_client, competition, upload(png_bytes())).status_code == 302
    response = post_entry(entrant_client, competition, upload(png_bytes()))
    assert response.status_code == 400
    assert any("the most this competition allows" in error for error in errors_of(response))
    page = entrant_client.get(competition.url)
    assert b"the most this competition allows" in page.content


def test_a_withdrawn_entry_frees_its_place_under_the_limit(entrant_client, competition):
    post_entry(entrant_client, competition, upload(png_bytes()))
    entry = competition.entries.get()
    entrant_client.post(subpage(competition, "withdraw", entry.pk))
    assert post_entry(entrant_client, competition, upload(png_bytes()), title="Second go").status_code == 302
    assert competition.entries.filter(withdrawn_at__isnull=True).get().title == "Second go"


def test_entering_is_rate_limited(entrant_client, home_page, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "competition_entry": "2/m/user"}
    competition = CompetitionPageFactory(max_entries_per_person=5)
    statuses = [
        post_entry(entrant_client, competition, link=f"https://example.org/{n}").status_code for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert competition.entries.count() == 2


# The deadline, to the second


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [(-1, True), (0, False), (1, False)],
    ids=["a second before", "at the deadline", "a second after"],
)
def test_entries_close_at_the_deadline_to_the_second(
    entrant_client, competition, entry_root, offset, accepted
):
    with time_machine.travel(competition.closes_at + datetime.timedelta(seconds=offset), tick=False):
        response = post_entry(entrant_client, competition, upload(png_bytes()))
    assert competition.entries.exists() is accepted
    if accepted:
        assert response.status_code == 302
    else:
        assert response.status_code == 409
        assert b"Entries closed on" in response.content
        assert stored_files(entry_root) == []


def test_entries_are_refused_before_they_open(entrant_client, home_page):
    competition = CompetitionPageFactory()
    with time_machine.travel(competition.opens_at - datetime.timedelta(seconds=1), tick=False):
        response = post_entry(entrant_client, competition, upload(png_bytes()))
        page = entrant_client.get(competition.url)
    assert response.status_code == 409
    assert b"Entries open on" in page.content
    assert not competition.entries.exists()


# Editing and withdrawing


@pytest.fixture
def own_entry(entrant_client, competition):
    post_entry(entrant_client, competition, upload(png_bytes()))
    return competition.entries.get()


def test_the_entrant_can_change_their_entry_and_replace_its_file(
    entrant_client, competition, own_entry, entry_root, committed
):
    [old_file] = stored_files(entry_root)
    new_content = pdf_bytes()
    data = entry_data(competition, title="Where the money went", file=upload(new_content, "v2.pdf"))
    with committed():
        response = entrant_client.post(subpage(competition, "edit", own_entry.pk), data)
    assert response.status_code == 302
    own_entry.refresh_from_db()
    assert (own_entry.title, own_entry.file_kind, own_entry.file_name) == (
        "Where the money went",
        "pdf",
        "v2.pdf",
    )
    [new_file] = stored_files(entry_root)
    assert new_file != old_file
    assert new_file.read_bytes() == new_content
    [message] = mail.outbox
    assert message.subject == f"Your entry to {competition.title} has been updated"


def test_editing_keeps_the_file_when_none_is_uploaded(entrant_client, competition, own_entry, entry_root):
    page = entrant_client.get(subpage(competition, "edit", own_entry.pk))
    assert page.context["form"]["title"].value() == "Where the money goes"
    assert "consent" not in page.context["form"].fields
    response = entrant_client.post(
        subpage(competition, "edit", own_entry.pk), entry_data(competition, title="New")
    )
    assert response.status_code == 302
    own_entry.refresh_from_db()
    assert own_entry.title == "New"
    assert own_entry.file_kind == "png"
    assert len(stored_files(entry_root)) == 1


def test_a_bad_replacement_file_leaves_the_entry_as_it_was(
    entrant_client, competition, own_entry, entry_root
):
    before = stored_files(entry_root)
    data = entry_data(competition, title="Changed", file=upload(b"%PDF-1.4 not really", "v2.pdf"))
    response = entrant_client.post(subpage(competition, "edit", own_entry.pk), data)
    assert response.status_code == 400
    own_entry.refresh_from_db()
    assert own_entry.title == "Where the money goes"
    assert stored_files(entry_root) == before


def test_editing_after_the_deadline_is_refused(entrant_client, competition, own_entry):
    with time_machine.travel(competition.closes_at + datetime.timedelta(seconds=1), tick=False):
        response = entrant_client.post(
            subpage(competition, "edit", own_entry.pk), entry_data(competition, title="Too late")
        )
        detail = entrant_client.get(subpage(competition, "entry", own_entry.pk))
    assert response.status_code == 409
    own_entry.refresh_from_db()
    assert own_entry.title == "Where the money goes"
    assert b"can no longer be changed or withdrawn" in detail.content
    assert b"Change this entry" not in detail.content


def test_the_entrant_can_withdraw_until_the_deadline(
    entrant_client, competition, own_entry, entry_root, committed
):
    confirm = entrant_client.get(subpage(competition, "withdraw", own_entry.pk))
    assert b"Yes, withdraw my entry" in confirm.content
    own_entry.refresh_from_db()
    assert not own_entry.is_withdrawn  # a GET changes nothing

    with committed():
        response = entrant_client.post(subpage(competition, "withdraw", own_entry.pk))
    assert response.status_code == 302
    own_entry.refresh_from_db()
    assert own_entry.is_withdrawn
    assert own_entry.file.name == ""
    assert stored_files(entry_root) == []
    [message] = mail.outbox
    assert message.subject == f"You have withdrawn your entry to {competition.title}"
    # Twice changes nothing
    with committed():
        assert entrant_client.post(subpage(competition, "withdraw", own_entry.pk)).status_code == 302
    assert len(mail.outbox) == 1


def test_withdrawing_after_the_deadline_is_refused(entrant_client, competition, own_entry, entry_root):
    with time_machine.travel(competition.closes_at + datetime.timedelta(seconds=1), tick=False):
        response = entrant_client.post(subpage(competition, "withdraw", own_entry.pk))
    assert response.status_code == 409
    own_entry.refresh_from_db()
    assert not own_entry.is_withdrawn
    assert len(stored_files(entry_root)) == 1


@pytest.mark.parametrize("route", ["entry", "edit", "withdraw", "own_file"])
def test_other_peoples_entries_are_not_found(client, competition, own_entry, route):
    client.force_login(VerifiedUserFactory())
    assert client.get(subpage(competition, route, own_entry.pk)).status_code == 404
    assert client.post(subpage(competition, "withdraw", own_entry.pk)).status_code == 404
    own_entry.refresh_from_db()
    assert not own_entry.is_withdrawn


def test_the_entrant_can_download_their_own_file(entrant_client, competition, own_entry):
    response = entrant_client.get(subpage(competition, "own_file", own_entry.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == png_bytes()
    assert "no-cache" in response["Cache-Control"]


def test_the_competition_page_lists_the_entrants_own_entries(entrant_client, competition, own_entry):
    page = entrant_client.get(competition.url)
    assert re.search(rb"Your entries", page.content)
    assert subpage(competition, "entry", own_entry.pk).encode() in page.content
    assert "no-cache" in page["Cache-Control"]
