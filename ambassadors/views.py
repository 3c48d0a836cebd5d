"""The public side: the application form, an ambassador's own page (links and reach), a
campaign's pack, and the short address every share link is."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from portal.core.private import private
from portal.core.ratelimit import consume_read, limit_or_429
from portal.core.submissions import submission_view

from . import links, programme
from .forms import ApplicationForm, ShareLinkForm
from .models import Application
from .packs import toolkit_pack
from .reach import reach_report

SENT_SESSION_KEY = "ambassadors-application"


def application_form(page, request):
    return submission_view(
        page,
        request,
        ApplicationForm(request.POST or None, consent_wording=page.consent_text),
        limit="ambassador_application",
        submit=lambda form: programme.submit(
            **form.application_details(),
            consent_wording=form.consent_wording,
            source=request.build_absolute_uri(page.url),
            user=request.user,
        ),
        duplicate=programme.DuplicateApplication,
        session_key=SENT_SESSION_KEY,
    )


def application_sent(page, request):
    application = Application.objects.filter(pk=request.session.get(SENT_SESSION_KEY)).first()
    if application is None:
        return HttpResponseRedirect(page.url)
    return private(
        page.render(
            request,
            template="ambassadors/application_sent.html",
            context_overrides={"application": application},
        )
    )


def ambassador_page(page, request):
    """An ambassador's own page: their links, a form for a new one, and their reach. Others see
    where their application stands, or how to apply."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    ambassador = programme.ambassador_for(request.user)
    form = ShareLinkForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if ambassador is None or not ambassador.is_approved:
            return private(HttpResponse(gettext("Only approved ambassadors make share links."), status=403))
        limited = limit_or_429(request, "ambassador_link")
        if limited:
            return limited
        if form.is_valid():
            try:
                target = links.shareable_page(request, form.cleaned_data["address"])
                link = links.make_link(ambassador, target)
            except links.NotShareable as error:
                form.add_error("address", str(error))
            else:
                return HttpResponseRedirect(f"{request.path}?made={link.code}#link-{link.code}")
        status = 400
    context = {
        "ambassador": ambassador,
        "form": form,
        "made": request.GET.get("made", ""),
        "share_base": request.build_absolute_uri("/s/"),
    }
    if ambassador is not None and ambassador.is_approved:
        context["reach"] = reach_report(ambassador)
    response = page.render(request, template="ambassadors/ambassador_page.html", context_overrides=context)
    response.status_code = status
    return private(response)


def toolkit_pack_download(page, request):
    response = HttpResponse(toolkit_pack(page), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-pack.zip"'
    return response


@require_GET
def follow_link(request, code):
    """``/s/<code>``: count the visit and send the visitor on to the page (302), carrying the code
    in the address only. No cookie, no session. An unknown, suspended or dead code is a 404,
    the same one, after the same single query."""
    link = links.live_link(code)
    if link is None:
        raise Http404("No such link.")
    if consume_read(request, "share_visit"):  # a robot hammering a link does not inflate it
        links.record_visit(link)
    response = HttpResponseRedirect(links.destination(link))
    response["Referrer-Policy"] = "no-referrer"
    return private(response)
