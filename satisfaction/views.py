"""The survey form and its thank-you page."""

from django.http import HttpResponseRedirect

from portal.core.private import private
from portal.core.submissions import submission_view

from . import responses
from .forms import SurveyForm, safe_path
from .models import SurveyResponse, SurveySettings


def survey_form(page, request):
    data = request.POST if request.method == "POST" else None
    form = SurveyForm(data, initial={"from_path": safe_path(request.GET.get("from"))})
    response = submission_view(
        page,
        request,
        form,
        limit="satisfaction_survey",
        submit=lambda form: responses.submit(request, form),
        duplicate=responses.AlreadyAnswered,
        session_key=responses.SENT_SESSION_KEY,
    )
    if request.method == "POST" and response.status_code == 302:
        responses.remember_answered(response, SurveySettings.load(request_or_site=request))
    return response


def survey_sent(page, request):
    answer = SurveyResponse.objects.filter(pk=request.session.get(responses.SENT_SESSION_KEY)).first()
    if answer is None:
        return HttpResponseRedirect(page.url)
    return private(
        page.render(
            request, template="satisfaction/survey_sent.html", context_overrides={"back_to": answer.from_path}
        )
    )
