"""The entry service: submit, edit and withdraw, each all-or-nothing and only while entries are open.

Every change locks the competition's row first (select_for_update), so two submissions from
one person cannot both slip under the entry limit, and the deadline is checked by the
server's clock inside that transaction. A file is written to storage as part of the change;
if the change fails, the file is removed again, and a replaced or withdrawn file is deleted
only once the change has committed. The confirmation email is queued on commit.
"""

from contextlib import contextmanager

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint
from portal.core.mail import single_line

from .emails import send_entry_email
from .models import CompetitionPage, Entry
from .templatetags.competition_tags import in_zone

CONSENT_PURPOSE = "competition_entry"
TEXT_FIELDS = ("title", "description", "team_members", "organisation", "display_name")


class EntryError(ValueError):
    """A change the person cannot make; str() is a message fit to show them."""


class EntriesClosed(EntryError):
    pass


def closed_reason(competition, now=None):
    """Why nobody can enter now (a sentence for the page), or "" while entries are open."""
    now = now or timezone.now()
    if not competition.has_opened(now):
        return gettext("Entries open on %(date)s.") % {"date": in_zone(competition.opens_at, competition)}
    if not competition.is_open(now):
        return gettext("Entries closed on %(date)s.") % {"date": in_zone(competition.closes_at, competition)}
    return ""


def has_verified_email(user):
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def active_entries(competition, user):
    return Entry.objects.filter(competition=competition, user=user, withdrawn_at__isnull=True)


def entries_left(competition, user):
    return max(competition.max_entries_per_person - active_entries(competition, user).count(), 0)


def _clean_text(details):
    """Plain text as typed, trimmed; one-line fields lose any line breaks."""
    cleaned = dict(details)
    for field in TEXT_FIELDS:
        if field in cleaned:
            value = str(cleaned[field]).strip()
            cleaned[field] = value if field in ("description", "team_members") else single_line(value)
    return cleaned


def _lock_open_competition(competition):
    locked = CompetitionPage.objects.select_for_update(of=("self",)).get(pk=competition.pk)
    reason = closed_reason(locked)
    if reason:
        raise EntriesClosed(reason)
    return locked


@contextmanager
def _file_kept_only_on_success(entry):
    """Remove a newly stored file when the change around it fails."""
    stored_before = entry.file.name if entry.pk else None
    try:
        yield
    except BaseException:
        if entry.file and entry.file.name != stored_before:
            entry.file.storage.delete(entry.file.name)
        raise


def _attach(entry, checked_file, upload):
    entry.file_kind = checked_file.kind
    entry.file_name = checked_file.name
    entry.file_size = checked_file.size
    entry.file.save("entry", upload, save=False)


def _delete_file_on_commit(storage, name):
    if name:
        transaction.on_commit(lambda: storage.delete(name), robust=True)


def _email_on_commit(entry, kind):
    transaction.on_commit(lambda: send_entry_email(entry, kind), robust=True)


def submit(competition, user, *, details, checked_file=None, upload=None, consent_wording, source=""):
    """Store a new entry for `user` and record them in the user database; returns the entry.

    Raises EntryError (with a message for the person) when they cannot enter: entries closed,
    unverified email, an audience the competition is not for, or no entries left.
    """
    details = _clean_text(details)
    if not has_verified_email(user):
        raise EntryError(
            gettext("Confirm your email address before you enter: we sent you a link when you signed up.")
        )
    if not competition.admits(details["user_group"]):
        raise EntryError(competition.ineligible_message())
    if not consent_wording:
        raise EntryError(gettext("An entry needs the consent the person gave."))
    entry = Entry(
        competition=competition, user=user, email=user.email, consent_wording=consent_wording, **details
    )
    if not (upload or entry.link):
        raise EntryError(gettext("Upload a file or give a link to your entry."))
    with _file_kept_only_on_success(entry), transaction.atomic():
        competition = _lock_open_competition(competition)
        if entries_left(competition, user) <= 0:
            limit = competition.max_entries_per_person
            raise EntryError(
                ngettext(
                    "You have already sent %(count)d entry, the most this competition allows. "
                    "You can edit or withdraw an entry until entries close.",
                    "You have already sent %(count)d entries, the most this competition allows. "
                    "You can edit or withdraw an entry until entries close.",
                    limit,
                )
                % {"count": limit}
            )
        if upload:
            _attach(entry, checked_file, upload)
        entry.contact = record_touchpoint(
            user.email,
            kind=TouchpointKind.COMPETITION_ENTRY,
            source=source,
            detail=f"{competition.title}: {entry.title}",
            consent=ConsentGiven(purpose=CONSENT_PURPOSE, wording=consent_wording),
            user=user,
            organisation=entry.organisation,
            user_group=entry.user_group,
        )
        entry.save()
        _email_on_commit(entry, "received")
    return entry


def edit(entry, *, details, checked_file=None, upload=None):
    """Change an entry before the deadline; a new file replaces the old one."""
    details = _clean_text(details)
    if not entry.competition.admits(details["user_group"]):
        raise EntryError(entry.competition.ineligible_message())
    with _file_kept_only_on_success(entry), transaction.atomic():
        _lock_open_competition(entry.competition)
        current = Entry.objects.select_for_update().get(pk=entry.pk)
        if current.is_withdrawn:
            raise EntryError(gettext("This entry has been withdrawn; send a new entry instead."))
        for field, value in details.items():
            setattr(entry, field, value)
        if not (upload or entry.file or entry.link):
            raise EntryError(gettext("Upload a file or give a link to your entry."))
        old_file = current.file.name
        if upload:
            _attach(entry, checked_file, upload)
            _delete_file_on_commit(entry.file.storage, old_file)
        entry.updated_at = timezone.now()
        entry.save()
        _email_on_commit(entry, "updated")
    return entry


def withdraw(entry):
    """Take an entry out before the deadline; its file is deleted. Withdrawing twice changes nothing."""
    with transaction.atomic():
        _lock_open_competition(entry.competition)
        current = Entry.objects.select_for_update().get(pk=entry.pk)
        if current.is_withdrawn:
            return current
        _delete_file_on_commit(current.file.storage, current.file.name)
        current.withdrawn_at = timezone.now()
        current.file = ""
        current.file_kind = current.file_name = ""
        current.file_size = 0
        current.save(update_fields=["withdrawn_at", "file", "file_kind", "file_name", "file_size"])
        _email_on_commit(current, "withdrawn")
    return current
