"""Release alerts: when a dataset version becomes public, the people who follow one of its
topics get one email, sent by the newsletter machinery (a Sending with one Delivery each).

This is the newsletters' one way into the data layer, through its declared interface
(pyproject's import-linter contracts): ``datasets.signals.version_published`` says when, and
``datasets.figures`` what (only public versions, so no alert can carry an embargoed figure).
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from datasets.figures import headline_figures, public_topics, published_release
from datasets.signals import version_published
from portal.core.mail import single_line, site_root_url

from .models import Sending

logger = logging.getLogger(__name__)
SUBJECT_LENGTH = 150


def topic_choices():
    """What the sign-up offers: the topics of public datasets."""
    return public_topics()


def alert_content(version, previous, root_url):
    """What the email says, read once at release time from the public figures."""
    dataset = version.dataset
    release = published_release(version)
    revised = previous is not None
    subject = single_line(f"{'Revised' if revised else 'New'} figures: {dataset.title}")[:SUBJECT_LENGTH]
    return {
        "subject": subject,
        "topics": dataset.topic_list(),
        "dataset_title": dataset.title,
        "dataset_url": root_url + dataset.get_absolute_url(),
        "version_number": version.number,
        "previous_number": previous.number if revised else None,
        "revised": revised,
        "release_title": release.title if release else "",
        "release_url": root_url + release.get_absolute_url() if release else "",
        "figures": headline_figures(version),
    }


def alert_for_version(version, previous=None, now=None):
    """The release alert of ``version``: created once (the send's unique version id decides,
    even between two workers) and started; None when there is nothing to send: the version is
    not public yet (an embargo is never lifted by an alert) or its dataset has no topic."""
    now = now or timezone.now()
    if not version.is_public(now):
        logger.warning("Version %s is not public yet: no release alert.", version.pk)
        return None
    if not version.dataset.topic_list():
        return None
    if Sending.objects.filter(alert_version_id=version.pk).exists():
        return None
    content = alert_content(version, previous, site_root_url())
    try:
        with transaction.atomic():
            sending = Sending.objects.create(alert_version_id=version.pk, alert=content, scheduled_for=now)
    except IntegrityError:
        return None  # another worker created it first
    from .sending import start_sending

    start_sending(sending)
    return sending


def on_version_published(sender, version, previous=None, **kwargs):
    """Receiver of datasets.signals.version_published (sent after the commit)."""
    try:
        alert_for_version(version, previous)
    except Exception:
        # The release itself went out; a failed alert must not make it look as if it had not.
        logger.exception("The release alert of version %s could not be queued.", version.pk)


def connect():
    version_published.connect(on_version_published, dispatch_uid="newsletters.release_alerts")
