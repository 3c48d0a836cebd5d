"""Field validators that several apps' models (and their migrations) use."""

import zoneinfo

from django.core.exceptions import ValidationError


def validate_time_zone(name):
    """Accept any IANA time zone name the server knows, e.g. Europe/Paris or UTC."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"“{name}” is not a time zone, e.g. Europe/Paris or UTC.") from None
