"""What an approved publication does: the version goes public at once, unless a release is
waiting for it (then the release run publishes it at the announced minute). A rejected one
changes nothing: the version stays embargoed and the Moderator's comment says why.

The command line (``import_dataset --publish``, for operations staff) still publishes at once;
everything done in the admin goes through the workflow."""

from django.db import transaction
from wagtail.signals import published

from .models import DatasetVersion, Release, VersionPublication
from .signals import publish_version

# A release in one of these states will (or may) publish the version at its own minute.
WAITING = (Release.Status.PROVISIONAL, Release.Status.CONFIRMED, Release.Status.POSTPONED)


def request_publication(version, user=None, note=""):
    """The draft publication of a freshly imported version, for its editor to submit."""
    publication = VersionPublication(version=version, note=note[:1000], live=False)
    publication.save()
    publication.save_revision(user=user, log_action=True)
    return publication


def awaits_approval(version):
    """True when the version was imported in the admin and no Moderator has approved it yet:
    neither the release run nor anything else may publish it."""
    publication = VersionPublication.objects.filter(version=version).only("live").first()
    return publication is not None and not publication.live


def held_by_release(version):
    return version.releases.filter(status__in=WAITING).exists()


def on_publication_approved(sender, instance, **kwargs):
    """Approval (or a Moderator's publish) of a publication: make its version public, unless
    it is already, or a release is waiting for it."""
    with transaction.atomic():
        version = DatasetVersion.objects.select_for_update().get(pk=instance.version_id)
        if version.published_at is not None or held_by_release(version):
            return
        publish_version(version)


def connect():
    published.connect(on_publication_approved, sender=VersionPublication, dispatch_uid="datasets_publication")
