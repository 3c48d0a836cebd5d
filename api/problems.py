"""Errors as RFC 9457 problem details (``application/problem+json``): a status, a title, and a
detail a person can act on; ``errors`` lists each bad parameter when there are several."""

import json
from http import HTTPStatus

from django.http import HttpResponse

PROBLEM_TYPE = "application/problem+json"


class Problem(Exception):
    """Raised anywhere in the API; answered by ``problem_response``."""

    def __init__(self, status, detail, *, errors=None, headers=None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}


def problem_response(request, status, detail, *, errors=None, headers=None):
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    if errors:
        body["errors"] = errors
    response = HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def from_problem(request, problem):
    return problem_response(
        request, problem.status, problem.detail, errors=problem.errors, headers=problem.headers
    )


def from_validation_error(request, exc):
    """Ninja's own checks of parameter types (a page size that is not a number...)."""
    errors = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
        errors.append({"parameter": ".".join(location), "detail": error.get("msg", "invalid")})
    detail = "; ".join(f"{e['parameter']}: {e['detail']}" for e in errors) or "The request is not valid."
    return problem_response(request, 422, detail, errors=errors)


def not_found(request, exc=None):
    return problem_response(request, 404, "There is nothing at this address of the API.")


def bad_request(request, exception=None):
    """The site's 400 (``handler400``): problem details under /api/, Django's page elsewhere.
    Middleware that refuses a request before any view (a NUL character) ends up here."""
    from django.views.defaults import bad_request as page

    if request.path.startswith("/api/"):
        detail = str(exception) if exception and str(exception) else "The request is not valid."
        return problem_response(request, 400, detail)
    return page(request, exception)
