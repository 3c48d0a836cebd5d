"""The short survey attendees reach from their thank-you email: a rating and what to improve.

The link carries the registration's secret token, so nobody signs in and nobody can answer
for someone else. Only people staff marked as attended can answer; answering again updates
the answer (people correct a slip of the finger), so each registration has one.
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.contacts.models import TouchpointKind
from portal.contacts.services import record_touchpoint

from .models import Registration, SessionFeedback

RATINGS = [
    (1, _("1: not useful")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5: very useful")),
]


def feedback_url(registration):
    """The absolute link for the thank-you email."""
    session = registration.session
    return (session.get_full_url() or "") + session.reverse_subpage("feedback", args=[registration.token])


class FeedbackForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("How useful was the session for your work?"),
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 is not useful at all, 5 is very useful."),
        error_messages={
            "required": _("Choose a rating from 1 to 5."),
            "invalid_choice": _("Choose a rating from 1 to 5."),
        },
    )
    improve = forms.CharField(
        label=_("What could be better?"),
        max_length=2000,
        required=False,
        help_text=_(
            "For example: topics to add, the pace, the room or the connection. Up to 2,000 characters."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    class Meta:
        model = SessionFeedback
        fields = ["rating", "improve"]


def feedback(session, request, token):
    """GET shows the survey, POST stores the answer; a token from another session is a 404."""
    registration = (
        Registration.objects.select_related("session", "feedback")
        .filter(session_id=session.pk, token=token)
        .first()
        if token
        else None
    )
    if registration is None:
        raise Http404("No registration with this link.")
    existing = getattr(registration, "feedback", None)
    if registration.attended is not True:
        return _render(request, session, registration, None, existing, status=403)
    form = FeedbackForm(request.POST if request.method == "POST" else None, instance=existing)
    if request.method == "POST" and form.is_valid():
        _save(registration, form, first_time=existing is None)
        messages.success(
            request, gettext("Thank you: we have your feedback. You can change it here at any time.")
        )
        return redirect(request.path)
    return _render(request, session, registration, form, existing, status=200)


def _save(registration, form, *, first_time):
    with transaction.atomic():
        answer = form.save(commit=False)
        answer.registration = registration
        answer.save()
        if first_time:
            record_touchpoint(
                registration.email,
                kind=TouchpointKind.FEEDBACK,
                source=registration.session.url or "",
                detail=f"Training feedback: {registration.session.title}",
            )


def _render(request, session, registration, form, existing, *, status):
    response = TemplateResponse(
        request,
        "training/feedback.html",
        {
            "page": session,
            "session": session,
            "registration": registration,
            "form": form,
            "existing": existing,
        },
        status=status,
    )
    add_never_cache_headers(response)  # the page is reached through a personal link
    return response
