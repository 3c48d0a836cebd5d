"""The staff page of a record that moves through states (a misuse report, an ambassador's
application): its details and history, and the form that moves it on. One flow, so every such
page refuses, validates and answers the same way; each app keeps its own chart of moves."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse


def move_view(request, *, can_move, moves, form_class, move, error_class, success_message, template, context):
    """Serve ``template`` with ``context`` and, for staff who ``can_move`` a record that has
    ``moves`` left, a ``form_class(data, choices=moves)``; a valid POST calls
    ``move(cleaned_data)`` (which raises ``error_class`` to refuse) and comes back here.
    A POST from anyone who cannot move the record is refused."""
    form = None
    if can_move and moves:
        form = form_class(request.POST if request.method == "POST" else None, choices=moves)
    elif request.method == "POST":
        raise PermissionDenied
    if form is not None and form.is_bound and form.is_valid():
        try:
            move(form.cleaned_data)
        except error_class as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, success_message)
            return redirect(request.path)
    return TemplateResponse(
        request,
        template,
        {**context, "form": form},
        status=400 if form is not None and form.errors else 200,
    )
