import pytest

from feedback.tests.factories import DataRequestPageFactory, FeedbackThemeFactory
from stories.tests.factories import DataStoryPageFactory
from tests.factories import StaffFactory
from tests.origin import ORIGIN, sent_from


@pytest.fixture
def story(home_page):
    """A published data story: its readers are asked whether it was useful."""
    return DataStoryPageFactory()


@pytest.fixture
def request_page(home_page):
    return DataRequestPageFactory()


@pytest.fixture
def themes(db):
    return {
        name: FeedbackThemeFactory(name=name)
        for name in ("Regional figures", "Clearer charts", "Release timing")
    }


@pytest.fixture
def send_feedback(client):
    """send_feedback(page, **fields): POST the box as a browser on this site would."""

    def send(page, *, origin=ORIGIN, **fields):
        data = {"useful": "yes", **fields}
        return client.post(f"/en/page-feedback/{page.pk}/", data, **sent_from(origin))

    return send


@pytest.fixture
def request_details(request_page):
    """request_details(**changes): a complete, valid data request form."""
    from feedback.tests.helpers import request_form_data

    def details(**changes):
        return request_form_data(request_page, **changes)

    return details


@pytest.fixture
def triager(db):
    """An analyst who reads and triages data requests."""
    return StaffFactory(
        email="analyst@statistics.example",
        first_name="Jo",
        last_name="Analyst",
        permissions=["feedback.view_datarequest", "feedback.change_datarequest"],
    )
