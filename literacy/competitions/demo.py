"""Demo content for competitions, placed under the games and competitions index.

Two competitions: a school data-use competition open for entries, and an infographic
competition that has closed, with its winners published and a gallery. Idempotent: a
competition that exists (found by slug) is left as it is, and its entries are made only
together with it. Dates are relative to the day the demo is loaded; the entrants are
fictional, at example.org addresses, and each goes into the user database as a real entrant
does. Entry files (charts drawn with Pillow, a PDF from fpdf2) are small and made on the spot.
"""

import datetime
import zoneinfo
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from fpdf import FPDF
from PIL import Image, ImageDraw

from literacy.games.models import GamesIndexPage
from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint
from portal.core.vocabularies import UserGroup

from .entries import CONSENT_PURPOSE
from .models import Category, CompetitionPage, Criterion, Entry

DEMO_TIME_ZONE = "Europe/Paris"

RULES = (
    "<ol><li>Your entry must be your own (or your team's) work, made for this competition.</li>"
    "<li>Use official statistics, and name the source of every figure you use.</li>"
    "<li>Do not include anyone's personal information or photographs of people without their permission.</li>"
    "<li>Entries must arrive before the closing time; late entries cannot be accepted.</li>"
    "<li>The judges' decision is final. Accepted entries may be shown in the public gallery under the "
    "name you choose.</li></ol>"
)

CRITERIA = [
    ("Use of official data", "Sources named, figures used correctly and in context.", 10, 3),
    ("Accuracy", "No misleading scales, comparisons or claims.", 10, 2),
    ("Clarity", "A reader understands the main message quickly.", 10, 2),
    ("Originality", "A fresh question, angle or design.", 10, 1),
]

FAQ = [
    (
        "Can I enter as a team?",
        "<p>Yes. Teams of up to four may enter; one person sends the entry and lists the others.</p>",
    ),
    (
        "Which data may I use?",
        "<p>Any official statistics, from this office or another national or international statistical "
        "body. Name the source of every figure.</p>",
    ),
    (
        "What file can I send?",
        "<p>A PDF, PNG or JPEG file of up to 10 MB, or a link to your work online, or both.</p>",
    ),
]

SCHOOL_COMPETITION = {
    "slug": "school-data-use-competition-2027",
    "title": "School data-use competition 2027",
    "summary": (
        "Ask a question about your town, answer it with official statistics, and show us what you found."
    ),
    "search_description": (
        "For secondary school students: answer a question about your area with official data."
    ),
    "description": (
        "<p>Pick a question that matters to you or your class: how far do people travel to work, how has "
        "the population of your region changed, what do households spend on food? Find the official "
        "figures, and present your answer as a poster, a short report or an interactive chart.</p>"
    ),
    "audience": "Secondary school students and their teachers",
    "eligible_groups": [UserGroup.TEACHERS_AND_STUDENTS],
    "eligibility": (
        "<p>Students aged 11 to 18 at a school in the country, alone or in teams of up to four. Teachers may "
        "send the entry on behalf of their students.</p>"
    ),
    "max_entries_per_person": 2,
    "categories": [
        ("Ages 11 to 14", "Lower secondary school"),
        ("Ages 15 to 18", "Upper secondary school"),
    ],
    "prizes": [
        ("First place in each category", "A tablet for each team member and a data workshop for the class."),
        ("Second place in each category", "Book vouchers for each team member."),
        ("Every accepted entry", "A place in the online gallery and a certificate."),
    ],
}

INFOGRAPHIC_COMPETITION = {
    "slug": "infographic-competition-2026",
    "title": "Infographic competition 2026",
    "summary": "One picture, one message: the best infographics made from this year's official figures.",
    "search_description": "Our 2026 infographic competition: see the winners and the gallery of entries.",
    "description": (
        "<p>We asked everyone to turn one of this year's official releases into a single infographic that "
        "a busy reader understands in a minute.</p>"
    ),
    "audience": "Everyone",
    "eligible_groups": [],
    "eligibility": "<p>Anyone living in the country, of any age, alone or in a team.</p>",
    "max_entries_per_person": 1,
    "categories": [("Infographic", "A single image"), ("Data story", "A short illustrated report")],
    "prizes": [
        ("First place", "Publication on this site and a framed print of the winning entry."),
        ("Second and third place", "A year's subscription to the statistical yearbook."),
    ],
    "results_intro": ("<p>Thank you to everyone who entered. Here are the judges' choices.</p>"),
}

