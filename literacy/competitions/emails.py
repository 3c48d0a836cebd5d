"""Emails to entrants: received, updated and withdrawn, each sent by a background task.

Each kind is three templates, competitions/emails/<kind>_subject.txt, <kind>.txt and
<kind>.html. The task reads the entry afresh, so it needs only its id, and a slow mail server
never holds up the person's request. It writes in the entrant's language (their contact's).
"""

from django_tasks import task

from portal.contacts.services import in_language_of
from portal.core.mail import named_address, single_line, site_root_url, templated_message

from .templatetags.competition_tags import in_zone

KINDS = ("received", "updated", "withdrawn")


def check_kind(kind):
    if kind not in KINDS:
        raise ValueError(f"Not a competition email kind: {kind!r}.")


def build_entry_email(entry, kind):
    check_kind(kind)
    competition = entry.competition
    competition_url = competition.get_full_url() or ""
    context = {
        "entry": entry,
        "competition": competition,
        "name": single_line(entry.display_name),
        "root_url": site_root_url(),
        "competition_url": competition_url,
        "entry_url": competition_url + competition.reverse_subpage("entry", args=[entry.pk]),
        "closes": in_zone(competition.closes_at, competition),
        "announced": in_zone(competition.winners_announced_at, competition),
    }
    return templated_message(
        f"competitions/emails/{kind}", context, named_address(entry.display_name, entry.email)
    )


@task()
def send_entry_email_task(entry_id, kind):
    from .models import Entry

    entry = Entry.objects.select_related("competition", "category").filter(pk=entry_id).first()
    if entry is None:  # deleted before the task ran
        return False
    with in_language_of(entry.email):
        build_entry_email(entry, kind).send()
    return True


def send_entry_email(entry, kind):
    """Queue one email of `kind` to the entrant; inside a transaction, call it from on_commit."""
    check_kind(kind)
    return send_entry_email_task.enqueue(entry.pk, kind)
