import pytest

from tests.factories import PASSWORD, EmailAddressFactory, UserFactory


@pytest.fixture
def make_user(db):
    """An account with a password and an email address, verified unless told otherwise
    (``password=None`` makes one that has no usable password)."""

    def make(email="ana@example.org", password=PASSWORD, *, verified=True, **extra):
        user = UserFactory(email=email, password=password, **extra)
        EmailAddressFactory(user=user, verified=verified)
        return user

    return make
