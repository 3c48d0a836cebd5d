"""Nothing embargoed appears through any way into the API: version 2 of the fixture is imported
but published only tomorrow, and a second dataset has no public version at all."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from api.tests.conftest import EMBARGOED_FIGURE
from api.tests.helpers import BASE, body
from datasets.importing import import_observations
from datasets.models import Release
from datasets.tests.conftest import as_file
from datasets.tests.factories import DatasetFactory, IndicatorFactory, ReleaseFactory

pytestmark = pytest.mark.django_db
FORMATS = ["json", "csv", "xlsx", "json-stat", "sdmx-csv"]


@pytest.fixture
def secret(published):
    """A dataset whose only version is embargoed, and releases of both."""
    hidden = DatasetFactory(
        slug="secret-survey", title="Secret survey", area_code_list=published.area_code_list
    )
    IndicatorFactory(dataset=hidden, code="POP")
    version = import_observations(
        hidden, as_file(f"indicator,period,area,value\nPOP,2024,NAT,{EMBARGOED_FIGURE}\n")
    )
    at = (timezone.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    ReleaseFactory(dataset=hidden, version=version.version, status=Release.Status.CONFIRMED, announced_at=at)
    ReleaseFactory(
        dataset=published,
        version=published.versions.get(number=2),
        status=Release.Status.CONFIRMED,
        announced_at=at,
    )
    return hidden


def everything(client):
    """Every answer the API gives for the two datasets, as one text."""
    urls = [
        "/api/v1/datasets",
        "/api/v1/datasets?q=secret",
        BASE,
        f"{BASE}/versions/2",
        f"{BASE}/observations",
        f"{BASE}/observations?version=2",
        f"{BASE}/observations?period_from=2025",
        "/api/v1/datasets/secret-survey",
        "/api/v1/datasets/secret-survey/observations",
        "/api/v1/datasets/secret-survey/versions/1",
        "/api/v1/releases",
        *(f"{BASE}/observations?format={fmt}" for fmt in ["csv", "json-stat", "sdmx-csv"]),
        *(f"{BASE}/versions/2/download/{fmt}" for fmt in FORMATS),
        *(f"/api/v1/datasets/secret-survey/versions/1/download/{fmt}" for fmt in FORMATS),
        *(f"/api/v1/datasets/secret-survey/download/{fmt}" for fmt in FORMATS),
    ]
    answers = {url: client.get(url) for url in urls}
    return answers, "\n".join(body(response).decode("utf-8", "replace") for response in answers.values())


def test_nothing_embargoed_before_the_minute(client, secret):
    answers, text = everything(client)
    assert EMBARGOED_FIGURE not in text
    assert "Secret survey" not in text
    for url in [f"{BASE}/versions/2", f"{BASE}/observations?version=2", "/api/v1/datasets/secret-survey"]:
        assert answers[url].status_code == 404
    for fmt in FORMATS:
        assert answers[f"{BASE}/versions/2/download/{fmt}"].status_code == 404
    releases = json.loads(body(answers["/api/v1/releases"]))["results"]
    assert len(releases) == 2
    assert all(release["dataset"] is None and release["version"] is None for release in releases)
    # The current version's download is version 1's.
    assert client.get(f"{BASE}/download/csv")["Location"].endswith("/versions/1/download/csv")


def test_everything_public_after_the_minute(client, secret):
    for version in [
        secret.versions.get(),
        *secret.versions.model.objects.filter(number=2, dataset__slug="population"),
    ]:
        version.published_at = timezone.now() + timedelta(hours=1)
        version.save(update_fields=["published_at"])
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        answers, text = everything(client)
        assert EMBARGOED_FIGURE in text
        assert answers["/api/v1/datasets/secret-survey"].status_code == 200
        assert json.loads(body(answers[f"{BASE}/observations"]))["version"] == 2
        assert client.get(f"{BASE}/download/csv")["Location"].endswith("/versions/2/download/csv")
