"""iCalendar for training sessions: one person's invitation and the public feed of all sessions.

The messages follow iTIP (RFC 5546): an emailed invitation is a METHOD:REQUEST naming the
office as ORGANIZER and the registrant as the one ATTENDEE; a cancellation is a METHOD:CANCEL
with STATUS:CANCELLED and a higher SEQUENCE than any invitation for the same UID; the public
feed is a METHOD:PUBLISH with an ORGANIZER and no ATTENDEE. Each registration has its own UID
(the session's, plus the registration), so a person who cancels and registers again gets a new
entry that no earlier cancellation can outrank.

Built with the `icalendar` package, which escapes text values (commas, semicolons, newlines,
backslashes) as RFC 5545 requires, so hostile titles or addresses cannot inject properties.
"""

import zoneinfo
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, gettext

from portal.core.mail import display_name, site_root_url
from portal.core.templatetags.language_tags import bcp47

PRODID = "-//Portal//Training sessions//EN"


class Method:
    """The iTIP methods we use: invitations, cancellations and the published feed."""

    REQUEST = "REQUEST"
    CANCEL = "CANCEL"
    PUBLISH = "PUBLISH"


def session_uid(session, root_url=None):
    """Stable per session, so every update and cancellation replaces the same calendar entry."""
    host = urlsplit(root_url if root_url is not None else site_root_url()).hostname or "portal.invalid"
    return f"training-session-{session.pk}@{host}"


def registration_uid(registration, root_url=None):
    """Stable per registration: its invitation, updates and cancellation replace one entry.

    Registrations invited before UIDs were per registration keep the session's UID, which the
    entries already in their calendars carry."""
    if registration.shared_calendar_uid:
        return session_uid(registration.session, root_url)
    local, host = session_uid(registration.session, root_url).split("@", 1)
    return f"{local}-registration-{registration.pk}@{host}"


def organizer():
    """The office's training team: ORGANIZER of every event, with its name (CN)."""
    address = icalendar.vCalAddress(f"mailto:{settings.TRAINING_EMAIL}")
    address.params["CN"] = display_name(settings.TRAINING_EMAIL_NAME)
    return address


def attendee(registration, partstat):
    """The registrant, the one ATTENDEE of their invitation; no reply is expected (RSVP=FALSE)."""
    address = icalendar.vCalAddress(f"mailto:{registration.email}")
    address.params["CN"] = display_name(registration.name)
    address.params["CUTYPE"] = "INDIVIDUAL"
    address.params["ROLE"] = "REQ-PARTICIPANT"
    address.params["PARTSTAT"] = partstat
    address.params["RSVP"] = "FALSE"
    return address


def session_location(session, *, with_joining_link):
    """Where to go: the venue and address, and the joining link only for people who registered."""
    parts = [part for part in (session.venue_name, " ".join(session.address.split())) if part]
    if with_joining_link and session.joining_link:
        parts.append(gettext("Online: %(link)s") % {"link": session.joining_link})
    elif session.format != "in_person":
        parts.append(gettext("Online (the joining link is sent to registered people)"))
    return ", ".join(parts)


def session_event(session, *, root_url, with_joining_link, cancelled=False, uid=None, sequence=None):
    """The VEVENT for a session, with times in the session's own time zone; its words are in the
    active language (the reader's: the address's, or the registrant's for an email)."""
    tz = zoneinfo.ZoneInfo(session.time_zone)
    page_url = session.get_full_url() or ""
    description = [session.summary]
    if session.trainer_name:
        if session.trainer_role:
            trainer = gettext("Trainer: %(name)s (%(role)s)") % {
                "name": session.trainer_name,
                "role": session.trainer_role,
            }
        else:
            trainer = gettext("Trainer: %(name)s") % {"name": session.trainer_name}
        description.append(trainer)
    if with_joining_link and session.joining_link:
        description.append(gettext("Join online: %(link)s") % {"link": session.joining_link})
    if cancelled and session.cancellation_note:
        description.append(gettext("Cancelled: %(note)s") % {"note": session.cancellation_note})
    if page_url:
        description.append(page_url)
    status = "CANCELLED" if cancelled else "CONFIRMED"
    event = icalendar.Event.new(
        uid=uid or session_uid(session, root_url),
        summary=session.title,
        description="\n\n".join(description),
        start=timezone.localtime(session.starts_at, tz).replace(microsecond=0),
        end=timezone.localtime(session.ends_at, tz).replace(microsecond=0),
        sequence=session.sequence if sequence is None else sequence,
        stamp=timezone.now(),
        status=status,
    )
    event.add("organizer", organizer())
    location = session_location(session, with_joining_link=with_joining_link)
    if location:
        event.add("location", location)
    if page_url:
        event.add("url", page_url)
    return event


def _calendar(method, events, name=None):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", icalendar.vText(name), parameters=language())
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def language():
    """The LANGUAGE parameter (RFC 5545, 3.2.10) of the calendar's name, wholly our words; not of
    descriptions and locations, which are mostly the editors' text in its own language."""
    return {"LANGUAGE": bcp47(get_language())}


def registration_sequence(registration, method):
    """The SEQUENCE of a registrant's event: the session's, which goes up whenever it moves or is
    cancelled; one more when the registration itself ended (cancelled or declined), so that the
    CANCEL outranks every invitation sent for it (RFC 5546, 3.2.5)."""
    sequence = registration.session.sequence
    ended = registration.status not in registration.ACTIVE
    return sequence + 1 if method == Method.CANCEL and ended else sequence


def registration_ics(registration, method=Method.REQUEST):
    """One registrant's invitation (REQUEST) or its withdrawal (CANCEL), as bytes.

    A CANCEL marks the event STATUS:CANCELLED; calendar clients match it to the
    invitation by UID and SEQUENCE.
    """
    session = registration.session
    root_url = site_root_url()
    cancelled = method == Method.CANCEL
    event = session_event(
        session,
        root_url=root_url,
        with_joining_link=method == Method.REQUEST,
        cancelled=cancelled,
        uid=registration_uid(registration, root_url),
        sequence=registration_sequence(registration, method),
    )
    ended = cancelled and registration.status not in registration.ACTIVE
    if ended and registration.shared_calendar_uid:
        del event["STATUS"]  # uninviting one attendee of a shared event: no STATUS (RFC 5546, 3.2.5)
    event.add("attendee", attendee(registration, "DECLINED" if ended else "ACCEPTED"))
    return _calendar(method, [event]).to_ical()


def sessions_feed_ics(sessions, name=None):
    """The public feed (PUBLISH) of the given sessions, as bytes: never any joining link. Named
    in the active language unless a name is given."""
    name = name or gettext("Training sessions")
    root_url = site_root_url()
    events = [
        session_event(session, root_url=root_url, with_joining_link=False, cancelled=session.cancelled)
        for session in sessions
    ]
    return _calendar(Method.PUBLISH, events, name=name).to_ical()
