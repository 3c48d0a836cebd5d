"""The survey on the engagement dashboard: answers per period (satisfied, neither, dissatisfied:
a count that KPI targets can aim at), the average of each question and the share satisfied per
period, the distribution of each question's answers, and the results by user group."""

from django.db.models import Avg, Case, Count, Q, Value, When

from portal.core.vocabularies import UserGroup
from portal.engagement.registry import GROUP_BY, Indicator, as_date, count_rows, day_bounds

from .forms import QUESTIONS
from .models import SATISFIED, SCORES, SurveyResponse

SATISFIED_LINE = "Satisfied (4 or 5)"
NEITHER_LINE = "Neither (3)"
DISSATISFIED_LINE = "Dissatisfied (1 or 2)"
SHARE_LINE = "Share satisfied (%)"
QUESTION_LINES = {
    "overall": "Overall satisfaction (average)",
    "ease": "Ease of finding (average)",
    "trust": "Trust in the figures (average)",
}
QUESTION_NAMES = {
    "overall": "Overall satisfaction",
    "ease": "Ease of finding",
    "trust": "Trust in the figures",
}


def answers(start, end, user_group=None):
    begin, stop = day_bounds(start, end)
    found = SurveyResponse.objects.filter(created_at__gte=begin, created_at__lt=stop)
    return found.filter(user_group=user_group) if user_group else found


def percent(part, whole):
    return round(100 * part / whole, 1) if whole else None


def average(value):
    return None if value is None else round(value, 2)


def satisfaction_counts(start, end, group_by, user_group=None):
    """Answers per period, split by the overall score: satisfied, neither, dissatisfied."""
    verdict = Case(
        When(overall__in=SATISFIED, then=Value(SATISFIED_LINE)),
        When(overall=3, then=Value(NEITHER_LINE)),
        default=Value(DISSATISFIED_LINE),
    )
    return count_rows(answers(start, end, user_group), "created_at", group_by, verdict)


def score_aggregates():
    return {
        "answers": Count("pk"),
        "satisfied": Count("pk", filter=Q(overall__in=SATISFIED)),
        **{name: Avg(name) for name in QUESTIONS},
    }


def averages(start, end, group_by, user_group=None):
    """Per period, in one query: each question's average and the share satisfied."""
    grouped = (
        answers(start, end, user_group)
        .annotate(period=GROUP_BY[group_by]("created_at"))
        .values("period")
        .annotate(**score_aggregates())
        .order_by()
    )
    rows = []
    for row in grouped:
        period = as_date(row["period"])
        rows += [(period, QUESTION_LINES[name], average(row[name])) for name in QUESTIONS]
        rows.append((period, SHARE_LINE, percent(row["satisfied"], row["answers"])))
    return rows


def distribution(start, end, user_group=None):
    """How many gave each score to each question, the average and the share of 4 and 5, in one query."""
    counts = answers(start, end, user_group).aggregate(
        total=Count("pk"),
        **{
            f"{name}_{score}": Count("pk", filter=Q(**{name: score}))
            for name in QUESTIONS
            for score in SCORES
        },
        **{f"{name}_average": Avg(name) for name in QUESTIONS},
    )
    headings = ("Question", *(str(score) for score in SCORES), "Answers", "Average", "Share 4 or 5")
    rows = []
    for name in QUESTIONS:
        scores = [counts[f"{name}_{score}"] for score in SCORES]
        rows.append(
            (
                QUESTION_NAMES[name],
                *scores,
                counts["total"],
                average(counts[f"{name}_average"]),
                f"{percent(scores[3] + scores[4], counts['total']) or 0}%",
            )
        )
    return headings, rows


def by_user_group(start, end, user_group=None):
    """Per user group, in one query: answers, each question's average and the share satisfied;
    the most answers first, and those who gave no group last."""
    labels = dict(UserGroup.choices)
    grouped = answers(start, end, user_group).values("user_group").annotate(**score_aggregates()).order_by()
    grouped = sorted(grouped, key=lambda row: (-row["answers"], not row["user_group"], row["user_group"]))
    headings = ("User group", "Answers", *QUESTION_NAMES.values(), "Share satisfied")
    rows = [
        (
            labels.get(row["user_group"], "Not given"),
            row["answers"],
            *(average(row[name]) for name in QUESTIONS),
            f"{percent(row['satisfied'], row['answers'])}%",
        )
        for row in grouped
    ]
    return headings, rows


def registered_indicators():
    return [
        Indicator(
            key="satisfaction_answers",
            title="Satisfaction survey answers",
            description=(
                "Answers to the user satisfaction survey in each period, by overall satisfaction. "
                "The table below counts every score given to each question."
            ),
            rows=satisfaction_counts,
            segment_label="Overall satisfaction",
            segments=(SATISFIED_LINE, NEITHER_LINE, DISSATISFIED_LINE),
            by_user_group=True,
            summary=distribution,
            order=70,
        ),
        Indicator(
            key="satisfaction_scores",
            title="Satisfaction survey: averages and share satisfied",
            description=(
                "Each question's average score (1 to 5) and the share of answers satisfied with the "
                "site overall (4 or 5), per period; below, the same by user group."
            ),
            rows=averages,
            segment_label="Measure",
            segments=(*QUESTION_LINES.values(), SHARE_LINE),
            by_user_group=True,
            summary=by_user_group,
            order=71,
            additive=False,
        ),
    ]
