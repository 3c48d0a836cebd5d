"""Demo content for training: the index at /training/, six upcoming sessions and two past ones.

Called by ``manage.py load_demo`` through :func:`load_training_demo`. Idempotent like the rest
of the loader: a session that exists (found by slug) is left exactly as it is, and its
registrations, attendance and feedback are made only together with it. Dates are relative to
the day the demo is loaded. The people are fictional, at example.org addresses.

Registrations are written directly, not through literacy.training.register(), because that
emails every registrant and closes past sessions; each person still goes into the user
database (touchpoint and consent) through record_touchpoint(), as the real sign-up does.
"""

import datetime
import zoneinfo
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from wagtail.documents import get_document_model

from home.demo import ensure_section_index
from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint
from portal.core.vocabularies import UserGroup

from .models import (
    Audience,
    Registration,
    SessionFeedback,
    SessionFormat,
    SessionMaterial,
    TrainingIndexPage,
    TrainingSessionPage,
)
from .training import CONSENT_PURPOSE

DEMO_TIME_ZONE = "Europe/Paris"
INDEX_INTRO = (
    "Workshops for journalists, teachers and public servants on finding and reading official statistics."
)
OFFICE = {
    "venue_name": "Statistics House, training room 2",
    "address": "12 Census Square, Capital City",
    "map_url": "https://www.openstreetmap.org/search?query=Census%20Square",
}
ONLINE = {"joining_link": "https://meet.statistics.example/training-room"}

# (name, organisation, role, user group): fictional people for the registrations.
JOURNALISTS = [
    ("Amira Haddad", "The Morning Ledger", "Economics reporter"),
    ("Tomasz Nowicki", "Capital Radio", "Business editor"),
    ("Grace Mensah", "Daily Courier", "Data journalist"),
    ("Luca Romano", "Weekly Review", "Reporter"),
    ("Hannah Berg", "National Broadcasting", "Producer"),
    ("Kofi Asante", "The Evening Post", "Economics correspondent"),
    ("Marta Kowalska", "Newswire Agency", "Reporter"),
    ("Jonas Weber", "Regional Times", "Local news editor"),
    ("Sara Lindgren", "Capital Radio", "Reporter"),
    ("Daniel Costa", "Business Today", "Markets reporter"),
    ("Priya Raman", "The Morning Ledger", "Graphics editor"),
    ("Oliver Grant", "Freelance", "Freelance journalist"),
]
PUBLIC_SERVANTS = [
    ("Elena Petrova", "Ministry of Finance", "Policy analyst"),
    ("Samuel Okoro", "Capital City Council", "Planning officer"),
    ("Ingrid Larsen", "Ministry of Health", "Analyst"),
    ("Mateo Alvarez", "Northern Region Council", "Housing officer"),
    ("Aisha Bello", "Ministry of Education", "Statistician"),
    ("Peter Novak", "Southern Region Council", "Policy officer"),
]


def person(entry):
    name, organisation, role = entry
    return {
        "name": name,
        "email": f"{name.lower().replace(' ', '.')}@example.org",
        "organisation": organisation,
        "role": role,
    }


FEEDBACK = [
    (5, "The worked examples with last month's release were exactly what I needed."),
    (4, "Very clear. A little more time for questions at the end would help."),
    (4, ""),
    (5, "Please run the same session on the labour force survey."),
    (3, "Useful, but the room was too warm and the slides hard to read from the back."),
]

