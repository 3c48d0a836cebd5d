"""Registrants hear about it when a published session moves, changes place or is cancelled."""

from wagtail.models import PageLogEntry

from . import services

# What a registrant's calendar entry or travel plans depend on.
TRACKED_FIELDS = (
    "starts_at",
    "duration_minutes",
    "time_zone",
    "venue_name",
    "address",
    "joining_link",
    "cancelled",
)
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


def previously_published(page, revision):
    """The page as it was last published before `revision`, or None if this is its first publication."""
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action__in=PUBLISH_ACTIONS, revision__isnull=False)
        .exclude(revision_id=revision.pk)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry else None


def changed_fields(before, after):
    return [field for field in TRACKED_FIELDS if getattr(before, field) != getattr(after, field)]


def session_published(sender, instance, revision, **kwargs):
    """Compare with the previous publication: notify on changes, and fill seats staff added."""
    previous = previously_published(instance, revision)
    if previous is None:
        return
    changed = changed_fields(previous, instance)
    if "cancelled" in changed and instance.cancelled:
        services.notify_session_changed(instance, cancelled=True)
    elif changed and not instance.cancelled:
        services.notify_session_changed(instance)
    if instance.capacity > previous.capacity:
        services.fill_free_seats(instance)
