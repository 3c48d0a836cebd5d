"""Staff actions on registrations (approve, decline, attendance) and the feedback summary.

Every action is a two-step admin view: a GET shows what will change (nothing changes on a
GET, so a prefetching browser or a pasted link cannot approve anyone), and the POST of that
page, with its CSRF token, makes the change. Seat and waitlist changes go through
literacy.training.services, which emails the person; each change is written to the registration's
history (Wagtail's log) with the member of staff who made it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Avg, Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.log_actions import log

from . import services
from .models import Registration, TrainingSessionPage

Status = Registration.Status
MANAGE_PERMISSION = "training.change_registration"
MAX_SELECTED = 500


def can_manage_registrations(user):
    return user.has_perm(MANAGE_PERMISSION)


def _before_start(registration, now):
    return now < registration.session.starts_at


def _attendance_open(registration, now):
    session = registration.session
    return registration.status == Status.CONFIRMED and not session.cancelled and now >= session.starts_at


ATTENDANCE_NOT_APPLICABLE = _("not a confirmed place at a session that has started, or already marked so")


def _set_attendance(registration, attended):
    Registration.objects.filter(pk=registration.pk).update(attended=attended)


@dataclass(frozen=True)
class RegistrationAction:
    """One thing staff do to registrations: which ones it applies to, and how it is done."""

    slug: str
    label: str
    done: str
    log_action: str
    explanation: str
    not_applicable: str
    applies: Callable[[Registration, object], bool]
    perform: Callable[[Registration, str], object]
    asks_reason: bool = False
    serious: bool = False

    @property
    def url_name(self):
        return f"literacy_registration_{self.slug.replace('-', '_')}"

    def url(self):
        return reverse(self.url_name)


ACTIONS = {
    action.slug: action
    for action in (
        RegistrationAction(
            slug="approve",
            label=_("Approve"),
            done=_("Approved"),
            log_action="literacy.registration.approve",
            explanation=_(
                "Each person gets a seat if one is free, otherwise a place on the waitlist, "
                "and an email telling them which."
            ),
            not_applicable=_("not awaiting approval, or the session is cancelled or has started"),
            applies=lambda r, now: (
                r.status == Status.PENDING and not r.session.cancelled and _before_start(r, now)
            ),
            perform=lambda r, reason: services.approve(r),
        ),
        RegistrationAction(
            slug="decline",
            label=_("Decline"),
            done=_("Declined"),
            log_action="literacy.registration.decline",
            explanation=_(
                "Each person gets an email with the reason below. A seat they held goes to the "
                "first person on the waitlist."
            ),
            not_applicable=_("already declined or cancelled, or the session has started"),
            applies=lambda r, now: r.status in Registration.ACTIVE and _before_start(r, now),
            perform=lambda r, reason: services.decline(r, reason=reason),
            asks_reason=True,
            serious=True,
        ),
        RegistrationAction(
            slug="attended",
            label=_("Mark attended"),
            done=_("Marked as attended"),
            log_action="literacy.registration.attended",
            explanation=_(
                "After the session, attendees get a thank-you email with the materials and a "
                "link to the feedback survey."
            ),
            not_applicable=ATTENDANCE_NOT_APPLICABLE,
            applies=lambda r, now: _attendance_open(r, now) and r.attended is not True,
            perform=lambda r, reason: _set_attendance(r, True),
        ),
        RegistrationAction(
            slug="not-attended",
            label=_("Mark not attended"),
            done=_("Marked as not attended"),
            log_action="literacy.registration.not_attended",
            explanation=_("People marked as not attended get no thank-you email and cannot give feedback."),
            not_applicable=ATTENDANCE_NOT_APPLICABLE,
            applies=lambda r, now: _attendance_open(r, now) and r.attended is not False,
            perform=lambda r, reason: _set_attendance(r, False),
        ),
    )
}


def actions_for(registration, now=None):
    now = now or timezone.now()
    return [action for action in ACTIONS.values() if action.applies(registration, now)]


class ActionForm(forms.Form):
    id = forms.ModelMultipleChoiceField(
        queryset=Registration.objects.select_related("session"),
        widget=forms.MultipleHiddenInput,
        error_messages={"required": _("Select at least one registration.")},
    )
    reason = forms.CharField(
        label=_("Reason, as the person will read it"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: this session is for accredited journalists only."),
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        if not action.asks_reason:
            del self.fields["reason"]


def _index_url():
    return reverse("literacy_registration_modeladmin_index")


def _next_url(request, candidate):
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return _index_url()


def _selected_ids(values):
    ids = [value for value in values if value.isdigit()]
    return ids[:MAX_SELECTED]


@require_http_methods(["GET", "POST"])
def registration_action(request, action):
    """Confirm (GET) and make (POST) one change to the selected registrations."""
    if not can_manage_registrations(request.user):
        raise PermissionDenied
    now = timezone.now()
    if request.method == "POST":
        form = ActionForm(request.POST, action=action)
        if form.is_valid():
            return _perform(request, action, form, now)
        chosen = list(form.cleaned_data.get("id") or [])
        next_url = _next_url(request, request.POST.get("next"))
    else:
        chosen = list(
            Registration.objects.select_related("session").filter(
                pk__in=_selected_ids(request.GET.getlist("id"))
            )
        )
        next_url = _next_url(request, request.GET.get("next"))
    applicable = [r for r in chosen if action.applies(r, now)]
    skipped = [r for r in chosen if r not in applicable]
    if request.method == "GET":
        form = ActionForm(action=action, initial={"id": [r.pk for r in applicable], "next": next_url})
    return TemplateResponse(
        request,
        "training/admin/registration_action.html",
        {
            "action": action,
            "form": form,
            "applicable": applicable,
            "skipped": skipped,
            "nothing_selected": not chosen,
            "next_url": next_url,
        },
    )


def _perform(request, action, form, now):
    reason = form.cleaned_data.get("reason", "")
    done, skipped, refused = [], [], []
    for registration in form.cleaned_data["id"]:
        if not action.applies(registration, now):
            skipped.append(registration.name)
            continue
        try:
            with transaction.atomic():
                action.perform(registration, reason)
                log(
                    instance=registration,
                    action=action.log_action,
                    user=request.user,
                    data={"reason": reason} if reason else {},
                )
        except services.RegistrationError as error:
            refused.append(str(error))
            continue
        done.append(registration.name)
    if done:
        messages.success(
            request, gettext("%(done)s: %(names)s.") % {"done": action.done, "names": ", ".join(done)}
        )
    if skipped:
        messages.warning(
            request,
            gettext("Left unchanged (%(reason)s): %(names)s.")
            % {"reason": action.not_applicable, "names": ", ".join(skipped)},
        )
    for message in refused:
        messages.error(request, message)
    return redirect(_next_url(request, form.cleaned_data.get("next")))


@require_GET
def feedback_summary(request):
    """Sessions that have taken place, with how many attended and what they thought of it."""
    if not request.user.has_perm("training.view_sessionfeedback"):
        raise PermissionDenied
    sessions = (
        TrainingSessionPage.objects.filter(starts_at__lte=timezone.now())
        .annotate(
            attended_count=Count("registrations", filter=Q(registrations__attended=True)),
            feedback_count=Count("registrations__feedback"),
            average_rating=Avg("registrations__feedback__rating"),
        )
        .order_by("-starts_at")
    )
    return TemplateResponse(
        request,
        "training/admin/feedback_summary.html",
        {
            "sessions": sessions,
            "feedback_url": reverse("literacy_sessionfeedback_modeladmin_index"),
        },
    )


def registration_urls():
    return [
        path(
            f"literacy/registration/{action.slug}/",
            registration_action,
            {"action": action},
            name=action.url_name,
        )
        for action in ACTIONS.values()
    ]


def feedback_urls():
    return [path("literacy/feedback-summary/", feedback_summary, name="literacy_feedback_summary")]
