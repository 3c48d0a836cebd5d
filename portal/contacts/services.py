"""The one way into the user database."""

from contextlib import contextmanager
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import translation

from portal.core.languages import active_language, supported_language

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


def language_of(email_or_contact, *, fallback=None):
    """The language to write to this person in: their contact's preferred language. For an
    address the user database does not know (or a malformed one): `fallback` if given (the
    request's language, for an email answering the visitor), else the site's default, so
    nothing depends on the language a worker process happens to run in."""
    if isinstance(email_or_contact, Contact):
        return supported_language(email_or_contact.preferred_language)
    stored = None
    if isinstance(email_or_contact, str) and email_or_contact.strip():
        stored = (
            Contact.objects.filter(email=normalise_email(email_or_contact))
            .values_list("preferred_language", flat=True)
            .first()
        )
    return supported_language(stored or fallback or settings.LANGUAGE_CODE)


@contextmanager
def in_language_of(email_or_contact, *, fallback=None):
    """Build an email inside this: subject, bodies and Content-Language (core.mail adds it)
    come out in the recipient's language, whatever the request's or the process's is."""
    with translation.override(language_of(email_or_contact, fallback=fallback)):
        yield


def record_touchpoint(
    email,
    *,
    kind,
    source="",
    detail="",
    consent=None,
    user=None,
    verified=False,
    topics=(),
    preferred_language=None,
    **profile,
):
    """Find or create the contact for `email`, log the touchpoint and any consent.

    Anyone can type any address into a public form, so profile values from an unproven source
    only fill blanks. They update what we know when the person proved the address is theirs:
    signed in with it verified, or `verified=True` from a flow that checked it (a confirmation
    link). Empty values never erase anything. An account is linked only to its own address.
    Safe under concurrent calls for the same address: the unique email decides, and the loser
    of the race reads the winner's row.

    A new contact's language for emails is the one active in the request (the page they signed
    up on); an existing contact keeps theirs, unless a trusted caller passes the one they chose
    as `preferred_language`.
    """
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown contact fields: {', '.join(sorted(unknown))}")
    address = normalise_email(email)
    if not address:
        raise ValueError("A touchpoint needs an email address.")
    with transaction.atomic():
        first_language = supported_language(preferred_language or active_language())
        contact, _ = Contact.objects.get_or_create(
            email=address, defaults={"preferred_language": first_language}
        )
        contact = Contact.objects.select_for_update().get(pk=contact.pk)
        trusted = verified or owns_address(user, address)
        if preferred_language and trusted:
            profile["preferred_language"] = supported_language(preferred_language)
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
