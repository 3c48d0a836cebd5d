"""The public side: the "Was this page useful?" answer, and data requests with their status pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.models import Page

from portal.core.languages import interface_text
from portal.core.origin import from_this_site
from portal.core.private import private
from portal.core.ratelimit import limit_or_429
from portal.core.submissions import submission_view

from . import data_requests
from .figures import headline_figures
from .forms import DataRequestForm, PageFeedbackForm
from .models import DataRequest, DataRequestEvent, FeedbackSettings
from .page_feedback import collects_feedback, record_feedback

SENT_SESSION_KEY = "feedback-data-request"
# Other apps add links to "You said, we did" under this hook (consultations: their outcomes, as
# "We asked, you said, we did"), each a list of {"title", "url", "text"}: nothing is imported.
YOU_SAID_LINKS_HOOK = "register_you_said_we_did_links"


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def feedback_form(settings, data=None):
    return PageFeedbackForm(
        data, question=interface_text(settings.question), comment_hint=interface_text(settings.comment_hint)
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def page_feedback(request, page_id):
    """POST an answer about a page and go back to it with a thank-you; on a mistake, this
    page shows the form again with what was typed. GET shows the same form on its own.

    No CSRF token: the box sits on cached pages, see portal/origin.py.
    """
    if request.method == "POST" and not from_this_site(request):
        raise PermissionDenied("Feedback can only be sent from this site's pages.")
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    if not collects_feedback(page):
        raise Http404("This page does not take feedback.")
    settings = FeedbackSettings.load(request_or_site=request)
    form = feedback_form(settings, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        limited = limit_or_429(request, "page_feedback")
        if limited:
            return limited
        if form.is_robot():
            return thanked(request, page, settings)  # robots learn nothing; nothing is stored
        if form.is_valid():
            record_feedback(
                page,
                useful=form.cleaned_data["useful"],
                feedback_type=form.cleaned_data["feedback_type"],
                comment=form.cleaned_data["comment"],
                user=request.user,
                source=request.build_absolute_uri(page.url),
            )
            return thanked(request, page, settings)
        if wants_json(request):
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    response = TemplateResponse(
        request,
        "feedback/page_feedback_form.html",
        {"feedback_page": page, "form": form, "feedback_settings": settings},
        status=400 if form.errors else 200,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def thanked(request, page, settings):
    if wants_json(request):
        return JsonResponse({"message": interface_text(settings.thank_you)})
    messages.success(request, interface_text(settings.thank_you))
    return HttpResponseRedirect(page.url)


# Data requests (the addresses below DataRequestPage, see urls.data_request_urls)


def request_form(page, request):
    return submission_view(
        page,
        request,
        DataRequestForm(request.POST or None, consent_wording=page.consent_text),
        limit="data_request",
        submit=lambda form: data_requests.submit(
            **form.request_details(),
            consent_wording=form.consent_wording,
            source=request.build_absolute_uri(page.url),
            user=request.user,
        ),
        duplicate=data_requests.DuplicateRequest,
        session_key=SENT_SESSION_KEY,
    )


def request_sent(page, request):
    data_request = DataRequest.objects.filter(pk=request.session.get(SENT_SESSION_KEY)).first()
    if data_request is None:  # opened without sending, or in another browser
        return HttpResponseRedirect(page.url)
    return private(
        page.render(
            request,
            template="feedback/data_request_sent.html",
            context_overrides={
                "data_request": data_request,
                "status_url": page.url + page.reverse_subpage("status", args=[data_request.token]),
            },
        )
    )


def request_status(page, request, token):
    """Anyone with the link sees the request and its public history; any other token is a 404."""
    data_request = get_object_or_404(DataRequest, token=token)
    events = data_request.events.filter(kind__in=DataRequestEvent.PUBLIC).order_by("created_at", "pk")
    return private(
        page.render(
            request,
            template="feedback/data_request_status.html",
            context_overrides={"data_request": data_request, "events": events},
        )
    )


def you_said_we_did(page, request):
    """The "You said, we did" page: its entries, newest first, under the headline figures."""
    entries = page.entries.select_related("theme", "link_page").order_by("-date", "sort_order")
    links = [link for register in hooks.get_hooks(YOU_SAID_LINKS_HOOK) for link in register()]
    return page.render(
        request,
        context_overrides={
            "entries": entries,
            "figures": headline_figures(page.figures_months),
            "we_asked_links": links,
        },
    )
