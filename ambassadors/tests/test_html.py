"""The programme's pages are valid HTML (the Nu HTML Checker): the form, the form with errors,
an ambassador's page with links and reach, and a toolkit."""

import pytest

from ambassadors.tests.factories import (
    ApprovedAmbassadorFactory,
    CampaignToolkitPageFactory,
    ShareEventFactory,
    ShareLinkFactory,
)
from tests.factories import VerifiedUserFactory
from tests.html_validator import validate

pytestmark = pytest.mark.django_db


def test_the_programme_pages_are_valid_html(client, programme):
    toolkit = CampaignToolkitPageFactory(parent=programme)
    toolkit.posts = [("post", {"channel": "Short post", "text": "Count yourself in!"})]
    toolkit.save_revision().publish()
    pages = {"form": client.get(programme.url).content}
    errors = client.post(programme.url, {"name": "", "email": "nope"})
    assert errors.status_code == 400
    pages["form with errors"] = errors.content
    pages["toolkit"] = client.get(toolkit.url).content
    user = VerifiedUserFactory(email="tess@example.org")
    ambassador = ApprovedAmbassadorFactory(email="tess@example.org", user=user)
    ShareEventFactory(link=ShareLinkFactory(ambassador=ambassador), kind="signup")
    client.force_login(user)
    pages["ambassador page"] = client.get(programme.url + "me/").content
    assert b"Month by month" in pages["ambassador page"]
    assert validate(pages) == []
