import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from .helpers import PASSWORD


@pytest.fixture
def make_user(db):
    """A user with a password and an email address, verified unless told otherwise."""

    def make(email="ana@example.org", password=PASSWORD, *, verified=True, **extra):
        user = get_user_model().objects.create_user(email, password, **extra)
        EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
        return user

    return make
