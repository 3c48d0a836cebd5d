"""The staff side of an application: the applicant's details, history and the next step. Only
the programme's role (``view_application``) sees applicants; deciding needs ``change_application``."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from portal.core.admin_moves import move_view

from . import programme
from .models import TEXT_MAX_LENGTH, Application

VIEW_PERMISSION = "ambassadors.view_application"
DECIDE_PERMISSION = "ambassadors.change_application"


def can_decide(user):
    return user.has_perm(DECIDE_PERMISSION)


class MoveForm(forms.Form):
    status = forms.ChoiceField(label=_("Move to"), choices=())
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Emailed with the decision. Needed to reject or suspend: they read why."),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices


@require_http_methods(["GET", "POST"])
def decide_view(request, pk):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    application = get_object_or_404(Application.objects.select_related("contact", "user"), pk=pk)
    return move_view(
        request,
        can_move=can_decide(request.user),
        moves=[(status.value, status.label) for status in programme.allowed_moves(application)],
        form_class=MoveForm,
        move=lambda data: programme.move(
            application, user=request.user, status=data["status"], message=data["message"]
        ),
        error_class=programme.TransitionError,
        success_message=gettext("%(name)s's application moved on; they were emailed.")
        % {"name": application.name},
        template="ambassadors/admin/decide.html",
        context={
            "application": application,
            "events": application.events.select_related("user"),
            "links": application.links.count(),
            "index_url": reverse("ambassadors_application_modeladmin_index"),
        },
    )


def admin_urls():
    return [path("ambassadors/applications/<int:pk>/", decide_view, name="ambassadors_application_decide")]
