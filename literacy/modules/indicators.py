"""The e-modules' contributions to the engagement dashboard: starts, completions and learning gain.

The measures are those of the admin statistics (learning_statistics): a learner starts a module
with their first pre-check, completes it when their completion is recorded, and gains their best
post-check score minus their lowest pre-check score. Split by user group through a signed-in
learner's contact; anonymous learners count only when no group is chosen.
"""

from django.db.models import (
    Avg,
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
)

from portal.engagement.registry import Indicator, constant_rows, count_rows, day_bounds

from .models import CheckAttempt, ModuleCompletion
from .statistics import group_label

STARTS = "Starts"
COMPLETIONS = "Completions"
GAIN = "Average gain (points)"
ALL_LEARNERS = "All learners"


def in_group(queryset, user_group):
    return queryset.filter(user__contact__user_group=user_group) if user_group else queryset


def first_pre_checks(start, end, user_group=None):
    """Each learner's first pre-check on a module, when taken from ``start`` to ``end``."""
    begin, stop = day_bounds(start, end)
    taken_before = Q(created_at__lt=OuterRef("created_at"))
    earlier = CheckAttempt.objects.filter(
        taken_before | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")),
        module=OuterRef("module"),
        learner=OuterRef("learner"),
        kind=CheckAttempt.Kind.PRE,
    )
    attempts = CheckAttempt.objects.filter(
        kind=CheckAttempt.Kind.PRE, created_at__gte=begin, created_at__lt=stop
    ).exclude(Exists(earlier))
    return in_group(attempts, user_group)


def starts_and_completions(start, end, group_by, user_group=None):
    """Starts dated by the first pre-check, completions by the day the module was finished."""
    begin, stop = day_bounds(start, end)
    completions = ModuleCompletion.objects.filter(completed_at__gte=begin, completed_at__lt=stop)
    return [
        *constant_rows(count_rows(first_pre_checks(start, end, user_group), "created_at", group_by), STARTS),
        *constant_rows(count_rows(in_group(completions, user_group), "completed_at", group_by), COMPLETIONS),
    ]


def learner_score(kind, aggregate):
    """The completing learner's lowest pre-check (``Min``) or best post-check (``Max``) score."""
    attempts = (
        CheckAttempt.objects.filter(module=OuterRef("module"), learner=OuterRef("learner"), kind=kind)
        .values("learner")
        .annotate(score=aggregate("score"))
        .values("score")
        .order_by()
    )
    return Subquery(attempts, output_field=IntegerField())


def completions_with_gain(start, end, user_group=None):
    """Completions from ``start`` to ``end`` by learners who took both checks, with their gain."""
    begin, stop = day_bounds(start, end)
    completions = (
        ModuleCompletion.objects.filter(completed_at__gte=begin, completed_at__lt=stop)
        .annotate(
            pre=learner_score(CheckAttempt.Kind.PRE, Min),
            post=learner_score(CheckAttempt.Kind.POST, Max),
        )
        .filter(pre__isnull=False, post__isnull=False)
        .annotate(gain=ExpressionWrapper(F("post") - F("pre"), output_field=IntegerField()))
    )
    return in_group(completions, user_group)


def mean(total, count):
    """Rounded as the admin statistics round their averages."""
    return round(float(total) / count, 1) if count else None


def learning_gain(start, end, group_by, user_group=None):
    """The average gain of the learners who completed a module in each period."""
    rows = count_rows(
        completions_with_gain(start, end, user_group),
        "completed_at",
        group_by,
        value=Avg("gain"),
    )
    return [(period, GAIN, round(float(value), 1)) for period, _, value in rows]


def gain_over_window(start, end, user_group=None):
    """The whole window's averages, which adding up periods cannot give: all learners, then each
    group of signed-in learners (anonymous learners are in the first line only)."""
    grouped = (
        completions_with_gain(start, end, user_group)
        .annotate(signed_in=ExpressionWrapper(Q(user__isnull=False), output_field=BooleanField()))
        .values("signed_in", "user__contact__user_group")
        .annotate(learners=Count("pk"), pre_total=Sum("pre"), post_total=Sum("post"), gain_total=Sum("gain"))
        .order_by()
    )
    totals = {}
    for row in grouped:
        labels = [] if user_group else [ALL_LEARNERS]
        if row["signed_in"]:
            labels.append(group_label(row["user__contact__user_group"]))
        for label in labels:
            found = totals.setdefault(label, [0, 0, 0, 0])
            for index, key in enumerate(("learners", "pre_total", "post_total", "gain_total")):
                found[index] += row[key]
    headings = ("Whole period", "Learners with both checks", "Pre-check", "Post-check", GAIN)
    ordered = sorted(totals.items(), key=lambda item: (item[0] != ALL_LEARNERS, item[0]))
    return headings, [
        (label, count, mean(pre, count), mean(post, count), mean(gain, count))
        for label, (count, pre, post, gain) in ordered
    ]


def registered_indicators():
    return [
        Indicator(
            key="module_starts_completions",
            title="E-module starts and completions",
            description=(
                "A start is a learner's first pre-check on a module; a completion is every lesson "
                "done and the post-check passed. Anonymous learners count when no user group is chosen."
            ),
            rows=starts_and_completions,
            segments=(STARTS, COMPLETIONS),
            by_user_group=True,
            order=36,
        ),
        Indicator(
            key="module_learning_gain",
            title="Learning gain",
            description=(
                "Post-check score minus pre-check score, in points out of 100, averaged over the "
                "learners who completed a module in each period and took both checks (— when nobody "
                "did). Averages do not add up: the table below gives the whole period."
            ),
            rows=learning_gain,
            segments=(GAIN,),
            by_user_group=True,
            summary=gain_over_window,
            order=37,
            additive=False,
        ),
    ]
