"""Staff screens for an issue: send a test to yourself, send or schedule it, pause, resume or cancel.

Nothing changes on a GET: each screen shows what will happen, and its POST (with CSRF) does it.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language_info, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.widgets import HeaderButton

from portal.core.mail import site_root_url

from .emails import issue_message
from .models import NewsletterIssuePage, Sending
from .rendering import render_issue_email
from .sending import recipient_contact_ids, start_sending

SEND_PERMISSION = "newsletters.add_sending"


def can_send(user):
    return user.has_perm(SEND_PERMISSION)


def _issue(page_id):
    return get_object_or_404(NewsletterIssuePage, pk=page_id)


def _stats_url():
    return reverse("newsletters_sending_modeladmin_index")


class SendForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When"),
        choices=[("now", _("Send now")), ("later", _("Schedule"))],
        widget=forms.RadioSelect,
        initial="now",
    )
    scheduled_for = forms.DateTimeField(
        label=_("Send on (date and time)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Only for a scheduled send."),
    )

    def clean(self):
        data = super().clean()
        if data.get("when") == "later":
            at = data.get("scheduled_for")
            if at is None:
                self.add_error("scheduled_for", gettext("Choose when to send it."))
            elif at <= timezone.now():
                self.add_error("scheduled_for", gettext("Choose a time in the future."))
        return data


def audience_problems(issue):
    """Why the issue cannot be sent now. A translation is never sent by itself: the original
    is, and each reader gets the version in their language, so nobody gets the issue twice."""
    original = issue.original()
    if original is not None:
        return [
            gettext(
                "This is a translation of “%(issue)s”. Send the original issue instead: each "
                "subscriber gets it in their language, from this translation where it is theirs."
            )
            % {"issue": original.title}
        ]
    problems = []
    if not issue.live:
        problems.append(gettext("Publish the issue first: the email links to its web page."))
    if not issue.lists.exists():
        problems.append(gettext("Choose at least one list on the issue's Audience tab."))
    if Sending.objects.filter(issue__translation_key=issue.translation_key).exists():
        problems.append(gettext("This issue has already been sent or scheduled."))
    return problems


def translated_languages(issue):
    """The languages (names, in the staff's language) whose readers get a translation of the issue."""
    codes = (
        NewsletterIssuePage.objects.live()
        .filter(translation_key=issue.translation_key, alias_of__isnull=True)
        .exclude(pk=issue.pk)
        .order_by("locale__language_code")
        .values_list("locale__language_code", flat=True)
    )
    return [get_language_info(code)["name_translated"] for code in codes if code in dict(settings.LANGUAGES)]


@require_http_methods(["GET", "POST"])
def send_issue(request, page_id):
    """Who it goes to, and send it now or at a set time."""
    if not can_send(request.user):
        raise PermissionDenied
    issue = _issue(page_id)
    form = SendForm(request.POST or None)
    problems = audience_problems(issue)
    if request.method == "POST" and not problems and form.is_valid():
        now = timezone.now()
        later = form.cleaned_data["when"] == "later"
        with transaction.atomic():
            sending = Sending.objects.create(
                issue=issue,
                user_groups=list(issue.user_groups),
                scheduled_for=form.cleaned_data["scheduled_for"] if later else now,
                created_by=request.user,
            )
            sending.lists.set(issue.lists.all())
            if not later:
                start_sending(sending)
        if later:
            messages.success(
                request,
                gettext("“%(issue)s” is scheduled for %(date)s.")
                % {
                    "issue": issue.title,
                    "date": date_format(timezone.localtime(sending.scheduled_for), "j F Y, H:i"),
                },
            )
        else:
            messages.success(request, gettext("“%(issue)s” is being sent.") % {"issue": issue.title})
        return redirect(_stats_url())
    list_ids = list(issue.lists.values_list("pk", flat=True))
    return TemplateResponse(
        request,
        "newsletters/admin/send_issue.html",
        {
            "issue": issue,
            "form": form,
            "problems": problems,
            "recipients": recipient_contact_ids(list_ids, issue.user_groups).count() if list_ids else 0,
            "lists": issue.lists.all(),
            "user_groups": issue.user_groups,
            "original": issue.original(),
            "translations": translated_languages(issue),
        },
    )


@require_POST
def send_test(request, page_id):
    """The issue, as subscribers will get it, to the member of staff's own address."""
    if not can_send(request.user):
        raise PermissionDenied
    issue = _issue(page_id)
    if not request.user.email:
        messages.error(request, gettext("Your account has no email address to send the test to."))
        return redirect("newsletters_send_issue", issue.pk)
    rendered = render_issue_email(issue)
    preview_link = site_root_url() + "/"
    personal = rendered.personalise(preview_link, preview_link)
    personal = type(personal)(
        subject=gettext("[Test] %(subject)s") % {"subject": personal.subject},
        html=personal.html,
        text=personal.text,
    )
    issue_message(personal, request.user.email, unsubscribe_url=preview_link, root_url=site_root_url()).send()
    messages.success(
        request,
        gettext("A test of “%(issue)s” is on its way to %(email)s.")
        % {"issue": issue.title, "email": request.user.email},
    )
    return redirect("newsletters_send_issue", issue.pk)


SENDING_ACTIONS = {
    "pause": ((Sending.Status.SENDING,), _("Paused.")),
    "resume": ((Sending.Status.PAUSED,), _("Resumed.")),
    "cancel": ((Sending.Status.SCHEDULED, Sending.Status.PAUSED, Sending.Status.SENDING), _("Cancelled.")),
}
# The action's name in the staff's words (the keys above are the addresses' slugs).
ACTION_VERBS = {
    "pause": pgettext_lazy("verb", "pause"),
    "resume": pgettext_lazy("verb", "resume"),
    "cancel": pgettext_lazy("verb", "cancel"),
}


@require_http_methods(["GET", "POST"])
def sending_action(request, sending_id, action):
    """Pause, resume or cancel a send (GET asks, POST does it); anything sent stays sent."""
    if not can_send(request.user):
        raise PermissionDenied
    allowed, done = SENDING_ACTIONS[action]
    if request.method == "GET":
        sending = get_object_or_404(Sending.objects.select_related("issue"), pk=sending_id)
        return TemplateResponse(
            request,
            "newsletters/admin/sending_action.html",
            {
                "sending": sending,
                "action": action,
                "action_verb": ACTION_VERBS[action],
                "allowed": sending.status in allowed,
            },
        )
    with transaction.atomic():
        sending = get_object_or_404(Sending.objects.select_for_update(), pk=sending_id)
        if sending.status not in allowed:
            messages.error(
                request,
                gettext("This send is %(status)s: you cannot %(action)s it now.")
                % {"status": sending.get_status_display().lower(), "action": ACTION_VERBS[action]},
            )
            return redirect(_stats_url())
        if action == "pause":
            sending.status, sending.resume_at = Sending.Status.PAUSED, None  # until staff resume it
        elif action == "resume":
            sending.status, sending.resume_at = Sending.Status.PAUSED, timezone.now()
            start_sending(sending)
        else:
            sending.status = Sending.Status.CANCELLED
            sending.deliveries.filter(status="queued").update(status="skipped")
        sending.save(update_fields=["status", "resume_at"])
    messages.success(request, f"{sending.title}: {done}")
    return redirect(_stats_url())


def issue_header_buttons(page, user):
    if isinstance(page.specific_deferred, NewsletterIssuePage) and can_send(user):
        yield HeaderButton(
            gettext("Send or schedule"), url=reverse("newsletters_send_issue", args=[page.pk]), priority=5
        )


def issue_urls():
    """Actions on an issue (a page): send or schedule it, send a test."""
    return [
        path("newsletters/issue/<int:page_id>/send/", send_issue, name="newsletters_send_issue"),
        path("newsletters/issue/<int:page_id>/test/", send_test, name="newsletters_send_test"),
    ]


def sending_urls():
    """Actions on a send (registered by the "Issues sent" admin, behind its list's permission)."""
    return [
        path(
            f"newsletters/sending/<int:sending_id>/{action}/",
            sending_action,
            {"action": action},
            name=f"newsletters_sending_{action}",
        )
        for action in SENDING_ACTIONS
    ]
