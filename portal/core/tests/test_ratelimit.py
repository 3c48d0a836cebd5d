import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from portal.core.ratelimit import limit_or_429

pytestmark = pytest.mark.django_db


def request_from(ip):
    request = RequestFactory().post("/", REMOTE_ADDR=ip)
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
