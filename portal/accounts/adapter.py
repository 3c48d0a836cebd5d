"""How allauth's account emails are addressed and sent on this site."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils.crypto import get_random_string

from portal.contacts.services import in_language_of
from portal.core.languages import active_language
from portal.core.mail import language_headers, queue_message


def site_identity():
    """The site's name and domain as the settings give them; the host a request happened to
    reach (an internal address behind a proxy) is not the site's name."""
    return SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject):
        return f"[{settings.SITE_NAME}] {subject}"

    def render_mail(self, template_prefix, email, context, headers=None):
        """In the language of the address's contact (the account holder's choice); an address
        the user database does not know yet gets the language of the page that asked."""
        address = email if isinstance(email, str) else email[0]
        with in_language_of(address, fallback=active_language()):
            return super().render_mail(template_prefix, email, context, headers=language_headers(headers))

    def send_mail(self, template_prefix, email, context):
        """Render in the request (the templates need it), send from the task queue: sign-up and
        password reset succeed even when the mail server is slow or down."""
        context = {
            "request": allauth_context.request,
            "email": email,
            "current_site": site_identity(),
            **context,
        }
        queue_message(self.render_mail(template_prefix, email, context))

    def send_account_already_exists_mail(self, email):
        """Signing up with a registered address sends that address a note instead of creating
        an account; hash a password as a new account would, so the answer takes as long."""
        make_password(get_random_string(32))
        super().send_account_already_exists_mail(email)
