"""Account emails are signed with the site's name from the settings (never the address of the
server that answered), and a broken mail server never breaks sign-up."""

import socket

import pytest
from django.contrib.auth import get_user_model

from portal.accounts.tests.helpers import sign_up

pytestmark = pytest.mark.django_db


def test_the_confirmation_email_names_the_site(client, home_page, mailoutbox, settings):
    sign_up(client, HTTP_HOST="10.0.0.7")
    [email] = mailoutbox
    assert email.subject.startswith(f"[{settings.SITE_NAME}] ")
    assert "10.0.0.7" not in email.subject + email.body


@pytest.mark.parametrize("name", ["Statistics Office", "Office national de la statistique"])
def test_the_site_name_comes_from_the_settings(client, home_page, mailoutbox, settings, name):
    settings.SITE_NAME = name
    sign_up(client)
    assert mailoutbox[0].subject.startswith(f"[{name}] ")
    assert name in mailoutbox[0].body


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_sign_up_succeeds_while_the_mail_server_is_down(client, home_page, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    response = sign_up(client)
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="ana@example.org").exists()