SESSIONS = [
    # Upcoming: days from today, then the page's fields.
    {
        "slug": "reading-the-consumer-price-index",
        "days": 5,
        "title": "Reading the consumer price index: a two-hour module for the media",
        "summary": "How the monthly inflation figure is made, what the basket holds, and how to report "
        "a change in the rate without the common mistakes.",
        "audience": Audience.JOURNALISTS,
        "level": "basic",
        "format": SessionFormat.IN_PERSON,
        "duration_minutes": 120,
        "capacity": 8,
        "trainer_name": "Helena Markov",
        "trainer_role": "Head of Prices Statistics",
        "place": OFFICE,
        "registrations": {"confirmed": JOURNALISTS[:8], "waitlisted": JOURNALISTS[8:11]},
    },
    {
        "slug": "census-data-in-the-classroom",
        "days": 9,
        "title": "Using census data in the classroom",
        "summary": "Ready-made lessons on population, households and migration for secondary schools, "
        "with the tables and maps to go with them.",
        "audience": Audience.TEACHERS,
        "level": "basic",
        "format": SessionFormat.ONLINE,
        "duration_minutes": 90,
        "capacity": 40,
        "trainer_name": "Sofia Lindqvist",
        "trainer_role": "Head of Population, Social and Environment Statistics",
        "place": ONLINE,
    },
    {
        "slug": "labour-market-statistics-for-reporters",
        "days": 12,
        "title": "Labour market statistics for reporters: jobs, unemployment and the survey behind them",
        "summary": "What the unemployment rate counts, why it differs from the register of job seekers, "
        "and how to read the margin of error. For accredited media.",
        "audience": Audience.JOURNALISTS,
        "level": "intermediate",
        "format": SessionFormat.ONLINE,
        "duration_minutes": 90,
        "capacity": 25,
        "requires_approval": True,
        "trainer_name": "Daniel Okafor",
        "trainer_role": "Head of Labour Market and Earnings Statistics",
        "place": ONLINE,
        "registrations": {"confirmed": JOURNALISTS[2:4], "pending": [JOURNALISTS[11], JOURNALISTS[6]]},
    },
    {
        "slug": "evidence-for-policy-survey-results",
        "days": 16,
        "title": "Evidence for policy: reading survey results and margins of error",
        "summary": "When a change between two survey figures is real, and how to say how sure we are.",
        "audience": Audience.PUBLIC_SERVANTS,
        "level": "advanced",
        "format": SessionFormat.IN_PERSON,
        "duration_minutes": 180,
        "capacity": 20,
        "trainer_name": "Mara Ilić",
        "trainer_role": "Methodology Unit",
        "place": OFFICE,
        "registrations": {"confirmed": PUBLIC_SERVANTS[:3]},
    },
    {
        "slug": "data-journalism-clinic",
        "days": 19,
        "title": "Data journalism clinic: finding, checking and charting official figures",
        "summary": "Bring a story you are working on: our statisticians help you find the right "
        "table, check the numbers and choose an honest chart.",
        "audience": Audience.JOURNALISTS,
        "level": "intermediate",
        "format": SessionFormat.HYBRID,
        "duration_minutes": 150,
        "capacity": 15,
        "trainer_name": "Grace Adeyemi",
        "trainer_role": "Dissemination and Data Visualisation",
        "place": {**OFFICE, **ONLINE},
    },
    {
        "slug": "open-day-how-statistics-are-made",
        "days": 26,
        "title": "Open day: how official statistics are made",
        "summary": "Meet the people who run the surveys and the census, and see how a release is "
        "checked before it is published.",
        "audience": Audience.EVERYONE,
        "level": "basic",
        "format": SessionFormat.IN_PERSON,
        "duration_minutes": 120,
        "capacity": 60,
        "trainer_name": "The dissemination team",
        "place": OFFICE,
    },
    # Past: they have run, with materials, attendance and feedback.
    {
        "slug": "gdp-explained-for-economics-reporters",
        "days": -21,
        "title": "GDP explained: a briefing for economics reporters",
        "summary": "What gross domestic product measures, why the first estimate is revised, and how "
        "to report quarterly growth.",
        "audience": Audience.JOURNALISTS,
        "level": "intermediate",
        "format": SessionFormat.IN_PERSON,
        "duration_minutes": 120,
        "capacity": 12,
        "trainer_name": "Jan Horvat",
        "trainer_role": "National Accounts",
        "place": OFFICE,
        "registrations": {"confirmed": JOURNALISTS[:9]},
        "absent": 2,
        "feedback": FEEDBACK,
        "materials": [
            ("Slides: GDP explained", "slides", SessionMaterial.Visibility.EVERYONE),
            (
                "Recording of the session",
                "https://video.statistics.example/training/gdp-explained",
                SessionMaterial.Visibility.REGISTRANTS,
            ),
        ],
    },
    {
        "slug": "population-estimates-for-planners",
        "days": -45,
        "title": "Population estimates for local planners",
        "summary": "Using the yearly population estimates and projections to plan schools, housing "
        "and services, area by area.",
        "audience": Audience.PUBLIC_SERVANTS,
        "level": "basic",
        "format": SessionFormat.ONLINE,
        "duration_minutes": 90,
        "capacity": 30,
        "trainer_name": "Sofia Lindqvist",
        "trainer_role": "Head of Population, Social and Environment Statistics",
        "place": ONLINE,
        "registrations": {"confirmed": PUBLIC_SERVANTS},
        "absent": 1,
        "feedback": FEEDBACK[1:4],
        "materials": [
            ("Handout: population estimates by area", "handout", SessionMaterial.Visibility.EVERYONE),
        ],
    },
]


def load_training_demo(home, created):
    """Create whatever of the training demo is missing; ``created`` gets a name for each thing made."""
    index = ensure_section_index(
        home, TrainingIndexPage, created, slug="training", title="Training", intro=INDEX_INTRO
    )
    if index is None:
        return
    today = timezone.localdate()
    for spec in SESSIONS:
        ensure_session(index, spec, today, created)


def ensure_session(index, spec, today, created):
    if index.get_children().filter(slug=spec["slug"]).exists():
        return
    tz = zoneinfo.ZoneInfo(DEMO_TIME_ZONE)
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
        time_zone=DEMO_TIME_ZONE,
        capacity=spec["capacity"],
        requires_approval=spec.get("requires_approval", False),
        trainer_name=spec["trainer_name"],
        trainer_role=spec.get("trainer_role", ""),
        **spec["place"],
    )
    session.materials = [
        material(spec["slug"], title, source, visibility)
        for title, source, visibility in spec.get("materials", [])
    ]
    index.add_child(instance=session)
    session.save_revision().publish()
    add_registrations(index, session, spec)
    created.append(f"training session {spec['slug']}")


def material(slug, title, source, visibility):
    if source.startswith("https://"):
        return SessionMaterial(title=title, url=source, visibility=visibility)
    return SessionMaterial(
        title=title, document=ensure_pdf(title, f"{slug}-{source}.pdf"), visibility=visibility
    )


def add_registrations(index, session, spec):
    """Registrations in the order people signed up; past sessions also get attendance and feedback."""
    past = spec["days"] < 0
    signed_up = session.starts_at - datetime.timedelta(days=20)
    group = UserGroup.MEDIA if session.audience == Audience.JOURNALISTS else ""
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


def ensure_pdf(title, filename):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file = ContentFile(slides_pdf(title), name=filename)
        document.save()
    return document


def slides_pdf(title):
    """A two-page A4 landscape handout: the title, then a page saying what this demo file is."""
    buffer = BytesIO()
    with PdfPages(buffer) as pdf:
        for heading, text in (
            (title, "National Statistics Office: training materials"),
            ("About this file", "Demonstration material: the figures and people in it are illustrative."),
        ):
            figure = Figure(figsize=(11.69, 8.27))
            figure.text(0.08, 0.6, heading, fontsize=30, fontweight="bold", wrap=True)
            figure.text(0.08, 0.45, text, fontsize=16)
            pdf.savefig(figure)
    return buffer.getvalue()
