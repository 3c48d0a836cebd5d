"""What every app's emails share: text that is safe in a header, and a message built from the
three templates of its kind (<prefix>_subject.txt, <prefix>.txt and <prefix>.html)."""

import datetime
import logging
import smtplib

from django import forms
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

from .languages import active_language

logger = logging.getLogger(__name__)


def site_root_url():
    """The default site's root URL, e.g. https://portal.example: links in emails and feeds are absolute."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else ""


def single_line(text):
    """Collapse CR, LF and other line breaks: a name or subject must never start a new header."""
    return " ".join(str(text).split())


def display_name(name):
    """A person's name as it may appear in a To: header (no line breaks, no address brackets)."""
    return single_line(name).replace("<", "").replace(">", "").replace('"', "")[:100]


def named_address(name, email):
    return f'"{display_name(name)}" <{email}>'


def one_line(value, what):
    """For a form's clean_<field>: refuse line breaks in what ends up in email headers (and
    calendar files), with a message naming the field."""
    if "\r" in value or "\n" in value:
        raise forms.ValidationError(gettext("Enter your %(what)s on one line.") % {"what": what})
    return value


def language_headers(headers=None):
    """`headers` plus Content-Language: the language the message is being written in. Build a
    message inside contacts.services.in_language_of(...) and this names the reader's language."""
    return {**(headers or {}), "Content-Language": active_language()}


def templated_message(template_prefix, context, to, *, headers=None):
    """The message of one kind, plain text and HTML, ready to send (or to attach more to), in
    the active language (wrap the call in contacts.services.in_language_of(recipient))."""
    message = EmailMultiAlternatives(
        subject=single_line(render_to_string(f"{template_prefix}_subject.txt", context)),
        body=render_to_string(f"{template_prefix}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=language_headers(headers),
    )
    message.attach_alternative(render_to_string(f"{template_prefix}.html", context), "text/html")
    return message


# How long to wait before each new attempt when the mail server fails: about nine hours in all,
# enough for a mail server's restart or a provider's outage, then the task fails for good (and
# the worker keeps it among its failed jobs, where staff can requeue it).
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=6),
)


@task()
def send_rendered_message_task(subject, body, from_email, to, headers, alternatives, attempt=1):
    """Send a message rendered earlier (during the request), so a slow or failing mail server
    delays the email, not the person's action; a failed attempt is queued again, later."""
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        can_defer = send_rendered_message_task.get_backend().supports_defer
        if attempt > len(RETRY_DELAYS) or not can_defer:
            logger.error("Gave up sending %r to %s (attempt %d): %s", subject, to, attempt, error)
            raise
        delay = RETRY_DELAYS[attempt - 1]
        send_rendered_message_task.using(run_after=timezone.now() + delay).enqueue(
            subject, body, from_email, to, headers, alternatives, attempt=attempt + 1
        )
        logger.warning(
            "Sending %r to %s failed (attempt %d), trying again in %s: %s", subject, to, attempt, delay, error
        )


def queue_message(message):
    """Queue a built message for the background worker (JSON-safe fields only)."""
    return send_rendered_message_task.enqueue(
        message.subject,
        message.body,
        message.from_email,
        list(message.to),
        dict(message.extra_headers),
        [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    )
