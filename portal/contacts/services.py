"""The one way into the user database."""

from dataclasses import dataclass

from django.db import transaction

from .models import Consent, Contact, Touchpoint

PROFILE_FIELDS = ("name", "user_group", "organisation", "region", "literacy_level")


@dataclass(frozen=True)
class ConsentGiven:
    purpose: str
    wording: str
    granted: bool = True


def normalise_email(email):
    return email.strip().lower()


def record_touchpoint(email, *, kind, source="", detail="", consent=None, user=None, topics=(), **profile):
    """Find or create the contact for `email`, log the touchpoint and any consent.

    Profile values fill blanks and update what the person has told us again; empty values
    never erase what we know. Safe under concurrent calls for the same address: the
    unique email decides, and the loser of the race reads the winner's row.
    """
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown contact fields: {', '.join(sorted(unknown))}")
    address = normalise_email(email)
    if not address:
        raise ValueError("A touchpoint needs an email address.")
    with transaction.atomic():
        contact, _ = Contact.objects.get_or_create(email=address)
        contact = Contact.objects.select_for_update().get(pk=contact.pk)
        changed = [field for field, value in profile.items() if value and getattr(contact, field) != value]
        for field in changed:
            setattr(contact, field, profile[field])
        if user is not None and contact.user_id is None:
            contact.user = user
            changed.append("user")
        if changed:
            contact.save(update_fields=[*changed, "updated_at"])
        if topics:
            contact.topics.add(*topics)
        Touchpoint.objects.create(contact=contact, kind=kind, source=source[:500], detail=detail[:500])
        if consent is not None:
            Consent.objects.create(
                contact=contact, purpose=consent.purpose, wording=consent.wording, granted=consent.granted
            )
    return contact
