"""The newsletters' contributions to the engagement dashboard: who joined and who left."""

from portal.engagement.registry import Indicator, constant_rows, count_rows, day_bounds

from .models import Subscriber

NEW = "New subscribers"
LEFT = "Unsubscribed"


def subscribers(start, end, group_by, user_group=None):
    """Subscribers first confirmed in each period, and those who unsubscribed in it.

    A subscriber keeps the date of their first confirmation, so someone who leaves and signs up
    again is not new twice; an unsubscribe is dated by the latest one (signing up again clears it).
    Split by the user group of the person's contact.
    """
    begin, stop = day_bounds(start, end)
    people = Subscriber.objects.all()
    if user_group:
        people = people.filter(contact__user_group=user_group)
    joined = people.filter(confirmed_at__gte=begin, confirmed_at__lt=stop)
    left = people.filter(unsubscribed_at__gte=begin, unsubscribed_at__lt=stop)
    return [
        *constant_rows(count_rows(joined, "confirmed_at", group_by), NEW),
        *constant_rows(count_rows(left, "unsubscribed_at", group_by), LEFT),
    ]


def registered_indicators():
    return [
        Indicator(
            key="newsletter_subscribers",
            title="Newsletter subscribers and unsubscribes",
            description=(
                "People who confirmed their first newsletter sign-up in each period, and people "
                "who left every list in it."
            ),
            rows=subscribers,
            segments=(NEW, LEFT),
            by_user_group=True,
            order=25,
        )
    ]
