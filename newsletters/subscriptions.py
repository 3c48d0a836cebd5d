"""Everything that changes who gets which newsletter: sign-up, confirmation, preferences,
unsubscribing, erasure and bounces. Views and the webhook call these; nothing else writes
subscribers.
"""

import enum

from django.db import transaction
from django.db.models import F, ProtectedError
from django.utils import timezone

from portal.contacts.models import Consent, Contact, TouchpointKind
from portal.contacts.services import ConsentGiven, normalise_email, record_touchpoint
from portal.core.languages import supported_language

from .emails import send_confirmation_email
from .models import (
    AreaAlert,
    Delivery,
    Frequency,
    Sending,
    SignupRequest,
    Subscriber,
    Subscription,
    TopicAlert,
)

CONSENT_PURPOSE = "newsletter"
ALERTS_CONSENT_PURPOSE = "release_alerts"
SOFT_BOUNCE_LIMIT = 3


class Confirmation(enum.Enum):
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    UNKNOWN = "unknown"


def request_signup(email, *, lists, consent_wording, user_group="", organisation="", frequency="", source=""):
    """Keep the sign-up and email its confirmation link. Says nothing about whether we knew the address.

    Nobody is subscribed, and nothing enters the user database, until the link is clicked.
    """
    lists = [newsletter_list for newsletter_list in lists if newsletter_list.active]
    if not lists:
        raise ValueError("A sign-up needs at least one active list.")
    with transaction.atomic():
        signup_request = SignupRequest.objects.create(
            email=normalise_email(email),
            user_group=user_group,
            organisation=" ".join(organisation.split()),
            frequency=frequency or Frequency.EVERY_ISSUE,
            consent_wording=consent_wording,
            source=source[:500],
        )
        signup_request.lists.set(lists)
        transaction.on_commit(lambda: send_confirmation_email(signup_request), robust=True)
    return signup_request


def request_alert_signup(email, *, topics, consent_wording, source="", areas=()):
    """Keep a sign-up for release alerts on these data topics and areas (codes) and email its
    confirmation link.

    The caller checks the topics and areas against those on offer; as with newsletters, nothing
    enters the user database until the link is clicked, and the answer never says whether we
    knew the address.
    """
    topics = sorted({" ".join(str(topic).split())[:100] for topic in topics} - {""}, key=str.casefold)
    areas = sorted({str(code).strip()[:50] for code in areas} - {""})
    if not topics and not areas:
        raise ValueError("A release-alert sign-up needs at least one topic or area.")
    with transaction.atomic():
        signup_request = SignupRequest.objects.create(
            email=normalise_email(email),
            topics=topics,
            areas=areas,
            consent_wording=consent_wording,
            source=source[:500],
        )
        transaction.on_commit(lambda: send_confirmation_email(signup_request), robust=True)
    return signup_request


def confirm_signup(signup_request_id):
    """Subscribe the person of a sign-up request, once; replaying the link changes nothing."""
    with transaction.atomic():
        signup_request = SignupRequest.objects.select_for_update().filter(pk=signup_request_id).first()
        if signup_request is None:
            return Confirmation.UNKNOWN, None
        if signup_request.confirmed_at is not None:
            return Confirmation.ALREADY_CONFIRMED, None
        lists = list(signup_request.lists.filter(active=True))
        topics = list(signup_request.topics or ())
        areas = list(signup_request.areas or ())
        detail = [newsletter_list.name for newsletter_list in lists]
        detail += [f"Release alerts: {topic}" for topic in topics]
        detail += [f"Area alerts: {code}" for code in areas]
        contact = record_touchpoint(
            signup_request.email,
            kind=TouchpointKind.NEWSLETTER_SIGNUP,
            source=signup_request.source,
            detail=", ".join(detail),
            consent=ConsentGiven(
                purpose=ALERTS_CONSENT_PURPOSE if (topics or areas) and not lists else CONSENT_PURPOSE,
                wording=signup_request.consent_wording,
            ),
            verified=True,  # they followed the link sent to this address
            user_group=signup_request.user_group,
            organisation=signup_request.organisation,
            topics=topics,
        )
        subscriber, created = Subscriber.objects.get_or_create(
            contact=contact, defaults={"frequency": signup_request.frequency}
        )
        if not created:
            # Confirming again is a fresh yes: it lifts an unsubscribe and a bounce (the link arrived).
            if lists:  # a sign-up for release alerts alone keeps the newsletters' pace
                subscriber.frequency = signup_request.frequency
            subscriber.unsubscribed_at = subscriber.suppressed_at = None
            subscriber.suppression_reason = ""
            subscriber.soft_bounces = 0
            subscriber.save()
        Subscription.objects.bulk_create(
            [
                Subscription(subscriber=subscriber, newsletter_list=newsletter_list)
                for newsletter_list in lists
            ],
            ignore_conflicts=True,
        )
        TopicAlert.objects.bulk_create(
            [TopicAlert(subscriber=subscriber, topic=topic) for topic in topics], ignore_conflicts=True
        )
        follow_areas(subscriber, areas)
        signup_request.confirmed_at = timezone.now()
        signup_request.save(update_fields=["confirmed_at"])
    return Confirmation.CONFIRMED, subscriber


