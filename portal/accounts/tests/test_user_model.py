"""The custom user model: email is the login, unique whatever its case."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.db import IntegrityError, transaction

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_email_is_the_login_and_there_is_no_username():
    assert User.USERNAME_FIELD == "email"
    assert User.REQUIRED_FIELDS == []
    assert "username" not in {field.name for field in User._meta.get_fields()}


def test_create_user_lower_cases_the_domain_and_sets_a_usable_password():
    user = User.objects.create_user("Ana.Silva@EXAMPLE.Org", PASSWORD)

    assert user.email == "Ana.Silva@example.org"
    assert user.check_password(PASSWORD)
    assert user.password != PASSWORD
    assert (user.is_staff, user.is_superuser, user.is_active) == (False, False, True)


def test_create_user_without_password_cannot_sign_in_with_one():
    user = User.objects.create_user("ana@example.org")

    assert not user.has_usable_password()


def test_create_user_needs_an_email():
    with pytest.raises(ValueError, match="email"):
        User.objects.create_user("", "password")


def test_email_is_unique_regardless_of_case_in_the_database():
    User.objects.create_user("ana@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("ANA@example.org")
    # Not only through the manager: a plain save is refused as well.
    with pytest.raises(IntegrityError), transaction.atomic():
        User(email="Ana@Example.ORG").save()
    assert User.objects.count() == 1


def test_natural_key_and_authentication_ignore_case():
    user = User.objects.create_user("ana@example.org", PASSWORD)

    assert User.objects.get_by_natural_key("ANA@EXAMPLE.ORG") == user
    assert authenticate(email="Ana@Example.org", password=PASSWORD) == user


def test_create_superuser_sets_the_flags():
    admin = User.objects.create_superuser("Boss@Example.org", PASSWORD)

    assert (admin.is_staff, admin.is_superuser, admin.is_active) == (True, True, True)
    assert admin.email == "Boss@example.org"
    assert admin.check_password(PASSWORD)


@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_create_superuser_refuses_to_drop_a_flag(flag):
    with pytest.raises(ValueError, match="superuser"):
        User.objects.create_superuser("boss@example.org", PASSWORD, **{flag: False})
    assert not User.objects.exists()


def test_str_is_the_name_or_else_the_email():
    assert str(User(email="ana@example.org", first_name="Ana", last_name="Silva")) == "Ana Silva"
    assert str(User(email="ana@example.org")) == "ana@example.org"
