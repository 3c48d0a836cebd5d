"""The staff side of a data request: one screen with its details, its history and the triage form."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from . import data_requests
from .models import DataRequest, FeedbackTheme

VIEW_PERMISSION = "feedback.view_datarequest"
TRIAGE_PERMISSION = "feedback.change_datarequest"


def can_triage(user):
    return user.has_perm(TRIAGE_PERMISSION)


class TriageForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=DataRequest.Status.choices)
    assigned_to = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        label=_("Assigned to"),
        empty_label=_("Nobody"),
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=FeedbackTheme.objects.all(),
        required=False,
        label=_("Themes"),
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label=_("Message to the requester"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Emailed to the requester and shown on their status page. Needed to decline (give the "
            "reason); on its own, without a change of status, it is sent as a reply."
        ),
    )
    product_url = forms.URLField(
        assume_scheme="https",
        label=_("Existing product"),
        required=False,
        help_text=_("For “Redirected to an existing product”: the address of the table or release."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = (
            get_user_model().objects.filter(is_active=True, is_staff=True).order_by("email")
        )


@require_http_methods(["GET", "POST"])
def triage_view(request, pk):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    data_request = get_object_or_404(DataRequest.objects.select_related("assigned_to"), pk=pk)
    may_triage = can_triage(request.user)
    form = None
    if may_triage:
        initial = {
            "status": data_request.status,
            "assigned_to": data_request.assigned_to,
            "themes": list(data_request.themes.all()),
            "product_url": data_request.product_url,
        }
        form = TriageForm(request.POST if request.method == "POST" else None, initial=initial)
    elif request.method == "POST":
        raise PermissionDenied
    if form is not None and form.is_bound and form.is_valid():
        try:
            _, changes = data_requests.triage(
                data_request,
                user=request.user,
                status=form.cleaned_data["status"],
                assigned_to=form.cleaned_data["assigned_to"],
                themes=list(form.cleaned_data["themes"]),
                message=form.cleaned_data["message"],
                product_url=form.cleaned_data["product_url"],
            )
        except data_requests.TriageError as error:
            form.add_error(None, str(error))
        else:
            if changes:
                messages.success(
                    request,
                    gettext("%(reference)s updated; the history shows what changed.")
                    % {"reference": data_request.reference},
                )
            else:
                messages.info(request, gettext("Nothing changed."))
            return redirect("feedback_datarequest_triage", pk=data_request.pk)
    return TemplateResponse(
        request,
        "feedback/admin/triage.html",
        {
            "data_request": data_request,
            "events": data_request.events.select_related("user"),
            "form": form,
            "index_url": reverse("feedback_datarequest_modeladmin_index"),
        },
    )


def admin_urls():
    return [path("feedback/requests/<int:pk>/", triage_view, name="feedback_datarequest_triage")]
