"""Release alerts: when a dataset version becomes public, the people who follow one of its
topics get one email, sent by the newsletter machinery (a Sending with one Delivery each), and
the people who follow an area it has figures for get one local email with that area's figures
(one per person and version, covering every area they follow in it: see docs/release-alerts.md).

This is the newsletters' one way into the data layer, through its declared interface
(pyproject's import-linter contracts): ``datasets.signals.version_published`` says when, and
``datasets.figures`` what (only public versions, so no alert can carry an embargoed figure).
"""

import logging
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from datasets.figures import (
    area_headline_figures,
    areas_in_version,
    headline_figures,
    public_area_choices,
    public_topics,
    published_release,
)
from datasets.signals import version_published
from portal.core.mail import site_root_url

from .models import AreaAlert, Delivery, Sending

logger = logging.getLogger(__name__)
MAX_AREAS = 5  # areas one person may follow: an alert's audience key stays short


def topic_choices():
    """What the sign-up offers: the topics of public datasets."""
    return public_topics()


def area_choices():
    """What the sign-up offers: (code, name) of the areas of public datasets' area lists."""
    return public_area_choices()


def area_names(codes):
    """How a sign-up's area codes read: "North (R1)", or the bare code of an area no longer
    offered."""
    if not codes:
        return []
    names = dict(area_choices())
    return [f"{names[code]} ({code})" if code in names else code for code in codes]


def alert_content(version, previous, root_url):
    """What the email says, as data read once at release time from the public figures; its
    words are written per reader language at send time (``alert_text``)."""
    dataset = version.dataset
    release = published_release(version)
    revised = previous is not None
    return {
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
    if Sending.objects.filter(alert_version_id=version.pk, alert_key="").exists():
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


def area_audiences(area_codes):
    """{audience key: [contact id]}: the active followers of these areas, grouped by the set of
    them each follows (the key is those codes, sorted, comma-separated). Someone following
    two of them is in one audience, so gets one email. One query."""
    followed = defaultdict(set)
    rows = AreaAlert.objects.filter(
        area_code__in=list(area_codes),
        subscriber__suppressed_at__isnull=True,
        subscriber__unsubscribed_at__isnull=True,
    ).values_list("subscriber__contact_id", "area_code")
    for contact_id, code in rows:
        followed[contact_id].add(code)
    audiences = defaultdict(list)
    for contact_id, codes in sorted(followed.items()):
        audiences[",".join(sorted(codes))].append(contact_id)
    return audiences


def area_alerts_for_version(version, previous=None, now=None):
    """The local alerts of ``version``: one send per audience (``area_audiences``), each created
    once (the unique version and key decide, even between two workers) with its deliveries
    written at once, and started. Nothing before the version is public. The number of queries
    grows with the number of audiences, never with the number of followers."""
    now = now or timezone.now()
    if not version.is_public(now):
        return []
    names = dict(areas_in_version(version))
    audiences = area_audiences(names)
    done = set(
        Sending.objects.filter(alert_version_id=version.pk, alert_key__in=list(audiences)).values_list(
            "alert_key", flat=True
        )
    )
    audiences = {key: ids for key, ids in audiences.items() if key not in done}
    if not audiences:
        return []
    root_url = site_root_url()
    base = alert_content(version, previous, root_url)
    figures = area_headline_figures(version, sorted({code for key in audiences for code in key.split(",")}))
    from .sending import start_sending

    sendings = []
    for key, contact_ids in sorted(audiences.items()):
        codes = key.split(",")
        areas = [
            {
                "code": code,
                "name": names[code],
                "url": root_url + reverse("areas:area", args=[code]),
                "figures": figures.get(code, []),
            }
            for code in codes
        ]
        content = {
            **base,
            "topics": [],
            "figures": [],
            "areas": areas,
        }
        try:
            with transaction.atomic():
                sending = Sending.objects.create(
                    alert_version_id=version.pk,
                    alert_key=key,
                    alert=content,
                    scheduled_for=now,
                    recipients_ready=True,
                )
                Delivery.objects.bulk_create([Delivery(sending=sending, contact_id=pk) for pk in contact_ids])
        except IntegrityError:
            continue  # another worker created it first
        start_sending(sending)
        sendings.append(sending)
    return sendings


def on_version_published(sender, version, previous=None, **kwargs):
    """Receiver of datasets.signals.version_published (sent after the commit)."""
    for make in (alert_for_version, area_alerts_for_version):
        try:
            make(version, previous)
        except Exception:
            # The release itself went out; a failed alert must not make it look as if it had not.
            logger.exception("A release alert of version %s could not be queued.", version.pk)


def connect():
    version_published.connect(on_version_published, dispatch_uid="newsletters.release_alerts")
