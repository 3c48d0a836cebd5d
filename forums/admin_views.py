"""Moderator actions in the Wagtail admin, and a member's history.

Each action is a two-step view: a GET shows what will change (a prefetching browser or a
pasted link changes nothing), and the POST of that page, with its CSRF token, makes the
change through forums.moderation, which logs who did it, when and why.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Forum, Member, ModerationAction, Post
from .moderation import ACTIONS
from .services import can_moderate


class ActionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept in the moderation log. For a rejected post, the author reads it in an email."),
    )
    until = forms.DateTimeField(
        label=_("Suspended until"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    forum = forms.ModelChoiceField(label=_("Move to forum"), queryset=Forum.objects.all(), required=False)
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, action, obj, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        if action.needs_reason:
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = gettext(
                "Give a reason: it is kept in the log."
            )
        if action.asks_until:
            self.fields["until"].required = True
        else:
            del self.fields["until"]
        if action.asks_forum:
            self.fields["forum"].required = True
            self.fields["forum"].queryset = Forum.objects.exclude(pk=obj.forum_id)
        else:
            del self.fields["forum"]

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until and until <= timezone.now():
            raise forms.ValidationError(gettext("Choose a time in the future."))
        return until

    def extra(self):
        return {name: self.cleaned_data[name] for name in ("until", "forum") if name in self.fields}


def next_url(request, candidate, default):
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        return candidate
    return default


def index_url_for(model):
    return reverse(f"forums_{model._meta.model_name}_modeladmin_index")


def moderate(request, slug, pk):
    """Confirm (GET) and make (POST) one moderator action on a post, topic or member."""
    if not can_moderate(request.user):
        raise PermissionDenied
    action = ACTIONS.get(slug)
    if action is None:
        raise Http404
    obj = get_object_or_404(action.model, pk=pk)
    back = next_url(request, request.POST.get("next") or request.GET.get("next"), index_url_for(action.model))
    applicable = action.applies(obj)
    if request.method == "POST":
        form = ActionForm(request.POST, action=action, obj=obj)
        if not applicable:
            messages.warning(
                request,
                gettext("Nothing to do: “%(action)s” no longer applies to %(target)s.")
                % {"action": action.label, "target": obj},
            )
            return redirect(back)
        if form.is_valid():
            with transaction.atomic():
                action.perform(obj, request.user, form.cleaned_data["reason"], **form.extra())
            messages.success(
                request, gettext("%(action)s: done for %(target)s.") % {"action": action.label, "target": obj}
            )
            return redirect(back)
    else:
        form = ActionForm(action=action, obj=obj, initial={"next": back})
    return TemplateResponse(
        request,
        "forums/admin/moderate.html",
        {"action": action, "obj": obj, "form": form, "applicable": applicable, "back": back},
        status=400 if form.errors else 200,
    )


def member_history(request, pk):
    """Everything a member has posted and every moderator decision about them."""
    if not can_moderate(request.user):
        raise PermissionDenied
    member = get_object_or_404(Member.objects.select_related("user"), pk=pk)
    posts = (
        Post.objects.filter(author_id=member.user_id).select_related("topic__forum").order_by("-created_at")
    )
    actions = ModerationAction.objects.filter(member_id=member.user_id).select_related(
        "moderator", "post", "topic"
    )
    return TemplateResponse(
        request,
        "forums/admin/member_history.html",
        {"member": member, "posts": posts[:200], "actions": actions[:200], "post_count": posts.count()},
    )


def admin_urls():
    return [
        path("forums/moderate/<slug:slug>/<int:pk>/", moderate, name="forums_moderate"),
        path("forums/member/<int:pk>/history/", member_history, name="forums_member_history"),
    ]
