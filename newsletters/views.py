"""The public side: sign-up, confirmation, the preference centre, unsubscribing, and counting.

Links from emails carry a token instead of a login. An unknown or broken token gets a page
that says so and changes nothing; nothing here ever tells a visitor whether an address is
on our lists.
"""

import csv
import io
import json
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.contacts.exports import spreadsheet_safe
from portal.contacts.services import normalise_email
from portal.core.attribution import SIGNUP, record_conversion
from portal.core.origin import from_this_site
from portal.core.private import private
from portal.core.ratelimit import limit_or_429

from . import alerts, subscriptions
from .forms import AlertSignupForm, PreferencesForm, SignupForm
from .links import ExpiredToken, InvalidToken, read_confirmation_token
from .models import NewsletterIndexPage, SignupRequest, Subscriber

ISSUES_PER_PAGE = 12


def newsletter_index():
    index = NewsletterIndexPage.objects.live().first()
    if index is None:
        raise Http404("The newsletter has no page yet.")
    return index


def message_page(request, title, paragraphs, *, status=200, index=None, **context):
    """A page that says one thing: a link's outcome, a confirmation, a refusal."""
    response = render(
        request,
        "newsletters/message.html",
        {"title": title, "paragraphs": paragraphs, "index_page": index or newsletter_index(), **context},
        status=status,
    )
    return private(response)


# Sign-up (routes of the newsletter page)


def signup_context(index, request, form=None):
    """The archive of issues is read only when it is drawn, not when it comes from the fragment
    cache (``{% body_cache %}``, one copy per page of it); the form, with its CSRF token and
    errors, is drawn for each visitor."""
    issues = SimpleLazyObject(
        lambda: Paginator(index.issues(), ISSUES_PER_PAGE).get_page(request.GET.get("page"))
    )
    return {"form": form or SignupForm(consent_wording=index.consent_text), "issues": issues}


def signup_page(index, request):
    return index.render(request, context_overrides=signup_context(index, request))


def signup(index, request):
    """POST from the newsletter page: the same answer whether or not we knew the address."""
    if request.method != "POST":
        return HttpResponseRedirect(index.url)
    limited = limit_or_429(
        request, "newsletter_signup", key=normalise_email(request.POST.get("email", ""))[:254]
    )
    if limited:
        return limited
    form = SignupForm(request.POST, consent_wording=index.consent_text)
    if not form.is_valid():
        return index.render(request, context_overrides=signup_context(index, request, form))
    subscriptions.request_signup(
        form.cleaned_data["email"], **form.signup_details(), source=request.build_absolute_uri(index.url)
    )
    record_conversion(request, SIGNUP)  # counted for an ambassador's link when it carried its code
    return HttpResponseRedirect(index.url + index.reverse_subpage("check_email"))


@csrf_exempt
@require_POST
def footer_signup(request):
    """POST from the footer, which sits on cached pages and so carries no CSRF token (see
    portal/origin.py); a sign-up only ever sends a confirmation link."""
    if not from_this_site(request):
        raise PermissionDenied(gettext("Sign up from this site's pages."))
    return signup(newsletter_index(), request)


