"""Schemathesis runs the API's own OpenAPI schema (served at /api/v1/openapi.json) against the
app, through its WSGI handler: every operation, with generated parameters, over seeded data, must
answer without a 500 and as the schema says (status, content type, headers, body). Half the
generated requests name the seeded rows (the dataset, its version, an area, a release), so that
the answers are real data and not only 404s; each operation is also called plainly."""

import time

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import checks as stock

from api.tests.test_areas_and_corrections import notices  # noqa: F401 - seeds a correction
from api.tests.test_stories_and_modules import modules, stories  # noqa: F401 - seeds pages
from datasets.tests.factories import ReleaseFactory

pytestmark = pytest.mark.django_db
SCHEMA_URL = "/api/v1/openapi.json"
EXAMPLES = 12  # per operation: the whole run stays well under a minute
BUDGET_SECONDS = 60
CHECKS = [
    stock.not_a_server_error,
    stock.status_code_conformance,
    stock.content_type_conformance,
    stock.response_headers_conformance,
    stock.response_schema_conformance,
]


@pytest.fixture(autouse=True)
def connection_kept_open():
    """The site's WSGI handler closes the database connection at the end of each request, which
    on PostgreSQL would end the test's transaction (SQLite in memory is never closed). Django's
    test client does the same as this, for the same reason."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def site():
    """The site's WSGI application, as a visitor at a documentation address reaches it
    (Werkzeug's test client sends no REMOTE_ADDR, which the rate limit needs). Bodies are read
    uncompressed: Schemathesis's WSGI transport does not undo gzip (api/tests/test_gzip.py
    checks that each format decompresses to the same bytes)."""
    application = get_wsgi_application()

    def app(environ, start_response):
        environ.setdefault("REMOTE_ADDR", "192.0.2.10")
        environ["HTTP_ACCEPT_ENCODING"] = "identity"
        return application(environ, start_response)

    return app


def seeded(values):
    def fill(case):
        for name in case.path_parameters or {}:
            if name in values:
                case.path_parameters[name] = values[name]
        return case

    return fill


def run_operation(operation, values):
    """Generated cases, half of them on the seeded rows, then the plain call on the seeded rows."""
    strategy = operation.as_strategy()

    @given(case=st.one_of(strategy, strategy.map(seeded(values))))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(checks=CHECKS)

    run()
    names = [parameter.name for parameter in operation.path_parameters]
    path_parameters = {name: values[name] for name in names if name in values}
    response = operation.Case(path_parameters=path_parameters, query={}).call_and_validate(checks=CHECKS)
    assert response.status_code == 200, (operation.label, response.status_code, response.text[:300])


def test_the_api_answers_as_its_schema_says(settings, published, notices, stories, modules):  # noqa: F811
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "api": "100000/m/ip"}  # not under test
    release = ReleaseFactory(dataset=published, version=published.versions.get(number=1))
    values = {
        "slug": published.slug,
        "number": 1,
        "release_id": release.pk,
        "list_slug": published.area_code_list.slug,
        "code": "R1",
    }
    schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, site())
    failures, started, count = {}, time.monotonic(), 0
    for result in schema.get_all_operations():
        operation = result.ok()
        count += 1
        try:
            run_operation(operation, values)
        except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - every failure reported at once
            failures[operation.label] = str(error)[:3000]
    assert not failures, "\n\n".join(f"{label}:\n{error}" for label, error in failures.items())
    assert count >= 13, "every operation of the schema ran"
    assert time.monotonic() - started < BUDGET_SECONDS
