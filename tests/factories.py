"""The people every app's tests need, built the same way everywhere.

App-specific factories live in each app's ``tests/factories.py``; only what several apps share
(accounts, staff with given rights, the one test password) is here.
"""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

PASSWORD = "Quiet-harbour-lantern-58"
"""Every test account's password: long and unusual enough for the password validators."""

NEW_PASSWORD = "Amber-valley-compass-73"
"""A second valid password, for tests that change one."""


class UserFactory(factory.django.DjangoModelFactory):
    """A signed-up member of the public."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password(PASSWORD)


class StaffFactory(UserFactory):
    """A member of staff who can open the admin.

    ``permissions`` takes ``"app_label.codename"`` strings and ``groups`` takes group names
    (groups made by the apps' migrations, such as "Communications team")::

        StaffFactory(permissions=["training.view_registration"], groups=["Moderators"])
    """

    email = factory.Sequence(lambda n: f"staff{n}@statistics.example")
    is_staff = True

    @factory.post_generation
    def permissions(self, create, extracted, **kwargs):
        if not create:
            return
        wanted = [("wagtailadmin", "access_admin"), *(name.split(".", 1) for name in extracted or ())]
        for app_label, codename in wanted:
            self.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            found = Group.objects.filter(name__in=extracted)
            missing = set(extracted) - {group.name for group in found}
            if missing:
                raise Group.DoesNotExist(f"no such group: {', '.join(sorted(missing))}")
            self.groups.add(*found)


class SuperUserFactory(UserFactory):
    email = factory.Sequence(lambda n: f"admin{n}@statistics.example")
    is_staff = True
    is_superuser = True


class EmailAddressFactory(factory.django.DjangoModelFactory):
    """The sign-in address record of an account (allauth's): verified unless told otherwise, as
    sign-in, posting and password reset look at it rather than at the account."""

    class Meta:
        model = EmailAddress

    user = factory.SubFactory(UserFactory)
    email = factory.SelfAttribute("user.email")
    verified = True
    primary = True


class VerifiedUserFactory(UserFactory):
    """A member as allauth keeps them after signing up: with a primary email address, confirmed
    unless ``email_verified=False``."""

    @factory.post_generation
    def email_verified(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.update_or_create(
                user=self, email=self.email, defaults={"verified": extracted is not False, "primary": True}
            )
