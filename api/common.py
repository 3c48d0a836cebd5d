"""What every part of version 1 shares: the problem schema the OpenAPI document names for each
error, absolute addresses, offset pages, and the one way to find a published dataset."""

from ninja import Schema

from datasets import figures

from . import problems


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    instance: str


ERRORS = {400: Problem, 404: Problem, 406: Problem, 422: Problem, 429: Problem}


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
