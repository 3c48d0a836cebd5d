"""The admin page where judges score an entry and editors moderate it and give it a place.

GET shows the entry, the rubric and what this person may do; each change is its own POST
(with CSRF) and comes back to the page with a message. Judges see other judges' marks only
once their own are in (judging.may_see_scores); a judge with a conflict of interest cannot
score the entry.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from . import judging
from .models import Entry, ScoreSheet
from .views import serve_entry_file


def may_review(user):
    return judging.is_judge(user) or judging.is_moderator(user)


class ScoreForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the other judges (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.IntegerField(
                label=gettext("%(criterion)s (0 to %(max_points)s, weight %(weight)s)")
                % {
                    "criterion": criterion.name,
                    "max_points": criterion.max_points,
                    "weight": criterion.weight,
                },
                help_text=criterion.description,
                min_value=0,
                max_value=criterion.max_points,
            )
        self.order_fields([f"criterion_{criterion.pk}" for criterion in criteria] + ["comment"])

    def points(self):
        return {criterion.pk: self.cleaned_data[f"criterion_{criterion.pk}"] for criterion in self.criteria}


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you cannot judge this entry"),
        max_length=300,
        help_text=_("For example: I teach at the entrant's school."),
    )


class PlaceForm(forms.Form):
    place = forms.IntegerField(
        label=_("Place"),
        min_value=1,
        max_value=20,
        required=False,
        help_text=_("1 for the winner; empty for none."),
    )


def _entry(entry_id):
    return get_object_or_404(Entry.objects.select_related("competition", "category"), pk=entry_id)


def _review_url(entry):
    return reverse("competitions_entry_review", args=[entry.pk])


@require_GET
def review(request, entry_id):
    if not may_review(request.user):
        raise PermissionDenied
    return _review_page(request, _entry(entry_id))


def _review_page(request, entry, score_form=None, conflict_form=None):
    user = request.user
    criteria = list(entry.competition.criteria.all())
    own_sheet = ScoreSheet.objects.filter(entry=entry, judge=user).prefetch_related("scores").first()
    conflict = entry.conflicts.filter(judge=user).first()
    if score_form is None and own_sheet:
        initial = {f"criterion_{score.criterion_id}": score.points for score in own_sheet.scores.all()}
        score_form = ScoreForm(criteria=criteria, initial={**initial, "comment": own_sheet.comment})
    sees_scores = judging.may_see_scores(user, entry)
    scored = judging.with_scores(Entry.objects.filter(pk=entry.pk), user).get()
    return TemplateResponse(
        request,
        "competitions/admin/review.html",
        {
            "entry": entry,
            "criteria": criteria,
            "is_judge": judging.is_judge(user),
            "is_moderator": judging.is_moderator(user),
            "own_sheet": own_sheet,
            "conflict": conflict,
            "scoring_closed": judging.scoring_closed_reason(entry),
            "score_form": score_form or ScoreForm(criteria=criteria),
            "conflict_form": conflict_form or ConflictForm(),
            "place_form": PlaceForm(initial={"place": entry.place}),
            "sees_scores": sees_scores,
            "others": judging.others_sheets(entry, user) if sees_scores else [],
            "average_score": scored.average_score if sees_scores else None,
            "sheet_count": scored.sheet_count,
            "file_url": reverse("competitions_entry_file", args=[entry.pk]) if entry.file else "",
            "index_url": reverse("competitions_entry_modeladmin_index"),
            "moderation_choices": Entry.Moderation.choices,
        },
    )


@require_POST
def score(request, entry_id):
    if not judging.is_judge(request.user):
        raise PermissionDenied
    entry = _entry(entry_id)
    form = ScoreForm(request.POST, criteria=list(entry.competition.criteria.all()))
    if form.is_valid():
        try:
            judging.submit_scores(entry, request.user, form.points(), form.cleaned_data["comment"])
        except judging.JudgingError as error:
            messages.error(request, str(error))
            return redirect(_review_url(entry))
        messages.success(request, gettext("Your scores for “%(title)s” are saved.") % {"title": entry.title})
        return redirect(_review_url(entry))
    messages.error(request, gettext("Check the marks below."))
    return _review_page(request, entry, score_form=form)


@require_POST
def conflict(request, entry_id):
    if not judging.is_judge(request.user):
        raise PermissionDenied
    entry = _entry(entry_id)
    form = ConflictForm(request.POST)
    if form.is_valid():
        try:
            judging.declare_conflict(entry, request.user, form.cleaned_data["reason"])
        except judging.JudgingError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, gettext("Your conflict of interest is recorded; you will not score this entry.")
            )
        return redirect(_review_url(entry))
    return _review_page(request, entry, conflict_form=form)


@require_POST
def moderate(request, entry_id):
    if not judging.is_moderator(request.user):
        raise PermissionDenied
    entry = _entry(entry_id)
    try:
        judging.moderate(entry, request.POST.get("decision", ""))
    except judging.JudgingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            gettext("“%(title)s” is now: %(moderation)s.")
            % {"title": entry.title, "moderation": entry.get_moderation_display().lower()},
        )
    return redirect(_review_url(entry))


@require_POST
def place(request, entry_id):
    if not judging.is_moderator(request.user):
        raise PermissionDenied
    entry = _entry(entry_id)
    form = PlaceForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("A place is a number from 1 to 20, or empty for none."))
        return redirect(_review_url(entry))
    try:
        judging.set_place(entry, form.cleaned_data["place"])
    except judging.JudgingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, gettext("Place saved for “%(title)s”.") % {"title": entry.title})
    return redirect(_review_url(entry))


@require_GET
def entry_file(request, entry_id):
    if not may_review(request.user):
        raise PermissionDenied
    return serve_entry_file(_entry(entry_id), public=False)


def admin_urls():
    return [
        path("competitions/entry/<int:entry_id>/review/", review, name="competitions_entry_review"),
        path("competitions/entry/<int:entry_id>/score/", score, name="competitions_entry_score"),
        path("competitions/entry/<int:entry_id>/conflict/", conflict, name="competitions_entry_conflict"),
        path("competitions/entry/<int:entry_id>/moderate/", moderate, name="competitions_entry_moderate"),
        path("competitions/entry/<int:entry_id>/place/", place, name="competitions_entry_place"),
        path("competitions/entry/<int:entry_id>/file/", entry_file, name="competitions_entry_file"),
    ]
