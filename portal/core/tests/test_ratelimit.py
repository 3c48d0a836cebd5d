import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from portal.core.ratelimit import consume_read, limit_or_429, retry_after

pytestmark = pytest.mark.django_db


def request_from(ip):
    request = RequestFactory().post("/en/", REMOTE_ADDR=ip)
    request.user = AnonymousUser()
    return request


def test_limit_per_key_then_429(settings):
    limits = {**settings.ACCOUNT_RATE_LIMITS, "training_registration": "100/m/ip,2/m/key"}
    settings.ACCOUNT_RATE_LIMITS = limits
    assert limit_or_429(request_from("10.0.0.1"), "training_registration", key="a@example.org") is None
    assert limit_or_429(request_from("10.0.0.2"), "training_registration", key="a@example.org") is None
    refused = limit_or_429(request_from("10.0.0.3"), "training_registration", key="a@example.org")
    assert refused.status_code == 429
    assert limit_or_429(request_from("10.0.0.3"), "training_registration", key="b@example.org") is None


def test_limit_per_address(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "newsletter_signup": "2/m/ip"}
    for _ in range(2):
        assert limit_or_429(request_from("10.0.0.9"), "newsletter_signup") is None
    assert limit_or_429(request_from("10.0.0.9"), "newsletter_signup").status_code == 429
    assert limit_or_429(request_from("10.0.0.10"), "newsletter_signup") is None


def test_reads_are_counted_and_retry_after_says_when(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "api": "2/m/ip"}
    read = RequestFactory().get("/api/v1/datasets", REMOTE_ADDR="10.0.0.5")
    with time_machine.travel(1_800_000_000, tick=False):
        assert retry_after(read, "api") == 1  # under the limit: nothing to wait for
        assert consume_read(read, "api") and consume_read(read, "api")
        assert not consume_read(read, "api")
        assert retry_after(read, "api") == 60
    with time_machine.travel(1_800_000_045, tick=False):
        assert retry_after(read, "api") == 15
        assert not consume_read(read, "api")
    with time_machine.travel(1_800_000_061, tick=False):
        assert consume_read(read, "api")
    other = RequestFactory().get("/api/v1/datasets", REMOTE_ADDR="10.0.0.6")
    assert consume_read(other, "api")
