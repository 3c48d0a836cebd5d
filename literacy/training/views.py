"""The public side of training: listings, a session's page, registering and cancelling.

The training pages' addresses (literacy/training/urls.py) come here; these functions take the
page first.
Nothing here shows a joining link or registrant-only material: those go out by email only.
"""

import datetime
from functools import partial
from operator import getitem

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext

from portal.contacts.services import normalise_email
from portal.core.caching.pagecache import mark_cacheable
from portal.core.private import private
from portal.core.ratelimit import limit_or_429
from portal.core.vocabularies import Tier, UserGroup

from . import services
from .forms import RegistrationForm
from .ics import sessions_feed_ics
from .models import Registration, SessionFormat, SessionMaterial

SESSIONS_PER_PAGE = 10
REGISTERED_SESSION_KEY = "literacy-registered"


# Listings


def with_listing_data(sessions):
    """What a session card shows, in a fixed number of queries: seats taken and public materials."""
    return sessions.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED))
    ).prefetch_related(
        Prefetch(
            "materials",
            queryset=SessionMaterial.objects.filter(visibility=SessionMaterial.Visibility.EVERYONE)
            .select_related("document")
            .order_by("sort_order"),
            to_attr="public_materials",
        )
    )


def parse_month(value):
    """ "2026-12" -> date(2026, 12, 1); anything else -> None (and the filter is ignored)."""
    try:
        month = datetime.datetime.strptime(value, "%Y-%m").date()
    except (TypeError, ValueError):
        return None
    return month if 2000 <= month.year <= 2100 else None


def filtered_sessions(sessions, filters):
    """Apply the listing filters; a session for everyone matches every audience."""
    if filters["audience"]:
        sessions = sessions.filter(audience__in=[filters["audience"], ""])
    if filters["level"]:
        sessions = sessions.filter(level=filters["level"])
    if filters["format"]:
        sessions = sessions.filter(format=filters["format"])
    month = parse_month(filters["month"])
    if month:
        sessions = sessions.filter(starts_at__year=month.year, starts_at__month=month.month)
    return sessions


def read_filters(request):
    """The filters in the query string, keeping only values we know."""
    get = request.GET
    return {
        "audience": get.get("audience", "") if get.get("audience") in UserGroup.values else "",
        "level": get.get("level", "") if get.get("level") in Tier.values else "",
        "format": get.get("format", "") if get.get("format") in SessionFormat.values else "",
        "month": get.get("month", "") if parse_month(get.get("month")) else "",
    }


def month_choices(sessions):
    return [
        (month.strftime("%Y-%m"), date_format(month, "F Y"))
        for month in sessions.datetimes("starts_at", "month")
    ]


def upcoming(index, request):
    """The listing is read only when it is drawn, not when it comes from the fragment cache
    (``{% body_cache %}``, one copy per address). A registration purges the index, so the seats
    taken are never older than the copy; a session that has started stays listed only as long as a
    cached page keeps it (CHROME_SECONDS)."""
    mark_cacheable(request)
    context = SimpleLazyObject(lambda: upcoming_context(index, request))
    return index.render(
        request,
        context_overrides={
            name: SimpleLazyObject(partial(getitem, context, name))
            for name in ("sessions", "filters", "filtering", "audience_label", "months", "filter_query")
        }
        | {
            "audiences": UserGroup.choices,
            "levels": Tier.choices,
            "formats": SessionFormat.choices,
            "has_past": SimpleLazyObject(
                lambda: index.sessions().filter(starts_at__lt=timezone.now(), cancelled=False).exists()
            ),
        },
    )


