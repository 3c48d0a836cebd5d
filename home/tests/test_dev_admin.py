"""``manage.py ensure_dev_admin``: a known superuser for local development, never in production."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def test_dev_admin_refuses_outside_debug():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("ensure_dev_admin")


def test_dev_admin_can_log_in_with_debug(client, settings):
    settings.DEBUG = True
    call_command("ensure_dev_admin", stdout=io.StringIO())
    call_command("ensure_dev_admin", stdout=io.StringIO())
    response = client.post(
        "/en/accounts/login/", {"login": "admin@portal.example", "password": "portal-demo-admin"}, follow=True
    )
    assert response.context["user"].is_superuser
    assert client.get("/admin/").status_code == 200
