"""The newsletter's emails as messages: the sign-up confirmation, and an issue for one reader.

Every issue carries one-click unsubscribe (RFC 8058: a List-Unsubscribe address that takes a
POST, and List-Unsubscribe-Post) besides the links in its text.
"""

import re
import secrets
import time
from email import quoprimime
from email.utils import formatdate, make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from portal.contacts.services import in_language_of
from portal.core.languages import active_language
from portal.core.mail import language_headers, single_line, site_root_url

from .links import confirmation_url
from .rendering import PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER

PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
TO_PLACEHOLDER = "reader@placeholder.invalid"
PLACEHOLDERS = (UNSUBSCRIBE_PLACEHOLDER, PREFERENCES_PLACEHOLDER)
SOFT_BREAK = "=\r\n"


def issue_message(rendered, to, *, unsubscribe_url, root_url, list_id="newsletter", connection=None):
    """One reader's copy of an issue already personalised with their links."""
    host = root_url.split("://", 1)[-1] or "portal.invalid"
    return EmailMultiAlternatives(
        subject=single_line(rendered.subject),
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        alternatives=[(rendered.html, "text/html")],
        headers=language_headers(
            {
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": f"<{list_id}.{host.split(':')[0]}>",
            }
        ),
        connection=connection,
    )


def envelope_address(address):
    """The address as the SMTP envelope and the To header take it: as is when it is plain ASCII
    (nearly always), otherwise through Django's sanitize_address (IDN, refuses line breaks)."""
    if PLAIN_ADDRESS.fullmatch(address):
        return address
    return sanitize_address(address, "utf-8")


def quoted_printable(text):
    """`text` (UTF-8) quoted-printable, with each reader's link placeholder on a line of its own
    between soft line breaks, so that it can be replaced in the encoded bytes."""
    pattern = "(" + "|".join(re.escape(placeholder) for placeholder in PLACEHOLDERS) + ")"
    encoded = []
    for n, piece in enumerate(re.split(pattern, text)):
        if n % 2:
            encoded.append(SOFT_BREAK + piece + SOFT_BREAK)
        elif piece:
            latin = piece.encode("utf-8").decode("latin-1")
            encoded.append(quoprimime.body_encode(latin, maxlinelen=76, eol="\r\n"))
    return "".join(encoded)


def quoted_link(url):
    """A reader's link for a quoted-printable body: '=' escaped, in lines of at most 76."""
    return SOFT_BREAK.join(url[start : start + 24].replace("=", "=3D") for start in range(0, len(url), 24))


class PreparedIssue:
    """An issue's email built once per send, as the bytes the mail server receives, with slots
    for each reader's address and links: `personal_bytes` fills them in with plain replaces,
    so a reader's email costs no template rendering and no MIME building.

    The headers are those Django writes (its own message() makes the constant ones, so their
    encoding is Django's); both parts are quoted-printable so that any text is safe. One is
    prepared per language of the readers (`language`, in Content-Language)."""

    def __init__(self, rendered, *, root_url, list_id="newsletter", language=None):
        self.rendered = rendered
        self.root_url = root_url
        self.list_id = list_id
        self.language = language or active_language()
        template = self.message(rendered, TO_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER)
        self.envelope_from = sanitize_address(template.from_email, "utf-8")
        message = template.message()
        policy = message.policy.clone(linesep="\r\n")
        constant = "".join(
            policy.fold(name, message[name])
            for name in (
                "From",
                "Subject",
                "MIME-Version",
                "List-Unsubscribe-Post",
                "List-Id",
                "Content-Language",
            )
        )
        boundary = f"=_newsletter_{secrets.token_hex(12)}"
        parts = []
        for body, kind in ((rendered.text, "plain"), (rendered.html, "html")):
            parts.append(
                f"--{boundary}\r\n"
                f'Content-Type: text/{kind}; charset="utf-8"\r\n'
                "MIME-Version: 1.0\r\n"
                "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                f"{quoted_printable(body)}\r\n"
            )
        self.body = (
            constant
            + f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n\r\n'
            + "".join(parts)
            + f"--{boundary}--\r\n"
        ).encode("ascii")
        self.date_second = None
        self.date = ""

    def message(self, rendered, to, unsubscribe_url, **options):
        """The issue as a Django message in the readers' language (the template above, or one
        reader's whole email where the mail server is not SMTP)."""
        with translation.override(self.language):
            return issue_message(
                rendered,
                to,
                unsubscribe_url=unsubscribe_url,
                root_url=self.root_url,
                list_id=self.list_id,
                **options,
            )

    def personal_bytes(self, to, unsubscribe_url, preferences_url):
        """One reader's email: (envelope recipient, message bytes)."""
        recipient = envelope_address(to)
        now = int(time.time())
        if now != self.date_second:  # formatting the date once a second is plenty
            self.date_second, self.date = now, formatdate(now, localtime=settings.EMAIL_USE_LOCALTIME)
        if "\r" in unsubscribe_url or "\n" in unsubscribe_url:
            raise ValueError("A link cannot hold a line break.")
        head = (
            f"Date: {self.date}\r\nMessage-ID: {make_msgid(domain=DNS_NAME)}\r\n"
            f"To: {recipient}\r\nList-Unsubscribe: <{unsubscribe_url}>\r\n"
        ).encode()
        body = self.body.replace(
            UNSUBSCRIBE_PLACEHOLDER.encode(), quoted_link(unsubscribe_url).encode()
        ).replace(PREFERENCES_PLACEHOLDER.encode(), quoted_link(preferences_url).encode())
        return recipient, head + body


def confirmation_message(signup_request, language=None):
    """In the language of the address's contact if it has one, else `language` (the page's
    where they signed up): the confirmation must be readable before anyone is in the database."""
    with in_language_of(signup_request.email, fallback=language or active_language()):
        return build_confirmation_message(signup_request)


def build_confirmation_message(signup_request):
    from .alerts import area_names
    from .models import NewsletterIndexPage

    index = NewsletterIndexPage.objects.live().first()
    context = {
        "confirm_url": confirmation_url(signup_request),
        "lists": list(signup_request.lists.all()),
        "topics": list(signup_request.topics or ()),
        "areas": area_names(signup_request.areas or ()),
        "hours": settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 3600,
        "signup_url": (index.get_full_url() or "") if index else site_root_url() + "/",
    }
    message = EmailMultiAlternatives(
        subject=gettext("Confirm your newsletter sign-up"),
        body=render_to_string("newsletters/email/confirm.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[signup_request.email],
        headers=language_headers(),
    )
    message.attach_alternative(render_to_string("newsletters/email/confirm.html", context), "text/html")
    return message


@task()
def send_confirmation_email_task(signup_request_id, language=None):
    from .models import SignupRequest

    signup_request = SignupRequest.objects.filter(pk=signup_request_id, confirmed_at__isnull=True).first()
    if signup_request is None:
        return False
    confirmation_message(signup_request, language).send()
    return True


def send_confirmation_email(signup_request):
    return send_confirmation_email_task.enqueue(signup_request.pk, language=active_language())
