"""An applicant's emails go in their language (their contact's); the queuing request's language
only stands in for someone the user database does not know."""

import pytest
from django.utils.translation import gettext, override

from ambassadors.emails import send_application_email
from portal.contacts.tests.factories import ContactFactory

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db
SUBJECT = "We received your application to be an ambassador"


def in_language(language):
    with override(language):
        return gettext(SUBJECT)


@pytest.mark.parametrize("language", ["fr", "ar", "en-gb"])
def test_the_received_email_follows_the_applicant_not_the_request(mailoutbox, language):
    ContactFactory(email="tess@example.org", preferred_language=language)
    application = ApplicationFactory(email="tess@example.org")
    with override("ar" if language != "ar" else "fr"):
        send_application_email(application, "received")
    [message] = mailoutbox
    assert message.subject == in_language(language)
    assert message.extra_headers["Content-Language"] == language


def test_an_unknown_applicant_gets_the_language_of_the_page_that_queued_it(mailoutbox):
    assert in_language("fr") != SUBJECT
    application = ApplicationFactory(email="new@example.org")
    with override("fr"):
        send_application_email(application, "received")
    [message] = mailoutbox
    assert message.subject == in_language("fr")
    assert message.extra_headers["Content-Language"] == "fr"
