"""The links in newsletter emails, and the tokens that make them work without signing in.

A confirmation link carries a signed, timestamped reference to the sign-up request: it
expires (NEWSLETTER_CONFIRMATION_MAX_AGE) and works once. The preference-centre and
unsubscribe links carry the subscriber's own random token, kept in the database.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from portal.core.mail import site_root_url

__all__ = [
    "confirmation_url",
    "preferences_url",
    "read_confirmation_token",
    "site_root_url",
    "unsubscribe_url",
]

CONFIRM_SALT = "newsletters.confirm"


class InvalidToken(ValueError):
    """A link that was tampered with or cut short; str() says so to the person."""


class ExpiredToken(InvalidToken):
    pass


def confirmation_token(signup_request):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object({"r": signup_request.pk})


def read_confirmation_token(token):
    """The sign-up request's id, or InvalidToken / ExpiredToken."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        payload = signer.unsign_object(token, max_age=settings.NEWSLETTER_CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken("This confirmation link has expired.") from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidToken("This confirmation link is not valid.") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("r"), int):
        raise InvalidToken("This confirmation link is not valid.")
    return payload["r"]


def confirmation_url(signup_request, root_url=None):
    root_url = site_root_url() if root_url is None else root_url
    return root_url + reverse("newsletters:confirm", args=[confirmation_token(signup_request)])


def preferences_url(token, root_url=None):
    root_url = site_root_url() if root_url is None else root_url
    return root_url + reverse("newsletters:preferences", args=[token])


def unsubscribe_url(token, sending_pk=None, root_url=None):
    """The one-click unsubscribe address; with the issue's send, so that it is counted against it."""
    root_url = site_root_url() if root_url is None else root_url
    if sending_pk is None:
        return root_url + reverse("newsletters:unsubscribe", args=[token])
    return root_url + reverse("newsletters:unsubscribe_from", args=[token, sending_pk])
