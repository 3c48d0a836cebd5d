"""Staff list and revoke API keys in the admin; the API's use on the engagement dashboard."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from api.indicators import active_keys, requests, top_keys
from api.tests.factories import ApiKeyFactory, ApiKeyUsageFactory
from tests.factories import StaffFactory
from tests.spreadsheets import csv_rows

pytestmark = pytest.mark.django_db
INDEX = "/admin/api/apikey/"


def test_staff_with_the_permission_list_and_revoke(client):
    key = ApiKeyFactory(name="Leaked")
    staff = StaffFactory(permissions=["api.view_apikey", "api.change_apikey"])
    client.force_login(staff)
    html = client.get(INDEX).content.decode()
    url = reverse("api_apikey_revoke", args=[key.pk])
    assert key.prefix in html and url in html and key.user.email in html
    header, row = csv_rows(client.get(INDEX + "?export=csv"))
    assert header[:3] == ["Prefix", "Name", "Owner"] and row[:3] == [key.prefix, "Leaked", key.user.email]
    assert "Revoke this key" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None and key.revoked_by == staff
    assert "was revoked" in client.get(url).content.decode()


def test_staff_who_may_only_view_cannot_revoke(client):
    key = ApiKeyFactory()
    client.force_login(StaffFactory(permissions=["api.view_apikey"]))
    url = reverse("api_apikey_revoke", args=[key.pk])
    html = client.get(INDEX).content.decode()
    assert key.prefix in html and url not in html
    response = client.post(url)
    assert response.status_code in (302, 403)
    key.refresh_from_db()
    assert key.revoked_at is None


@pytest.mark.parametrize("who", ["anonymous", "signed-in member", "staff without the permission"])
def test_others_cannot_revoke(client, who):
    key = ApiKeyFactory()
    if who == "signed-in member":
        client.force_login(key.user)
    elif who != "anonymous":
        client.force_login(StaffFactory(permissions=["api.add_apikey"]))
    response = client.post(reverse("api_apikey_revoke", args=[key.pk]))
    assert response.status_code in (302, 403)
    key.refresh_from_db()
    assert key.revoked_at is None


def make_usage(keys, days):
    made = [ApiKeyFactory(name=f"Key {n}") for n in range(keys)]
    for n, key in enumerate(made):
        for day in range(days):
            when = datetime.date(2026, 1, 1) + datetime.timedelta(days=day)
            ApiKeyUsageFactory(key=key, day=when, requests=n + 1)
    return made


def test_the_indicators_count_requests_active_keys_and_the_top_keys():
    made = make_usage(3, 40)  # January and nine days of February
    made[0].revoked_at = "2026-02-01T00:00Z"
    made[0].save()
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 2, 28)
    assert sorted(requests(start, end, "month")) == [
        (datetime.date(2026, 1, 1), "Requests with a key", 31 * 6),
        (datetime.date(2026, 2, 1), "Requests with a key", 9 * 6),
    ]
    assert sorted(active_keys(start, end, "month")) == [
        (datetime.date(2026, 1, 1), "Keys used", 3),
        (datetime.date(2026, 2, 1), "Keys used", 3),
    ]
    headings, rows = top_keys(start, end)
    assert headings[3] == "Requests"
    assert [row[3] for row in rows] == [120, 80, 40]
    assert rows[2][0] == f"ptl_{made[0].prefix}… (revoked)" and rows[0][2] == made[2].user.email


def test_the_dashboard_shows_them_in_constant_queries(superuser_client):
    query = {"start": "2026-01-01", "end": "2026-02-28", "group_by": "month"}

    def count():
        superuser_client.get("/admin/engagement/", query)
        with CaptureQueriesContext(connection) as queries:
            response = superuser_client.get("/admin/engagement/", query)
        return len(queries), response.content.decode()

    make_usage(2, 3)
    few, html = count()
    assert "API requests with a key" in html and "API keys in use" in html and "Key 1" in html
    make_usage(20, 30)
    assert count()[0] == few
