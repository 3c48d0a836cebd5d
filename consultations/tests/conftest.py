import pytest

from consultations.tests.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import StaffFactory


@pytest.fixture
def index_page(home_page):
    return ConsultationIndexPageFactory()


@pytest.fixture
def consultation(index_page):
    return ConsultationPageFactory(parent=index_page)


@pytest.fixture
def analyst(db):
    """Staff who may read consultations' results."""
    return StaffFactory(permissions=["consultations.view_consultationresponse"])
