"""The newsletter's emails as messages: the sign-up confirmation, and an issue for one reader.

Every issue carries one-click unsubscribe (RFC 8058: a List-Unsubscribe address that takes a
POST, and List-Unsubscribe-Post) besides the links in its text.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task

from portal.core.mail import single_line, site_root_url

from .links import confirmation_url


def issue_message(rendered, to, *, unsubscribe_url, root_url, list_id="newsletter", connection=None):
    """One reader's copy of an issue already personalised with their links."""
    host = root_url.split("://", 1)[-1] or "portal.invalid"
    return EmailMultiAlternatives(
        subject=single_line(rendered.subject),
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        alternatives=[(rendered.html, "text/html")],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"<{list_id}.{host.split(':')[0]}>",
        },
        connection=connection,
    )


def confirmation_message(signup_request):
    from .models import NewsletterIndexPage

    index = NewsletterIndexPage.objects.live().first()
    context = {
        "confirm_url": confirmation_url(signup_request),
        "lists": list(signup_request.lists.all()),
        "topics": list(signup_request.topics or ()),
        "hours": settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 3600,
        "signup_url": (index.get_full_url() or "") if index else site_root_url() + "/",
    }
    message = EmailMultiAlternatives(
        subject="Confirm your newsletter sign-up",
        body=render_to_string("newsletters/email/confirm.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[signup_request.email],
    )
    message.attach_alternative(render_to_string("newsletters/email/confirm.html", context), "text/html")
    return message


@task()
def send_confirmation_email_task(signup_request_id):
    from .models import SignupRequest

    signup_request = SignupRequest.objects.filter(pk=signup_request_id, confirmed_at__isnull=True).first()
    if signup_request is None:
        return False
    confirmation_message(signup_request).send()
    return True


def send_confirmation_email(signup_request):
    return send_confirmation_email_task.enqueue(signup_request.pk)
