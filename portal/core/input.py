"""Input the site refuses or sets aside before it reaches a view: NUL characters, which PostgreSQL
cannot store or compare, and filters a staff list does not have."""

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import BadRequest
from django.http import HttpResponseRedirect
from django.utils.translation import gettext

NUL = "\x00"
ERROR_FLAG = "e"  # as Django's admin marks a list reopened after a bad filter


class RefuseNulCharactersMiddleware:
    """Answer 400 with the site's "bad request" page to any request carrying a NUL character in
    its path, query or form fields (uploaded files are not text, and are not read here)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request.path) or any(has_nul(key) or has_nul(value) for key, value in fields(request)):
            raise BadRequest("The request contained a character that is not allowed in text.")
        return self.get_response(request)


def has_nul(text):
    return NUL in text


def fields(request):
    yield from _flat(request.GET)
    if request.method == "POST" and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        yield from _flat(request.POST)


def _flat(query_dict):
    for key, values in query_dict.lists():
        for value in values:
            yield key, value


class UnknownListFiltersMiddleware:
    """A staff list opened with a filter or ordering it does not have (an old bookmark, a typo,
    a crafted link) shows the whole list with a message, as Django's own admin does, instead of
    failing with a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, IncorrectLookupParameters) or request.GET.get(ERROR_FLAG):
            return None
        messages.warning(
            request, gettext("That filter or order does not exist here: showing the whole list.")
        )
        return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
