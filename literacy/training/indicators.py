"""Training's contribution to the engagement dashboard: registrations made and attendance."""

from portal.engagement.registry import Indicator, constant_rows, count_rows, day_bounds

from .models import Registration


def training(start, end, group_by, user_group=None):
    """Registrations made in the period, and attendances at sessions held in it."""
    begin, stop = day_bounds(start, end)
    registrations = Registration.objects.all()
    if user_group:
        registrations = registrations.filter(user_group=user_group)
    made = registrations.filter(created_at__gte=begin, created_at__lt=stop)
    attended = registrations.filter(attended=True, session__starts_at__gte=begin, session__starts_at__lt=stop)
    return [
        *constant_rows(count_rows(made, "created_at", group_by), "Registrations"),
        *constant_rows(count_rows(attended, "session__starts_at", group_by), "Attended"),
    ]


def registered_indicators():
    return [
        Indicator(
            key="training",
            title="Training registrations and attendance",
            rows=training,
            segments=("Registrations", "Attended"),
            by_user_group=True,
            order=30,
        ),
    ]