def upcoming_context(index, request):
    sessions = index.sessions().filter(starts_at__gte=timezone.now()).order_by("starts_at", "pk")
    filters = read_filters(request)
    months = month_choices(sessions)
    if filters["month"] not in dict(months):
        filters["month"] = ""  # only months that have sessions: no endless empty months to crawl
    page_obj = Paginator(with_listing_data(filtered_sessions(sessions, filters)), SESSIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return {
        "sessions": page_obj,
        "filters": filters,
        "filtering": any(filters.values()),
        "audience_label": UserGroup(filters["audience"]).label if filters["audience"] else "",
        "months": months,
        "filter_query": "&".join(f"{key}={value}" for key, value in filters.items() if value),
    }


def past(index, request):
    mark_cacheable(request)
    # A cancelled session never took place: it has nothing to keep.
    sessions = (
        index.sessions().filter(starts_at__lt=timezone.now(), cancelled=False).order_by("-starts_at", "-pk")
    )
    page_obj = Paginator(with_listing_data(sessions), SESSIONS_PER_PAGE).get_page(request.GET.get("page"))
    return index.render(
        request, template="training/training_past.html", context_overrides={"sessions": page_obj}
    )


def calendar_feed(index, request):
    mark_cacheable(request)
    response = HttpResponse(sessions_feed_ics(index.sessions().order_by("starts_at", "pk")))
    response["Content-Type"] = "text/calendar; charset=utf-8"
    response["Content-Disposition"] = 'inline; filename="training.ics"'
    return response


# One session


def session_context(session, form=None):
    """Everything the session page shows; the form only while registration is open. The
    description, preparation and materials are the same for everyone and change only with a
    revision: they are drawn once per revision, chrome generation and language
    (``{% body_cache %}``) and read only when drawn. The places left and the form are not kept."""
    closed = services.closed_reason(session)
    consent_wording = session.get_parent().specific.consent_text
    return {
        "closed_reason": closed,
        "seats_left": services.seats_left(session),
        "form": None if closed else (form or RegistrationForm(consent_wording=consent_wording)),
        "preparation_pages": SimpleLazyObject(lambda: preparation_pages(session)),
        "public_materials": session.materials.filter(visibility=SessionMaterial.Visibility.EVERYONE)
        .select_related("document")
        .order_by("sort_order"),
    }


def preparation_pages(session):
    return [block.value.specific for block in session.preparation if block.value and block.value.live]


def session_page(session, request):
    return session.render(request, context_overrides=session_context(session))


def register(session, request):
    """POST the form: register and go to the confirmation page, or show the form again with why."""
    if request.method != "POST":
        return HttpResponseRedirect(session.url + "#register")
    limited = limit_or_429(
        request, "training_registration", key=normalise_email(request.POST.get("email", ""))
    )
    if limited:
        return limited
    index = session.get_parent().specific
    form = RegistrationForm(request.POST, consent_wording=index.consent_text)
    if form.is_valid():
        try:
            registration = services.register(
                session,
                **form.registration_details(),
                consent_wording=form.consent_wording,
                source=request.build_absolute_uri(session.url),
            )
        except services.AlreadyRegistered as error:
            form.add_error(
                "email", str(error) + " " + gettext("Your confirmation email has a link to cancel it.")
            )
        except services.RegistrationClosed:
            pass  # the page says why, in place of the form
        except services.RegistrationError as error:
            form.add_error(None, str(error))
        else:
            request.session[REGISTERED_SESSION_KEY] = registration.pk
            return HttpResponseRedirect(session.url + session.reverse_subpage("registered"))
    response = session.render(request, context_overrides=session_context(session, form))
    if not form.errors:  # registration closed while they were filling in the form
        response.status_code = 409
    return response


def registered(session, request):
    """Tells the person what happened: a seat, a place in line, or a request awaiting approval."""
    registration = (
        Registration.objects.filter(session=session, pk=request.session.get(REGISTERED_SESSION_KEY))
        .select_related("session")
        .first()
    )
    if registration is None:  # opened without registering, or in another browser
        return HttpResponseRedirect(session.url)
    waitlist_position = None
    if registration.status == Registration.Status.WAITLISTED:
        waitlist_position = Registration.objects.filter(
            Q(created_at__lt=registration.created_at)
            | Q(created_at=registration.created_at, pk__lte=registration.pk),
            session=session,
            status=Registration.Status.WAITLISTED,
        ).count()
    return private(
        session.render(
            request,
            template="training/training_registered.html",
            context_overrides={"registration": registration, "waitlist_position": waitlist_position},
        )
    )


def cancel(session, request, token):
    """GET asks to confirm; POST (with CSRF) cancels. An unknown token is a 404 and changes nothing."""
    registration = get_object_or_404(
        Registration.objects.select_related("session"), session=session, token=token
    )
    too_late = timezone.now() >= session.starts_at
    if request.method == "POST" and not too_late:
        services.cancel(registration)
        messages.success(
            request, gettext("Your registration is cancelled. We have emailed you a confirmation.")
        )
        return HttpResponseRedirect(request.path)
    response = session.render(
        request,
        template="training/training_cancel.html",
        context_overrides={
            "registration": registration,
            "active": registration.status in Registration.ACTIVE,
            "too_late": too_late,
            "open_again": not services.closed_reason(session),
        },
    )
    if request.method == "POST":  # too late to cancel: the page says so
        response.status_code = 409
    return private(response)