def skip_pending_deliveries(subscriber):
    """Sends under way pass over this person unless they are still on one of the issue's lists."""
    queued = Delivery.objects.filter(contact_id=subscriber.contact_id, status=Delivery.Status.QUEUED)
    if subscriber.suppressed_at or subscriber.unsubscribed_at:
        return queued.update(status=Delivery.Status.SKIPPED)
    list_ids = set(subscriber.subscriptions.values_list("newsletter_list_id", flat=True))
    skipped = (
        queued.filter(sending__issue__isnull=False)
        .exclude(sending__lists__in=list_ids)
        .update(status=Delivery.Status.SKIPPED)
    )
    # A release alert still goes to someone who keeps one of its topics or areas.
    topics = set(subscriber.topic_alerts.values_list("topic", flat=True))
    areas = set(subscriber.area_alerts.values_list("area_code", flat=True))
    dropped = [
        pk
        for pk, alert in queued.filter(sending__issue__isnull=True).values_list("pk", "sending__alert")
        if not topics.intersection((alert or {}).get("topics", ()))
        and not areas.intersection(area["code"] for area in (alert or {}).get("areas", ()))
    ]
    return skipped + queued.filter(pk__in=dropped).update(status=Delivery.Status.SKIPPED)


def _withdraw_consent(subscriber, wording):
    Consent.objects.create(
        contact_id=subscriber.contact_id, purpose=CONSENT_PURPOSE, wording=wording, granted=False
    )


def follow_areas(subscriber, codes):
    """Add these area codes to what the subscriber follows; following one again changes nothing."""
    AreaAlert.objects.bulk_create(
        [AreaAlert(subscriber=subscriber, area_code=code) for code in codes], ignore_conflicts=True
    )


def stop_following(subscriber, follows, field, keep, what):
    """Stop the subscriber's ``follows`` (topic or area alerts) whose ``field`` is not in
    ``keep``, with a withdrawn consent naming them ("Stopped <what> for: …")."""
    dropped = list(follows.exclude(**{f"{field}__in": list(keep)}).values_list(field, flat=True))
    if dropped:
        follows.filter(**{f"{field}__in": dropped}).delete()
        Consent.objects.create(
            contact_id=subscriber.contact_id,
            purpose=ALERTS_CONSENT_PURPOSE,
            wording=f"Stopped {what} for: {', '.join(dropped)}."[:2000],
            granted=False,
        )


def update_preferences(
    subscriber, *, lists, frequency, user_group, topics=None, areas=None, preferred_language=None
):
    """What the person chose in the preference centre. No lists, no release-alert topics and no
    areas at all is unsubscribing; ``topics=None``, ``areas=None`` or ``preferred_language=None``
    leaves them as they are (the language is the contact's, for every email the office sends).
    Areas can only be dropped here (adding one goes through the sign-up's double opt-in)."""
    lists = [newsletter_list for newsletter_list in lists if newsletter_list.active]
    if topics is None:
        topics = list(subscriber.topic_alerts.values_list("topic", flat=True))
    if areas is None:
        areas = list(subscriber.area_alerts.values_list("area_code", flat=True))
    if not lists and not topics and not areas:
        return unsubscribe(subscriber)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        stop_following(subscriber, subscriber.topic_alerts, "topic", topics, "release alerts")
        TopicAlert.objects.bulk_create(
            [TopicAlert(subscriber=subscriber, topic=topic) for topic in topics], ignore_conflicts=True
        )
        stop_following(subscriber, subscriber.area_alerts, "area_code", areas, "area alerts")
        subscriber.subscriptions.exclude(newsletter_list__in=lists).delete()
        Subscription.objects.bulk_create(
            [
                Subscription(subscriber=subscriber, newsletter_list=newsletter_list)
                for newsletter_list in lists
            ],
            ignore_conflicts=True,
        )
        subscriber.frequency = frequency
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["frequency", "unsubscribed_at"])
        contact_changes = {"user_group": user_group, "updated_at": timezone.now()}
        if preferred_language:
            contact_changes["preferred_language"] = supported_language(preferred_language)
        Contact.objects.filter(pk=subscriber.contact_id).update(**contact_changes)
        skip_pending_deliveries(subscriber)
    return subscriber


