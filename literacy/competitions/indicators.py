"""The competitions' contribution to the engagement dashboard: entries, by competition."""

from portal.engagement.registry import Indicator, count_rows, day_bounds

from .models import Entry


def entries(start, end, group_by, user_group=None):
    """Entries sent in each period and not withdrawn since, whatever their moderation state.

    Split by the user group the entrant gave on the entry (required there, and kept when the
    contact is erased), as training registrations are.
    """
    begin, stop = day_bounds(start, end)
    sent = Entry.objects.filter(withdrawn_at__isnull=True, created_at__gte=begin, created_at__lt=stop)
    if user_group:
        sent = sent.filter(user_group=user_group)
    return count_rows(sent, "created_at", group_by, "competition__title")


def registered_indicators():
    return [
        Indicator(
            key="competition_entries",
            title="Competition entries, by competition",
            description="Entries sent in each period, not counting those withdrawn.",
            rows=entries,
            segment_label="Competition",
            by_user_group=True,
            order=35,
        )
    ]
