"""The public side: the listing, a consultation (its questionnaire while open, its dates or its
outcome otherwise) and the confirmation after answering."""

from django.http import HttpResponseRedirect
from django.utils import timezone

from portal.core.private import private
from portal.core.submissions import submission_view

from . import responses
from .models import ConsultationResponse, State

SENT_SESSION_KEY = "consultation-response"
CLOSED_STATUS = 403


def consultation_index(index, request):
    now = timezone.now()
    grouped = {state: [] for state in State}
    for consultation in index.consultations():
        grouped[consultation.state(now)].append(consultation)
    return index.render(
        request,
        context_overrides={
            "open": sorted(grouped[State.OPEN], key=lambda page: page.closes_at),
            "upcoming": sorted(grouped[State.UPCOMING], key=lambda page: page.opens_at),
            "closed": grouped[State.OUTCOME] + grouped[State.CLOSED],
        },
    )


def consultation(page, request):
    """The questionnaire while the consultation is open. Before and after, the page shows its
    dates (and outcome) without a form, and an answer sent anyway is refused with a message."""
    now = timezone.now()
    state = page.state(now)
    if state != State.OPEN:
        response = page.render(request, context_overrides={"refused": request.method == "POST"})
        if request.method == "POST":
            response.status_code = CLOSED_STATUS
            return private(response)
        return response
    form = page.get_form(request.POST or None, page=page, user=request.user)
    return submission_view(
        page,
        request,
        form,
        limit="consultation_response",
        submit=lambda form: responses.submit(
            page, form, source=request.build_absolute_uri(page.url), user=request.user, now=now
        ),
        duplicate=responses.DuplicateResponse,
        session_key=SENT_SESSION_KEY,
    )


def response_sent(page, request):
    response = ConsultationResponse.objects.filter(
        pk=request.session.get(SENT_SESSION_KEY), page=page
    ).first()
    if response is None:
        return HttpResponseRedirect(page.url)
    return private(
        page.render(
            request,
            template="consultations/consultation_sent.html",
            context_overrides={"response": response, "kept": response.contact_id is not None},
        )
    )
