"""Field validators that several apps' models (and their migrations) use."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext


def validate_time_zone(name):
    """Accept any IANA time zone name the server knows, e.g. Europe/Paris or UTC."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            gettext("“%(name)s” is not a time zone, e.g. Europe/Paris or UTC.") % {"name": name}
        ) from None


def time_zone_choices():
    """UTC and every Area/Location zone this machine knows; read when the form is built, so
    that the list never ends up frozen into a migration."""
    return [("UTC", "UTC")] + [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name]
