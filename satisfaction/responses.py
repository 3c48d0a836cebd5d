"""Filing an answer, and the cookie that keeps the invitation away from a browser that answered."""

from .models import SurveyResponse

COOKIE_NAME = "portal_survey"
SENT_SESSION_KEY = "satisfaction-survey"


class AlreadyAnswered(Exception):
    """This browser's session has answered already: one answer per visit is counted."""


def submit(request, form):
    if request.session.get(SENT_SESSION_KEY):
        raise AlreadyAnswered("You have already answered the survey in this visit. Thank you.")
    return SurveyResponse.objects.create(**form.cleaned_data)


def remember_answered(response, settings):
    """A first-party cookie that says only "asked": the invitation's script reads it and stays
    away for the period. It carries no identifier."""
    response.set_cookie(
        COOKIE_NAME, "1", max_age=settings.period_days * 86400, samesite="Lax", secure=False, httponly=False
    )
    return response
