"""What every part of version 1 shares: the problem schema the OpenAPI document names for each
error, absolute addresses, offset pages, and the one way to find a published dataset."""

from ninja import NinjaAPI, Schema

from datasets import figures

from . import problems


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    instance: str


ERRORS = {400: Problem, 401: Problem, 404: Problem, 406: Problem, 422: Problem, 429: Problem}


class ProblemAPI(NinjaAPI):
    """The schema says what the API sends: errors as ``application/problem+json`` (ninja would
    document every response as ``application/json``; Schemathesis holds the two to each other),
    and an operation that answers in several formats lists them (``x-content`` in its
    ``openapi_extra``: status to the response's content by media type)."""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        for path in schema["paths"].values():
            for operation in path.values():
                contents = operation.pop("x-content", {})
                for status, response in operation.get("responses", {}).items():
                    if str(status) in contents:
                        response["content"] = contents[str(status)]
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        response["content"] = {problems.PROBLEM_TYPE: content["application/json"]}
        return schema


def absolute(request, path):
    return request.build_absolute_uri(path)


def next_url(request, **changes):
    query = request.GET.copy()
    for name, value in changes.items():
        query[name] = value
    return absolute(request, f"{request.path}?{query.urlencode()}")


def offset_page(request, items, count, limit, offset):
    """A list answer: ``count``, the address of the ``next`` page (or None) and ``results``."""
    more = offset + limit < count
    return {
        "count": count,
        "next": next_url(request, offset=offset + limit) if more else None,
        "results": items,
    }


def dataset_or_404(slug):
    dataset = figures.public_dataset(slug)
    if dataset is None:
        raise problems.Problem(404, f"There is no published dataset {slug[:60]!r}.")
    return dataset
