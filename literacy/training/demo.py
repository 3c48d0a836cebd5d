"""Demo content for training: the index at /training/, six upcoming sessions and two past ones.

Called by ``manage.py load_demo`` through :func:`load_training_demo`. Idempotent like the rest
of the loader: a session that exists (found by slug) is left exactly as it is, and its
registrations, attendance and feedback are made only together with it. Dates are relative to
the day the demo is loaded. The people are fictional, at example.org addresses. The content
lives in ``demo_content/``: the sessions in ``training.json``, the people and the
feedback as CSV, the handouts as PDF files.

Registrations are written directly, not through literacy.training.services.register(), because that
emails every registrant and closes past sessions; each person still goes into the user
database (touchpoint and consent) through record_touchpoint(), as the real sign-up does.
"""

import datetime
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint
from portal.core.demo import DemoFiles, ensure_section_index
from portal.core.pdf import text_document_pdf

from .models import (
    Registration,
    SessionFeedback,
    SessionMaterial,
    TrainingIndexPage,
    TrainingSessionPage,
)
from .services import CONSENT_PURPOSE

CONTENT = DemoFiles(__file__, "demo_content")


def session_specs():
    """The sessions of ``training.json``, with their places, people and feedback filled in."""
    content = CONTENT.json("training.json")
    people = {row["name"]: row for row in CONTENT.rows("people.csv")}
    feedback = CONTENT.rows("feedback.csv")
    for spec in content["sessions"]:
        spec["place"] = {
            field: value for key in spec.pop("places") for field, value in content["places"][key].items()
        }
        spec["registrations"] = {
            status: [people[name] for name in names]
            for status, names in spec.get("registrations", {}).items()
        }
        spec["feedback"] = [
            (int(row["rating"]), row["comment"]) for row in feedback if row["session"] == spec["slug"]
        ]
    return content["sessions"]


def person(row):
    """A registrant's details; the address is made from the name."""
    name = row["name"]
    return {
        "name": name,
        "email": f"{name.lower().replace(' ', '.')}@example.org",
        "organisation": row["organisation"],
        "role": row["role"],
    }


def load_training_demo(home, created):
    """Create whatever of the training demo is missing; ``created`` gets a name for each thing made."""
    index = ensure_section_index(
        home,
        TrainingIndexPage,
        created,
        slug="training",
        title="Training",
        intro=CONTENT.json("training.json")["index_intro"],
    )
    if index is None:
        return
    today = timezone.localdate()
    for spec in session_specs():
        ensure_session(index, spec, today, created)


def ensure_session(index, spec, today, created):
    if index.get_children().filter(slug=spec["slug"]).exists():
        return
    time_zone = CONTENT.json("training.json")["time_zone"]
    tz = zoneinfo.ZoneInfo(time_zone)
    starts_at = datetime.datetime.combine(
        today + datetime.timedelta(days=spec["days"]), datetime.time(10), tz
    )
    session = TrainingSessionPage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        search_description=spec["summary"],
        description=f"<p>{spec['summary']}</p><p>Bring a laptop if you have one. Places are free.</p>",
        audience=spec["audience"],
        level=spec["level"],
        format=spec["format"],
        starts_at=starts_at,
        duration_minutes=spec["duration_minutes"],
        time_zone=time_zone,
        capacity=spec["capacity"],
        requires_approval=spec.get("requires_approval", False),
        trainer_name=spec["trainer_name"],
        trainer_role=spec.get("trainer_role", ""),
        **spec["place"],
    )
    session.materials = [material(spec["slug"], **fields) for fields in spec.get("materials", [])]
    index.add_child(instance=session)
    session.save_revision().publish()
    add_registrations(index, session, spec)
    created.append(f"training session {spec['slug']}")


def material(slug, title, source, visibility):
    if source.startswith("https://"):
        return SessionMaterial(title=title, url=source, visibility=visibility)
    return SessionMaterial(
        title=title, document=ensure_document(title, f"{slug}-{source}"), visibility=visibility
    )


def add_registrations(index, session, spec):
    """Registrations in the order people signed up; past sessions also get attendance and feedback."""
    past = spec["days"] < 0
    signed_up = session.starts_at - datetime.timedelta(days=20)
    group = session.audience
    registrations = []
    for status, people in spec.get("registrations", {}).items():
        for entry in people:
            details = person(entry)
            signed_up += datetime.timedelta(hours=7)
            contact = record_touchpoint(
                details["email"],
                kind=TouchpointKind.TRAINING_REGISTRATION,
                source=session.url or "",
                detail=f"{session.title} ({status}) (demo)",
                consent=ConsentGiven(purpose=CONSENT_PURPOSE, wording=index.consent_text),
                name=details["name"],
                organisation=details["organisation"],
                user_group=group,
            )
            registrations.append(
                Registration.objects.create(
                    session=session,
                    contact=contact,
                    user_group=group,
                    status=status,
                    created_at=signed_up,
                    status_changed_at=signed_up,
                    reminder_sent_at=session.starts_at - datetime.timedelta(hours=20) if past else None,
                    **details,
                )
            )
    if not past:
        return
    absent = spec.get("absent", 0)
    thanked = session.ends_at + datetime.timedelta(hours=2)
    present = registrations[: len(registrations) - absent]
    for registration in registrations:
        registration.attended = registration in present
        registration.thank_you_sent_at = thanked if registration.attended else None
        registration.save(update_fields=["attended", "thank_you_sent_at"])
    for registration, (rating, comment) in zip(present, spec.get("feedback", []), strict=False):
        SessionFeedback.objects.create(
            registration=registration,
            rating=rating,
            improve=comment,
            created_at=thanked + datetime.timedelta(hours=registration.pk % 48),
        )


def ensure_document(title, name):
    """A handout found by title, else made as a tagged PDF from the content folder's text."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        text = CONTENT.path(f"{name}.md").read_text(encoding="utf-8")
        pdf = text_document_pdf(title, "National Statistics Office", text)
        document = Document(title=title, file=ContentFile(pdf, name=f"{name}.pdf"))
        document.save()
    return document
