"""The flow of a public form that files something for staff to answer (a data request, a misuse
report): rate limited per address and per email, robots sent to the thank-you page as if they
had succeeded, a duplicate answered 409 with the form, bad input 400, and after success a
redirect to the thank-you page that remembers what was sent (POST/redirect/GET). One flow, so
every such form behaves the same."""

from django.http import HttpResponseRedirect

from portal.contacts.services import normalise_email

from .private import private
from .ratelimit import limit_or_429

HONEYPOT_FIELD = "website"


class HoneypotMixin:
    """For a form served by :func:`submission_view`: robots fill in every field they find,
    including a ``website`` input that people never see (the page's stylesheet hides it). It is
    not a form field, so it never shows among the form's fields or errors."""

    def is_robot(self):
        return bool(str(self.data.get(HONEYPOT_FIELD, "")).strip())


def submission_view(page, request, form, *, limit, submit, duplicate, session_key, sent_route="sent"):
    """Serve ``page`` with ``form`` (already bound on POST). ``submit(form)`` files it and returns
    the new record, or raises ``duplicate`` (its message is shown on the form)."""
    status = 200
    if request.method == "POST":
        limited = limit_or_429(request, limit, key=normalise_email(request.POST.get("email", "")))
        if limited:
            return limited
        sent_url = page.url + page.reverse_subpage(sent_route)
        if form.is_robot():
            return HttpResponseRedirect(sent_url)
        if form.is_valid():
            try:
                record = submit(form)
            except duplicate as error:
                form.add_error(None, str(error))
                status = 409
            else:
                request.session[session_key] = record.pk
                return HttpResponseRedirect(sent_url)
        else:
            status = 400
    response = page.render(request, context_overrides={"form": form})
    response.status_code = status
    return private(response) if request.method == "POST" else response
