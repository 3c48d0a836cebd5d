"""The feedback loop's contributions to the engagement dashboard."""

from django.db.models import Count, Q

from portal.engagement.registry import Indicator, constant_rows, content_type_label, count_rows, day_bounds

from .models import DataRequest, PageFeedback

ANSWERED = (DataRequest.Status.ANSWERED, DataRequest.Status.REDIRECTED)


def page_feedback(start, end, group_by, user_group=None):
    """Answers per period, split by page type and verdict, e.g. "Data story: useful"."""
    begin, stop = day_bounds(start, end)
    feedback = PageFeedback.objects.filter(created_at__gte=begin, created_at__lt=stop)
    rows = []
    for useful, verdict in ((True, "useful"), (False, "not useful")):
        for period, content_type_id, value in count_rows(
            feedback.filter(useful=useful), "created_at", group_by, "content_type_id"
        ):
            rows.append((period, f"{content_type_label(content_type_id)}: {verdict}", value))
    return rows


def useful_rate(start, end, user_group=None):
    """Per page type: answers, "useful" answers and the share of them, in one query."""
    begin, stop = day_bounds(start, end)
    counts = (
        PageFeedback.objects.filter(created_at__gte=begin, created_at__lt=stop)
        .values("content_type_id")
        .annotate(total=Count("pk"), useful=Count("pk", filter=Q(useful=True)))
        .order_by("-total", "content_type_id")
    )
    rows = [
        (
            content_type_label(row["content_type_id"]),
            row["total"],
            row["useful"],
            f"{round(100 * row['useful'] / row['total'])}%",
        )
        for row in counts
    ]
    return ("Type of page", "Answers", "Useful", "Useful rate"), rows


def data_requests(start, end, group_by, user_group=None):
    begin, stop = day_bounds(start, end)
    requests = DataRequest.objects.all()
    if user_group:
        requests = requests.filter(user_group=user_group)
    received = requests.filter(created_at__gte=begin, created_at__lt=stop)
    closed = requests.filter(closed_at__gte=begin, closed_at__lt=stop)
    return [
        *constant_rows(count_rows(received, "created_at", group_by), "Received"),
        *constant_rows(count_rows(closed.filter(status__in=ANSWERED), "closed_at", group_by), "Answered"),
        *constant_rows(
            count_rows(closed.filter(status=DataRequest.Status.DECLINED), "closed_at", group_by), "Declined"
        ),
    ]


def registered_indicators():
    return [
        Indicator(
            key="page_feedback",
            title="“Was this page useful?” answers, by type of page",
            description="Anonymous answers: not split by user group.",
            rows=page_feedback,
            segment_label="Page type and answer",
            summary=useful_rate,
            order=50,
        ),
        Indicator(
            key="data_requests",
            title="Data requests",
            description="Received in each period, and answered (or redirected) or declined in it.",
            rows=data_requests,
            segments=("Received", "Answered", "Declined"),
            by_user_group=True,
            order=60,
        ),
    ]
