"""Judging: blind scoring against the rubric, conflicts of interest, moderation and places.

An entry's score is the weighted mean of its judges' marks, as a percentage: each mark counts
as points / max_points of its criterion, weighted by the criterion's weight, and every sheet
scores every criterion, so the mean over all marks equals the mean of the judges' totals. It
is computed in the database (with_scores), one query for any number of entries.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, FloatField, OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext

from .models import ConflictOfInterest, Entry, Score, ScoreSheet

JUDGE_PERMISSION = "competitions.score_entry"
MODERATOR_PERMISSION = "competitions.moderate_entry"


class JudgingError(ValueError):
    """A judging step that cannot be taken; str() says why, for the judge or editor."""


def is_judge(user):
    return user.has_perm(JUDGE_PERMISSION)


def is_moderator(user):
    return user.has_perm(MODERATOR_PERMISSION)


def _weighted_mark():
    return Cast(F("points"), FloatField()) * F("criterion__weight") / F("criterion__max_points")


def with_scores(entries, user):
    """Annotate average_score (0-100, or None), sheet_count, and the user's own sheet and conflict."""
    marks = Score.objects.filter(sheet__entry=OuterRef("pk")).values("sheet__entry")
    average = marks.annotate(
        value=Sum(_weighted_mark()) * Value(100.0) / Cast(Sum("criterion__weight"), FloatField())
    ).values("value")
    sheets = (
        ScoreSheet.objects.filter(entry=OuterRef("pk")).values("entry").annotate(n=Count("pk")).values("n")
    )
    return entries.annotate(
        average_score=Subquery(average, output_field=FloatField()),
        sheet_count=Coalesce(Subquery(sheets), 0),
        scored_by_me=Exists(ScoreSheet.objects.filter(entry=OuterRef("pk"), judge_id=user.pk)),
        conflicted=Exists(ConflictOfInterest.objects.filter(entry=OuterRef("pk"), judge_id=user.pk)),
    )


def may_see_scores(user, entry):
    """Blind judging: others' marks stay hidden from a judge until their own sheet is in.

    `entry` is annotated by with_scores, or a plain entry (then the database is asked).
    """
    if is_moderator(user):
        return True
    scored = getattr(entry, "scored_by_me", None)
    if scored is None:
        scored = ScoreSheet.objects.filter(entry=entry, judge_id=user.pk).exists()
    return bool(scored) and is_judge(user)


def scoring_closed_reason(entry, now=None):
    """Why `entry` cannot be scored now, or ""."""
    competition = entry.competition
    if entry.is_withdrawn:
        return gettext("This entry has been withdrawn.")
    if (now or timezone.now()) < competition.closes_at:
        return gettext("Judging starts when entries close: entrants can change their entries until then.")
    if competition.results_published:
        return gettext("The results are published; scores can no longer change.")
    return ""


def submit_scores(entry, judge, points, comment=""):
    """Store (or replace) `judge`'s sheet for `entry`; `points` maps criterion id to points."""
    if not is_judge(judge):
        raise JudgingError(gettext("Only judges can score entries."))
    reason = scoring_closed_reason(entry)
    if reason:
        raise JudgingError(reason)
    criteria = list(entry.competition.criteria.all())
    if {criterion.pk for criterion in criteria} != set(points):
        raise JudgingError(gettext("Give a mark for every criterion."))
    for criterion in criteria:
        if not 0 <= points[criterion.pk] <= criterion.max_points:
            raise JudgingError(
                gettext("%(criterion)s: give 0 to %(max_points)s points.")
                % {"criterion": criterion.name, "max_points": criterion.max_points}
            )
    with transaction.atomic():
        if ConflictOfInterest.objects.filter(entry=entry, judge=judge).exists():
            raise JudgingError(
                gettext("You have declared a conflict of interest with this entry, so you cannot score it.")
            )
        sheet, _ = ScoreSheet.objects.update_or_create(
            entry=entry, judge=judge, defaults={"comment": comment.strip(), "submitted_at": timezone.now()}
        )
        sheet.scores.all().delete()
        Score.objects.bulk_create(
            Score(sheet=sheet, criterion=criterion, points=points[criterion.pk]) for criterion in criteria
        )
    return sheet


def declare_conflict(entry, judge, reason):
    """The judge steps back from `entry`: any marks they gave it are removed."""
    if not is_judge(judge):
        raise JudgingError(gettext("Only judges declare conflicts of interest."))
    reason = " ".join(reason.split())
    if not reason:
        raise JudgingError(gettext("Say briefly why, e.g. “I teach at the entrant's school”."))
    try:
        with transaction.atomic():
            conflict = ConflictOfInterest.objects.create(entry=entry, judge=judge, reason=reason[:300])
            ScoreSheet.objects.filter(entry=entry, judge=judge).delete()
    except IntegrityError:
        raise JudgingError(
            gettext("You have already declared a conflict of interest with this entry.")
        ) from None
    return conflict


def moderate(entry, decision):
    """Accept an entry for the gallery or reject it; a rejected entry loses any place it had."""
    if decision not in (Entry.Moderation.ACCEPTED, Entry.Moderation.REJECTED, Entry.Moderation.PENDING):
        raise JudgingError(f"Not a moderation decision: {decision!r}.")
    if entry.is_withdrawn:
        raise JudgingError(gettext("This entry has been withdrawn."))
    entry.moderation = decision
    if decision != Entry.Moderation.ACCEPTED:
        entry.place = None
    entry.save(update_fields=["moderation", "place"])
    return entry


def set_place(entry, place):
    """Give an accepted entry a place (1 = winner), or None to take it away."""
    if place is not None and entry.moderation != Entry.Moderation.ACCEPTED:
        raise JudgingError(gettext("Accept the entry for the gallery before giving it a place."))
    if place is not None and not 1 <= place <= 20:
        raise JudgingError(gettext("A place is a number from 1 to 20."))
    entry.place = place
    entry.save(update_fields=["place"])
    return entry


def others_sheets(entry, judge):
    """Every other judge's sheet with its marks, for a judge who may see them."""
    return (
        ScoreSheet.objects.filter(entry=entry)
        .exclude(judge=judge)
        .select_related("judge")
        .prefetch_related(
            Prefetch(
                "scores", queryset=Score.objects.select_related("criterion").order_by("criterion__sort_order")
            )
        )
        .order_by("submitted_at")
    )
