import pytest
from django.contrib.auth.models import Group

from portal.contacts.exports import spreadsheet_safe
from portal.contacts.models import Contact, Touchpoint, TouchpointKind
from portal.contacts.services import record_touchpoint
from portal.core.vocabularies import UserGroup
from tests.factories import StaffFactory
from tests.spreadsheets import csv_rows

pytestmark = pytest.mark.django_db

CONTACTS_URL = "/admin/contacts/contact/"
DENIED = (302, 403)  # modeladmin redirects to the dashboard with a message; Django answers 403


def export_rows(client, url=CONTACTS_URL, **params):
    return csv_rows(client.get(url, {"export": "csv", **params}))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Daily Bugle", "Daily Bugle"),
        ("", ""),
        (42, 42),
        (None, None),
    ],
)
def test_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected


def test_csv_export_escapes_formula_cells(superuser_client):
    record_touchpoint(
        "formula@example.org",
        kind=TouchpointKind.NEWSLETTER_SIGNUP,
        name='=HYPERLINK("http://evil.example","Click")',
        organisation="+cmd|' /C calc'!A0",
        region="-1+1",
        topics=["@risky"],
    )
    header, row = export_rows(superuser_client)
    cells = dict(zip(header, row, strict=True))
    assert cells["Name"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert cells["Organisation"] == "'+cmd|' /C calc'!A0"
    assert cells["Country or region"] == "'-1+1"
    assert cells["Topics of interest"] == "'@risky"
    assert cells["Email"] == "formula@example.org"


def test_csv_export_follows_the_filter(superuser_client):
    record_touchpoint("m@example.org", kind=TouchpointKind.FORUM_JOIN, user_group=UserGroup.MEDIA)
    record_touchpoint(
        "t@example.org", kind=TouchpointKind.FORUM_JOIN, user_group=UserGroup.TEACHERS_AND_STUDENTS
    )
    rows = export_rows(superuser_client, user_group=UserGroup.MEDIA)
    assert [row[0] for row in rows[1:]] == ["m@example.org"]


def test_touchpoint_export_is_safe_too(superuser_client):
    record_touchpoint("s@example.org", kind=TouchpointKind.FEEDBACK, detail="=1+1")
    header, row = export_rows(superuser_client, url="/admin/contacts/touchpoint/")
    assert dict(zip(header, row, strict=True))["Detail"] == "'=1+1"


def test_contacts_list_search_and_segment_filter(superuser_client):
    record_touchpoint("reporter@news.example", kind=TouchpointKind.FORUM_JOIN, user_group=UserGroup.MEDIA)
    record_touchpoint(
        "teacher@school.example", kind=TouchpointKind.FORUM_JOIN, user_group=UserGroup.TEACHERS_AND_STUDENTS
    )
    listing = superuser_client.get(CONTACTS_URL).content.decode()
    assert "reporter@news.example" in listing and "teacher@school.example" in listing
    searched = superuser_client.get(CONTACTS_URL, {"q": "school"}).content.decode()
    assert "teacher@school.example" in searched and "reporter@news.example" not in searched
    filtered = superuser_client.get(CONTACTS_URL, {"user_group": UserGroup.MEDIA}).content.decode()
    assert "reporter@news.example" in filtered and "teacher@school.example" not in filtered


def test_hostile_contact_data_is_escaped_in_admin(superuser_client):
    record_touchpoint("x@example.org", kind=TouchpointKind.FEEDBACK, name="<script>alert(1)</script>")
    listing = superuser_client.get(CONTACTS_URL).content.decode()
    assert "<script>alert(1)</script>" not in listing
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in listing


def test_contact_list_query_count_does_not_grow(superuser_client, django_assert_max_num_queries):
    for index in range(5):
        record_touchpoint(f"p{index}@example.org", kind=TouchpointKind.FORUM_JOIN, topics=["prices"])
    with django_assert_max_num_queries(40) as few:
        superuser_client.get(CONTACTS_URL)
    for index in range(5, 40):
        record_touchpoint(f"p{index}@example.org", kind=TouchpointKind.FORUM_JOIN, topics=["prices"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        superuser_client.get(CONTACTS_URL, {"export": "csv"})
    with django_assert_max_num_queries(len(few.captured_queries)):
        superuser_client.get(CONTACTS_URL)


def test_touchpoints_and_consents_cannot_be_edited_or_deleted(superuser_client):
    contact = record_touchpoint("r@example.org", kind=TouchpointKind.FEEDBACK)
    touchpoint = Touchpoint.objects.get(contact=contact)
    for url in (
        f"/admin/contacts/touchpoint/edit/{touchpoint.pk}/",
        f"/admin/contacts/touchpoint/delete/{touchpoint.pk}/",
        "/admin/contacts/consent/create/",
    ):
        assert superuser_client.get(url).status_code in DENIED, url
    superuser_client.post(f"/admin/contacts/touchpoint/delete/{touchpoint.pk}/")
    assert Touchpoint.objects.filter(pk=touchpoint.pk).exists()


def test_staff_without_permission_cannot_see_contacts(client):
    client.force_login(StaffFactory())
    record_touchpoint("private@example.org", kind=TouchpointKind.FEEDBACK)
    response = client.get(CONTACTS_URL)
    assert response.status_code in DENIED
    assert b"private@example.org" not in response.content


def test_communications_team_can_list_and_export(client):
    team = Group.objects.get(name="Communications team")
    assert team.permissions.filter(codename="access_admin").exists()  # the team's, not only the factory's
    client.force_login(StaffFactory(groups=[team.name]))
    record_touchpoint("reader@example.org", kind=TouchpointKind.NEWSLETTER_SIGNUP)
    assert b"reader@example.org" in client.get(CONTACTS_URL).content
    rows = export_rows(client)
    assert rows[1][0] == "reader@example.org"
    contact = Contact.objects.get()
    assert client.get(f"{CONTACTS_URL}delete/{contact.pk}/").status_code in DENIED
    client.post(f"{CONTACTS_URL}delete/{contact.pk}/")
    assert Contact.objects.filter(pk=contact.pk).exists()


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(CONTACTS_URL)
    assert response.status_code == 302
    assert "/en/accounts/login/" in response["Location"]
