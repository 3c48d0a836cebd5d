"""API keys on the request path: the higher limit per key, 401 problems for anything that is
not a working key (never a 500), 429 with Retry-After with and without a key, usage counted."""

import datetime
import hashlib
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api import keys
from api.models import ApiKey, ApiKeyUsage
from api.tests.factories import ApiKeyFactory, secret_of
from api.tests.helpers import BASE, problem
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_new_key_is_stored_only_as_its_digest():
    made = keys.create_key(UserFactory(), "Dashboard")
    stored = ApiKey.objects.get()
    assert made.secret.startswith(f"ptl_{stored.prefix}_") and len(made.secret) == 55
    assert keys.KEY_PATTERN.fullmatch(made.secret)
    assert stored.digest == hashlib.sha256(made.secret.encode()).hexdigest()
    assert made.secret not in json.dumps(list(ApiKey.objects.values()), default=str)
    assert keys.create_key(stored.user, "Other").secret != made.secret


def test_a_key_works_by_bearer_or_header_and_is_counted(client, published):
    key = ApiKeyFactory()
    assert client.get(BASE, **bearer(secret_of(key))).status_code == 200
    assert client.get(f"{BASE}/observations", HTTP_X_API_KEY=secret_of(key)).status_code == 200
    assert client.get(BASE, HTTP_AUTHORIZATION=f"bearer {secret_of(key)}").status_code == 200
    usage = ApiKeyUsage.objects.get(key=key)
    assert (usage.day, usage.requests) == (timezone.localdate(), 3)
    key.refresh_from_db()
    assert key.last_used_at is not None
    # Without a key nothing is recorded per request.
    assert client.get(BASE).status_code == 200
    assert ApiKeyUsage.objects.get(key=key).requests == 3


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(bearer("ptl_nosuchkey0_" + "x" * 40), id="unknown"),
        pytest.param(bearer("not-a-key"), id="malformed"),
        pytest.param(bearer("ptl_" + "a" * 5000), id="too long"),
        pytest.param(bearer("ptl_k000000000_" + "s" * 39 + "é"), id="not ascii"),
        pytest.param({"HTTP_X_API_KEY": "ptl_k000000000_\x00" + "s" * 39}, id="nul byte"),
        pytest.param({"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz"}, id="other scheme"),
        pytest.param({"HTTP_AUTHORIZATION": "Bearer "}, id="empty bearer"),
        pytest.param({"HTTP_X_API_KEY": ""}, id="empty header"),
        pytest.param({"HTTP_X_API_KEY": "<script>alert(1)</script>"}, id="hostile"),
    ],
)
def test_anything_but_a_working_key_is_a_401_problem(client, published, headers):
    ApiKeyFactory(prefix="k000000000")
    response = client.get(BASE, **headers)
    data = problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "<script>" not in data["detail"]
    assert not ApiKeyUsage.objects.exists()


def test_a_key_with_the_right_prefix_and_a_wrong_secret_is_refused(client, published):
    key = ApiKeyFactory()
    wrong = secret_of(key)[:-1] + "t"
    assert "not known" in problem(client.get(BASE, **bearer(wrong)), 401)["detail"]


def test_a_revoked_key_is_refused_at_once(client, published):
    key = ApiKeyFactory()
    assert client.get(BASE, **bearer(secret_of(key))).status_code == 200
    keys.revoke(key, None)
    assert "revoked" in problem(client.get(BASE, **bearer(secret_of(key))), 401)["detail"]
    assert ApiKeyUsage.objects.get(key=key).requests == 1


def test_two_different_keys_are_refused(client, published):
    first, second = ApiKeyFactory(), ApiKeyFactory()
    response = client.get(BASE, HTTP_X_API_KEY=secret_of(first), **bearer(secret_of(second)))
    assert "two different" in problem(response, 401)["detail"]
    assert client.get(BASE, HTTP_X_API_KEY=secret_of(first), **bearer(secret_of(first))).status_code == 200


def test_downloads_take_keys_too(client, published):
    key = ApiKeyFactory()
    assert client.get(f"{BASE}/versions/1/download/csv", **bearer(secret_of(key))).status_code == 200
    problem(client.get(f"{BASE}/versions/1/download/csv", **bearer("nope")), 401)


def test_limits_per_key_and_per_address(client, published, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "api": "2/m/ip", "api_key": "4/m/key"}
    key, other = ApiKeyFactory(), ApiKeyFactory()
    for _ in range(2):
        assert client.get(BASE).status_code == 200
    anonymous = client.get(BASE)
    assert "from your address" in problem(anonymous, 429)["detail"]
    assert 1 <= int(anonymous["Retry-After"]) <= 60
    # The same address with a key has the key's own, higher limit...
    for _ in range(4):
        assert client.get(BASE, **bearer(secret_of(key))).status_code == 200
    keyed = client.get(BASE, **bearer(secret_of(key)))
    data = problem(keyed, 429)
    assert "with this API key" in data["detail"] and f"{keyed['Retry-After']} seconds" in data["detail"]
    assert 1 <= int(keyed["Retry-After"]) <= 60
    # ...counted per key, whatever the address: another key is not held back.
    assert client.get(BASE, REMOTE_ADDR="10.1.1.1", **bearer(secret_of(key))).status_code == 429
    assert client.get(BASE, **bearer(secret_of(other))).status_code == 200
    assert ApiKeyUsage.objects.get(key=key).requests == 4  # refusals are not counted as use


def test_a_keyed_request_costs_a_fixed_few_queries(client, published):
    key = ApiKeyFactory()
    client.get(BASE, **bearer(secret_of(key)))
    with CaptureQueriesContext(connection) as anonymous:
        client.get(BASE)
    with CaptureQueriesContext(connection) as keyed:
        client.get(BASE, **bearer(secret_of(key)))
    # The key's look-up and one UPDATE of the day's count (last_used_at waits a minute).
    assert len(keyed) - len(anonymous) == 2, [q["sql"][:90] for q in keyed.captured_queries]


def test_usage_is_counted_per_day_and_last_used_at_most_once_a_minute():
    key = ApiKeyFactory()
    now = timezone.now()
    keys.record_use(key, now)
    key.refresh_from_db()
    keys.record_use(key, now + datetime.timedelta(seconds=10))
    key.refresh_from_db()
    assert key.last_used_at == now
    keys.record_use(key, now + datetime.timedelta(days=1))
    counts = dict(ApiKeyUsage.objects.values_list("day", "requests"))
    assert counts == {timezone.localdate(now): 2, timezone.localdate(now + datetime.timedelta(days=1)): 1}


def test_cors_headers_on_a_401(client, published):
    response = client.get(BASE, **bearer("bad"))
    assert response.status_code == 401 and response["Access-Control-Allow-Origin"] == "*"
