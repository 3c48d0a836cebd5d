"""The public side: the fact-check listing and its feeds, a fact-check and its share card, and
the misuse report form."""

from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect

from portal.core.private import private
from portal.core.submissions import submission_view

from . import reports
from .cards import card_png
from .feeds import FactCheckAtomFeed, FactCheckRssFeed
from .forms import MisuseReportForm
from .models import VERDICT_MEANINGS, MisuseReport, Verdict

CHECKS_PER_PAGE = 12
SENT_SESSION_KEY = "trust-misuse-report"


def fact_check_index(index, request):
    verdict = request.GET.get("verdict", "")
    verdict = verdict if verdict in Verdict.values else ""
    checks = Paginator(index.fact_checks(verdict), CHECKS_PER_PAGE).get_page(request.GET.get("page"))
    return index.render(
        request,
        context_overrides={
            "checks": checks,
            "verdict": verdict,
            "verdicts": [(value, label, VERDICT_MEANINGS[value]) for value, label in Verdict.choices],
            "filter_query": f"verdict={verdict}" if verdict else "",
        },
    )


def rss_feed(index, request):
    return FactCheckRssFeed(index)(request)


def atom_feed(index, request):
    return FactCheckAtomFeed(index)(request)


def share_card(page, request):
    return HttpResponse(card_png(page), content_type="image/png")


def report_form(page, request):
    return submission_view(
        page,
        request,
        MisuseReportForm(request.POST or None, request.FILES or None, consent_wording=page.consent_text),
        limit="misuse_report",
        submit=lambda form: reports.submit(
            **form.report_details(),
            consent_wording=form.consent_wording,
            source=request.build_absolute_uri(page.url),
            user=request.user,
        ),
        duplicate=reports.DuplicateReport,
        session_key=SENT_SESSION_KEY,
    )


def report_sent(page, request):
    report = MisuseReport.objects.filter(pk=request.session.get(SENT_SESSION_KEY)).first()
    if report is None:
        return HttpResponseRedirect(page.url)
    return private(
        page.render(request, template="trust/misuse_report_sent.html", context_overrides={"report": report})
    )