def alerts_signup(index, request):
    """Release alerts by data topic (the topics of public datasets): GET shows the form, POST
    keeps the sign-up and emails its confirmation link, with the same answer whether or not we
    knew the address."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    topics = alerts.topic_choices()
    areas = alerts.area_choices()
    # "Follow <area>" on an area page links here with ?area=<code>: that area comes ticked.
    asked = request.GET.get("area", "")[:50]
    known = dict(areas)
    form = AlertSignupForm(
        request.POST if request.method == "POST" else None,
        topics=topics,
        areas=areas,
        max_areas=alerts.MAX_AREAS,
        consent_wording=index.alerts_consent_text,
        initial={"areas": [asked]} if asked in known else None,
    )
    status = 200
    if request.method == "POST":
        limited = limit_or_429(
            request, "newsletter_signup", key=normalise_email(request.POST.get("email", ""))[:254]
        )
        if limited:
            return limited
        if form.is_valid():
            subscriptions.request_alert_signup(
                form.cleaned_data["email"],
                topics=form.cleaned_data["topics"],
                areas=form.cleaned_data.get("areas", []),
                consent_wording=form.consent_wording,
                source=request.build_absolute_uri(index.url + index.reverse_subpage("release_alerts")),
            )
            return HttpResponseRedirect(index.url + index.reverse_subpage("check_email"))
        status = 400
    response = render(
        request,
        "newsletters/release_alerts.html",
        {
            "page": index,
            "self": index,
            "index_page": index,
            "form": form,
            "topics": topics,
            "areas": areas,
            "chosen_area": known.get(asked, ""),
            "unknown_area": asked if asked and asked not in known else "",
        },
        status=status,
    )
    return private(response)


def check_email(index, request):
    return message_page(request, gettext("Check your email"), [index.check_email_text], index=index)


# Links from emails


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button (mail scanners that open links must not subscribe anyone); POST confirms."""
    index = newsletter_index()
    try:
        signup_request_id = read_confirmation_token(token)
    except ExpiredToken:
        return message_page(
            request,
            gettext("This link has expired"),
            [gettext("Confirmation links work for a limited time. Please sign up again: it takes a minute.")],
            status=410,
            index=index,
            signup_again=True,
        )
    except InvalidToken:
        return message_page(
            request,
            gettext("This link does not work"),
            [
                gettext(
                    "The link is incomplete or was changed. "
                    "Copy the whole link from the email, or sign up again."
                )
            ],
            status=400,
            index=index,
            signup_again=True,
        )
    signup_request = SignupRequest.objects.filter(pk=signup_request_id).first()
    if signup_request is None or signup_request.confirmed_at is not None:
        return message_page(
            request,
            gettext("This link has been used"),
            [gettext("This sign-up is already confirmed, or was withdrawn. Nothing has changed.")],
            index=index,
        )
    if request.method == "GET":
        return message_page(
            request,
            gettext("Confirm your sign-up"),
            [gettext("Confirm that %(email)s should receive:") % {"email": signup_request.email}],
            index=index,
            lists=signup_request.lists.all(),
            topics=signup_request.topics,
            areas=alerts.area_names(signup_request.areas),
            confirm_form=True,
        )
    outcome, subscriber = subscriptions.confirm_signup(signup_request_id)
    if outcome != subscriptions.Confirmation.CONFIRMED:
        return message_page(
            request,
            gettext("This link has been used"),
            [gettext("This sign-up is already confirmed. Nothing has changed.")],
            index=index,
        )
    return message_page(
        request,
        gettext("You are subscribed"),
        [index.confirmed_text],
        index=index,
        preferences_token=subscriber.token,
    )


def subscriber_or_none(token):
    if not token or len(token) > 64:
        return None
    return Subscriber.objects.select_related("contact").filter(token=token).first()


def unknown_link(request):
    return message_page(
        request,
        gettext("This link does not work"),
        [
            gettext(
                "We could not find a subscription for this link: it may be incomplete, or the data it "
                "belonged to may have been deleted. Nothing has changed."
            )
        ],
        status=404,
    )


@require_http_methods(["GET", "HEAD"])
def follow_area(request):
    """The "Follow <area>" link of an area page (which does not know where the newsletter page
    is): on to the release-alerts form with that area ticked."""
    index = newsletter_index()
    target = index.url + index.reverse_subpage("release_alerts")
    code = request.GET.get("area", "")[:50]
    return HttpResponseRedirect(f"{target}?{urlencode({'area': code})}" if code else target)