# (title, display name, email, category index, kind, moderation, place, description)
INFOGRAPHIC_ENTRIES = [
    (
        "Where the money goes: a household budget in one loaf of bread",
        "Nadia K.",
        "nadia.k@example.org",
        0,
        "png",
        Entry.Moderation.ACCEPTED,
        1,
        "The household budget survey's twelve spending groups, drawn as slices of a loaf. Source: household "
        "budget survey 2025.",
    ),
    (
        "Twenty years of commuting",
        "Riverside Data Club",
        "club@riverside.example.org",
        1,
        "pdf",
        Entry.Moderation.ACCEPTED,
        2,
        "How far and how people travel to work, from the 2005, 2015 and 2025 censuses, in four short pages.",
    ),
    (
        "Prices this year, in one glance",
        "Piotr W.",
        "piotr.w@example.org",
        0,
        "png",
        Entry.Moderation.ACCEPTED,
        3,
        "Annual inflation by month, with the biggest contributors each quarter. "
        "Source: consumer price index.",
    ),
    (
        "Our region's population pyramid",
        "Ella and Sam",
        "ella.sam@example.org",
        0,
        "png",
        Entry.Moderation.ACCEPTED,
        None,
        "Population by age and sex in 2016 and 2026, side by side. Source: population estimates.",
    ),
    (
        "Jobs map",
        "M. Ortiz",
        "m.ortiz@example.org",
        0,
        "link",
        Entry.Moderation.REJECTED,
        None,
        "An interactive map of employment by district.",
    ),
]


def _local(days, hour):
    zone = zoneinfo.ZoneInfo(DEMO_TIME_ZONE)
    day = timezone.localtime(timezone.now(), zone).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


def _chart_png(seed):
    """A small bar chart, different for each entry."""
    image = Image.new("RGB", (640, 420), "#ffffff")
    draw = ImageDraw.Draw(image)
    colours = ["#0b3c5d", "#00707a", "#b35c00", "#5a3f8c"]
    draw.line([(40, 380), (620, 380)], fill="#1b1f24", width=2)
    for bar in range(8):
        height = 60 + ((seed * 37 + bar * 53) % 280)
        left = 60 + bar * 70
        draw.rectangle([left, 380 - height, left + 48, 380], fill=colours[(seed + bar) % len(colours)])
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _report_pdf(title):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=18)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 7, "A demonstration entry: figures are illustrative, not official statistics.")
    return bytes(pdf.output())


def _make_competition(index, spec, created, **dates):
    page = CompetitionPage(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        search_description=spec["search_description"],
        description=spec["description"],
        audience=spec["audience"],
        eligible_groups=spec["eligible_groups"],
        eligibility=spec["eligibility"],
        rules=RULES,
        prizes=[("prize", {"place": place, "prize": prize}) for place, prize in spec["prizes"]],
        faq=[("question", {"question": question, "answer": answer}) for question, answer in FAQ],
        time_zone=DEMO_TIME_ZONE,
        max_entries_per_person=spec["max_entries_per_person"],
        results_intro=spec.get("results_intro", ""),
        results_published=bool(spec.get("results_intro")),
        **dates,
    )
    page.categories = [Category(name=name, description=text) for name, text in spec["categories"]]
    page.criteria = [
        Criterion(name=name, description=text, max_points=points, weight=weight)
        for name, text, points, weight in CRITERIA
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    created.append(spec["slug"])
    return CompetitionPage.objects.get(pk=page.pk)


def _add_entries(competition):
    categories = list(competition.categories.all())
    for number, (title, name, email, category, kind, moderation, place, description) in enumerate(
        INFOGRAPHIC_ENTRIES
    ):
        consent = competition.consent_text
        contact = record_touchpoint(
            email,
            kind=TouchpointKind.COMPETITION_ENTRY,
            source=competition.full_url or "",
            detail=f"{competition.title}: {title}",
            consent=ConsentGiven(purpose=CONSENT_PURPOSE, wording=consent),
            user_group=UserGroup.CITIZENS,
        )
        entry = Entry(
            competition=competition,
            contact=contact,
            email=email,
            display_name=name,
            title=title,
            description=description,
            category=categories[category],
            user_group=UserGroup.CITIZENS,
            consent_wording=consent,
            moderation=moderation,
            place=place,
            created_at=competition.opens_at + datetime.timedelta(days=5 + number),
        )
        if kind == "link":
            entry.link = "https://maps.example.org/jobs-by-district"
        else:
            content = _chart_png(number) if kind == "png" else _report_pdf(title)
            entry.file_kind = Entry.FileKind.PNG if kind == "png" else Entry.FileKind.PDF
            entry.file_name = f"entry.{kind}"
            entry.file_size = len(content)
            entry.file.save("entry", ContentFile(content), save=False)
        entry.updated_at = entry.created_at
        entry.save()


def load_competitions_demo(home, created):
    """Create whatever of the competitions demo is missing; ``created`` gets a name for each thing made."""
    index = GamesIndexPage.objects.first()
    if index is None:  # the games demo could not place its index: nowhere to put competitions
        return
    existing = set(CompetitionPage.objects.child_of(index).values_list("slug", flat=True))
    if SCHOOL_COMPETITION["slug"] not in existing:
        closes = _local(45, 17)
        _make_competition(
            index,
            SCHOOL_COMPETITION,
            created,
            opens_at=_local(-14, 9),
            closes_at=closes,
            winners_announced_at=closes + datetime.timedelta(days=30),
        )
    if INFOGRAPHIC_COMPETITION["slug"] not in existing:
        competition = _make_competition(
            index,
            INFOGRAPHIC_COMPETITION,
            created,
            opens_at=_local(-120, 9),
            closes_at=_local(-60, 17),
            winners_announced_at=_local(-30, 12),
        )
        _add_entries(competition)