def unsubscribe(subscriber, sending_id=None):
    """Off every list, at once. Idempotent; counted against the issue it came from, once."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.unsubscribed_at is not None:
            return subscriber
        subscriber.subscriptions.all().delete()
        subscriber.topic_alerts.all().delete()
        subscriber.area_alerts.all().delete()
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["unsubscribed_at"])
        _withdraw_consent(subscriber, "Unsubscribed from every newsletter.")
        skip_pending_deliveries(subscriber)
        if sending_id is not None:
            Sending.objects.filter(pk=sending_id).update(unsubscribes=F("unsubscribes") + 1)
    return subscriber


def personal_data(subscriber):
    """Everything we keep about this person, for them to download."""
    contact = subscriber.contact
    return {
        "email": contact.email,
        "name": contact.name,
        "user_group": contact.get_user_group_display(),
        "organisation": contact.organisation,
        "region": contact.region,
        "newsletters": [
            s.newsletter_list.name for s in subscriber.subscriptions.select_related("newsletter_list")
        ],
        "release_alert_topics": list(subscriber.topic_alerts.values_list("topic", flat=True)),
        "area_alerts": list(subscriber.area_alerts.values_list("area_code", flat=True)),
        "frequency": subscriber.get_frequency_display(),
        "subscribed_since": subscriber.confirmed_at.isoformat(),
        "unsubscribed_at": subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else None,
        "touchpoints": [
            {
                "what": t.get_kind_display(),
                "when": t.created_at.isoformat(),
                "from": t.source,
                "detail": t.detail,
            }
            for t in contact.touchpoints.all()
        ],
        "consents": [
            {
                "purpose": c.purpose,
                "wording": c.wording,
                "granted": c.granted,
                "when": c.recorded_at.isoformat(),
            }
            for c in contact.consents.all()
        ],
        "newsletters_received": [
            {"issue": d.sending.title, "sent": d.sent_at.isoformat() if d.sent_at else None}
            for d in contact.newsletter_deliveries.filter(status=Delivery.Status.SENT).select_related(
                "sending__issue"
            )
        ],
    }


def erase(subscriber):
    """Delete the person's data. Delivery rows stay, without the person, so issue counts hold.

    The contact goes too, with its touchpoints and consents, unless another service still needs
    it (e.g. a training registration); then only the newsletter data goes. Returns True when
    the contact itself was deleted.
    """
    with transaction.atomic():
        contact = Contact.objects.select_for_update().get(pk=subscriber.contact_id)
        Delivery.objects.filter(contact=contact).update(contact=None)
        SignupRequest.objects.filter(email=contact.email).delete()
        subscriber.delete()
        try:
            with transaction.atomic():
                contact.delete()
        except ProtectedError:
            Consent.objects.create(
                contact=contact, purpose=CONSENT_PURPOSE, wording="Newsletter data deleted.", granted=False
            )
            return False
    return True


def record_feedback(email, kind, sending_id=None):
    """A bounce or complaint reported by the mail service. Returns False for an address we do not know.

    Hard bounces and complaints stop all mail to the address; soft bounces do after
    SOFT_BOUNCE_LIMIT in a row (a successful confirmation resets them).
    """
    subscriber = Subscriber.objects.filter(contact__email=normalise_email(email)).first()
    if subscriber is None:
        return False
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if sending_id is not None:
            Delivery.objects.filter(sending_id=sending_id, contact_id=subscriber.contact_id).update(
                feedback=kind
            )
        if kind == Delivery.Feedback.SOFT_BOUNCE:
            subscriber.soft_bounces += 1
            if subscriber.soft_bounces < SOFT_BOUNCE_LIMIT:
                subscriber.save(update_fields=["soft_bounces"])
                return True
        if subscriber.suppressed_at is None:
            subscriber.suppressed_at = timezone.now()
            subscriber.suppression_reason = kind
        subscriber.save(update_fields=["soft_bounces", "suppressed_at", "suppression_reason"])
        if kind == Delivery.Feedback.COMPLAINT:
            unsubscribe(subscriber)
        skip_pending_deliveries(subscriber)
    return True
