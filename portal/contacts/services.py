"""The one way into the user database."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
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


def owns_address(user, address):
    """Whether a signed-in account has proved that it receives mail at `address`."""
    if user is None or not user.is_authenticated or normalise_email(user.email) != address:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=address, verified=True).exists()


def record_touchpoint(
    email, *, kind, source="", detail="", consent=None, user=None, verified=False, topics=(), **profile
):
    """Find or create the contact for `email`, log the touchpoint and any consent.

    Anyone can type any address into a public form, so profile values from an unproven source
    only fill blanks. They update what we know when the person proved the address is theirs:
    signed in with it verified, or `verified=True` from a flow that checked it (a confirmation
    link). Empty values never erase anything. An account is linked only to its own address.
    Safe under concurrent calls for the same address: the unique email decides, and the loser
    of the race reads the winner's row.
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
        trusted = verified or owns_address(user, address)
        changed = [
            field
            for field, value in profile.items()
            if value and getattr(contact, field) != value and (trusted or not getattr(contact, field))
        ]
        for field in changed:
            setattr(contact, field, profile[field])
        if (
            user is not None
            and user.is_authenticated
            and contact.user_id is None
            and normalise_email(user.email) == address
        ):
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
