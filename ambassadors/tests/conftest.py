import pytest

from ambassadors.tests.factories import AmbassadorProgrammePageFactory
from tests.factories import StaffFactory

pytest_plugins = ["tests.smtp"]


@pytest.fixture
def programme(home_page):
    return AmbassadorProgrammePageFactory()


@pytest.fixture
def programme_staff(db):
    """A member of the programme team: sees applicants and decides."""
    return StaffFactory(email="programme@statistics.example", groups=["Ambassador programme"])
