"""Anyone can type anyone's address into a public form: what they type adds a touchpoint and
fills blanks, but never overwrites what the person behind the address told us."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal.contacts.models import Contact, Touchpoint, TouchpointKind
from portal.contacts.services import record_touchpoint
from tests.factories import EmailAddressFactory, UserFactory

pytestmark = pytest.mark.django_db

KNOWN = "ana@example.org"


@pytest.fixture
def known_contact():
    return record_touchpoint(
        KNOWN, kind=TouchpointKind.NEWSLETTER_SIGNUP, verified=True, name="Ana Silva", organisation="Uni"
    )


def profile(email=KNOWN):
    contact = Contact.objects.get(email=email)
    return contact.name, contact.organisation, contact.user_group


@pytest.mark.parametrize("user", [None, AnonymousUser()], ids=["no user", "anonymous visitor"])
def test_an_anonymous_form_adds_a_touchpoint_and_fills_blanks_only(known_contact, user):
    record_touchpoint(
        "  ANA@example.org ",
        kind=TouchpointKind.DATA_REQUEST,
        user=user,
        name="Mallory",
        organisation="Somewhere else",
        user_group="researchers",
    )
    assert profile() == ("Ana Silva", "Uni", "researchers")
    assert Touchpoint.objects.filter(contact=known_contact).count() == 2


def test_the_verified_owner_of_the_address_updates_their_details(known_contact):
    owner = UserFactory(email=KNOWN)
    EmailAddressFactory(user=owner)
    record_touchpoint(KNOWN, kind=TouchpointKind.DATA_REQUEST, user=owner, name="Ana S. Costa")
    assert profile()[0] == "Ana S. Costa"
    assert Contact.objects.get(email=KNOWN).user == owner


def test_an_account_that_has_not_verified_the_address_does_not(known_contact):
    stranger = UserFactory(email=KNOWN)
    EmailAddressFactory(user=stranger, verified=False)
    record_touchpoint(KNOWN, kind=TouchpointKind.ACCOUNT_SIGNUP, user=stranger, name="Mallory")
    assert profile()[0] == "Ana Silva"


def test_a_member_using_another_address_is_not_linked_to_it(known_contact):
    """This raised an IntegrityError (a 500): the account was already linked to its own contact."""
    member = UserFactory(email="member@example.org")
    EmailAddressFactory(user=member)
    record_touchpoint(member.email, kind=TouchpointKind.ACCOUNT_SIGNUP, user=member)
    record_touchpoint(KNOWN, kind=TouchpointKind.DATA_REQUEST, user=member, name="Mallory")
    assert Contact.objects.get(email=KNOWN).user is None
    assert Contact.objects.get(email=member.email).user == member
    assert profile()[0] == "Ana Silva"


def test_a_flow_that_checked_the_address_may_update(known_contact):
    record_touchpoint(KNOWN, kind=TouchpointKind.NEWSLETTER_SIGNUP, verified=True, organisation="Ministry")
    assert profile()[1] == "Ministry"
