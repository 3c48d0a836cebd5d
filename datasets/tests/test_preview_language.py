"""The pre-release link goes in the journalist's language (their contact's), not in the
language of the staff member's admin."""

import pytest
from django.utils.translation import gettext, override

from datasets.admin_previews import preview_link_message
from portal.contacts.tests.factories import ContactFactory

from .factories import PreviewGrantFactory

pytestmark = pytest.mark.django_db
SUBJECT = "EMBARGOED: pre-release access to %(title)s"


def subject_in(language, title):
    with override(language):
        return gettext(SUBJECT) % {"title": title}


@pytest.mark.parametrize("language", ["fr", "ar", "en-gb"])
def test_the_link_follows_the_journalist(language):
    ContactFactory(email="rita@news.example", preferred_language=language)
    grant = PreviewGrantFactory(email="rita@news.example")
    with override("fr" if language == "ar" else "ar"):
        message = preview_link_message(grant, grant.token)
    assert message.subject == subject_in(language, grant.release.title)
    assert message.extra_headers["Content-Language"] == language


def test_an_unknown_journalist_gets_the_default_not_the_admins_language():
    grant = PreviewGrantFactory(email="new@news.example")
    assert subject_in("fr", "x") != SUBJECT % {"title": "x"}
    with override("fr"):
        message = preview_link_message(grant, grant.token)
    assert message.subject == SUBJECT % {"title": grant.release.title}
    assert message.extra_headers["Content-Language"] == "en-gb"