@require_http_methods(["GET", "POST"])
def preferences(request, token):
    subscriber = subscriber_or_none(token)
    if subscriber is None:
        return unknown_link(request)
    index = newsletter_index()
    followed = list(subscriber.topic_alerts.values_list("topic", flat=True))
    # The topics on offer, and those already followed (so that one no longer offered can be dropped).
    topics = sorted(set(alerts.topic_choices()) | set(followed), key=str.casefold)
    followed_areas = list(subscriber.area_alerts.values_list("area_code", flat=True))
    names = dict(alerts.area_choices()) if followed_areas else {}
    areas = [(code, names.get(code, code)) for code in followed_areas]
    initial = {
        "lists": list(subscriber.subscriptions.values_list("newsletter_list_id", flat=True)),
        "topics": followed,
        "areas": followed_areas,
        "frequency": subscriber.frequency,
        "user_group": subscriber.contact.user_group,
        "preferred_language": subscriber.contact.preferred_language,
    }
    form = PreferencesForm(request.POST or None, initial=initial, topics=topics, areas=areas)
    saved = False
    if request.method == "POST" and form.is_valid():
        subscriber = subscriptions.update_preferences(
            subscriber,
            lists=list(form.cleaned_data["lists"]),
            frequency=form.cleaned_data["frequency"],
            user_group=form.cleaned_data["user_group"],
            topics=form.cleaned_data.get("topics", []),
            areas=form.cleaned_data.get("areas", []) if areas else None,
            preferred_language=form.cleaned_data["preferred_language"],
        )
        if subscriber.unsubscribed_at:
            return HttpResponseRedirect(request.path.replace("/preferences/", "/unsubscribe/"))
        saved = True
        form = PreferencesForm(
            initial={
                **initial,
                "lists": [item.pk for item in form.cleaned_data["lists"]],
                "topics": form.cleaned_data.get("topics", []),
                "areas": form.cleaned_data.get("areas", []),
            },
            topics=topics,
            areas=[(code, name) for code, name in areas if code in form.cleaned_data.get("areas", [])],
        )
    response = render(
        request,
        "newsletters/preferences.html",
        {"index_page": index, "subscriber": subscriber, "form": form, "saved": saved, "token": token},
    )
    return private(response)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token, sending_id=None):
    """RFC 8058 one-click: a POST (from a mail app or our own button) unsubscribes; GET asks first.

    CSRF-exempt because mail providers POST without a form, but it acts only on a valid token.
    """
    subscriber = subscriber_or_none(token)
    if subscriber is None:
        return unknown_link(request)
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber, sending_id=sending_id)
        return message_page(
            request,
            gettext("You are unsubscribed"),
            [
                gettext(
                    "We will not send you any more newsletters. "
                    "If this was a mistake, choose your newsletters again."
                )
            ],
            token=token,
        )
    if subscriber.unsubscribed_at:
        return message_page(
            request,
            gettext("You are unsubscribed"),
            [gettext("We do not send you any newsletters. Nothing has changed.")],
            token=token,
        )
    return message_page(
        request,
        gettext("Unsubscribe from every newsletter?"),
        [gettext("%(email)s will get no more newsletters from us.") % {"email": subscriber.contact.email}],
        token=token,
        unsubscribe_form=True,
    )


@require_GET
def download_data(request, token, file_format):
    subscriber = subscriber_or_none(token)
    if subscriber is None or file_format not in ("json", "csv"):
        return unknown_link(request)
    data = subscriptions.personal_data(subscriber)
    if file_format == "json":
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
        )
    else:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["Section", "Field", "Value"])
        for key, value in data.items():
            rows = value if isinstance(value, list) else [value]
            for number, row in enumerate(rows, 1):
                if isinstance(row, dict):
                    for field, cell in row.items():
                        writer.writerow([key, f"{number}. {field}", spreadsheet_safe(cell)])
                else:
                    writer.writerow([key, "", spreadsheet_safe(row)])
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="my-newsletter-data.{file_format}"'
    return private(response)


@require_http_methods(["GET", "POST"])
def delete_data(request, token):
    subscriber = subscriber_or_none(token)
    if subscriber is None:
        return unknown_link(request)
    if request.method == "POST":
        whole_contact = subscriptions.erase(subscriber)
        paragraphs = [
            gettext("We have deleted your newsletter subscription and everything it held about you.")
        ]
        if not whole_contact:
            paragraphs.append(
                gettext(
                    "We keep your training registrations, which you manage from their own emails, "
                    "until they are over."
                )
            )
        return message_page(request, gettext("Your data is deleted"), paragraphs)
    return message_page(
        request,
        gettext("Delete your data?"),
        [
            gettext(
                "This deletes %(email)s, your newsletter choices and the history "
                "of what we sent you. "
                "It cannot be undone. "
                "Our counts of how many people read each issue stay, without you in them."
            )
            % {"email": subscriber.contact.email}
        ],
        token=token,
        delete_form=True,
    )
