"""Demo content for competitions, placed under the games and competitions index.

Two competitions: a school data-use competition open for entries, and an infographic
competition that has closed, with its winners published and a gallery. Idempotent: a
competition that exists (found by slug) is left as it is, and its entries are made only
together with it. Dates are relative to the day the demo is loaded; the entrants are
fictional, at example.org addresses, and each goes into the user database as a real entrant
does. The content lives in ``demo_content/``: the competitions in ``competitions.json``, the rules
as Markdown, the judging criteria and the entries as CSV, the entries' files in ``entries/``.
"""

import datetime
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone

from literacy.games.models import GamesIndexPage
from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint
from portal.core.demo import DemoFiles
from portal.core.vocabularies import UserGroup

from .entries import CONSENT_PURPOSE
from .models import Category, CompetitionPage, Criterion, Entry

CONTENT = DemoFiles(__file__)


def _local(time_zone, days, hour):
    zone = zoneinfo.ZoneInfo(time_zone)
    day = timezone.localtime(timezone.now(), zone).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


def _make_competition(index, spec, created, content):
    time_zone = content["time_zone"]
    dates = {field: _local(time_zone, **when) for field, when in spec["dates"].items()}
    page = CompetitionPage(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        search_description=spec["search_description"],
        description=spec["description"],
        audience=spec["audience"],
        eligible_groups=spec["eligible_groups"],
        eligibility=spec["eligibility"],
        rules=CONTENT.html("rules.md"),
        prizes=[("prize", prize) for prize in spec["prizes"]],
        faq=[("question", question) for question in content["faq"]],
        time_zone=time_zone,
        max_entries_per_person=spec["max_entries_per_person"],
        results_intro=spec.get("results_intro", ""),
        results_published=bool(spec.get("results_intro")),
        **dates,
    )
    page.categories = [Category(**category) for category in spec["categories"]]
    page.criteria = [
        Criterion(
            name=row["name"],
            description=row["description"],
            max_points=int(row["max_points"]),
            weight=int(row["weight"]),
        )
        for row in CONTENT.rows("criteria.csv")
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    created.append(spec["slug"])
    return CompetitionPage.objects.get(pk=page.pk)


def _add_entries(competition, link):
    categories = list(competition.categories.all())
    for number, row in enumerate(CONTENT.rows("entries.csv")):
        title, email = row["title"], row["email"]
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
            display_name=row["display_name"],
            title=title,
            description=row["description"],
            category=categories[int(row["category"])],
            user_group=UserGroup.CITIZENS,
            consent_wording=consent,
            moderation=row["moderation"],
            place=int(row["place"]) if row["place"] else None,
            created_at=competition.opens_at + datetime.timedelta(days=5 + number),
        )
        if not row["file"]:
            entry.link = link
        else:
            content = CONTENT.bytes(f"entries/{row['file']}")
            kind = row["file"].rpartition(".")[2]
            entry.file_kind = Entry.FileKind.PNG if kind == "png" else Entry.FileKind.PDF
            entry.file_name = f"entry.{kind}"
            entry.file_size = len(content)
            entry.file.save("entry", ContentFile(content), save=False)
        entry.updated_at = entry.created_at
        entry.save()


def load_competitions_demo(home, created):
    """Create whatever of the competitions demo is missing; ``created`` gets a name for each thing made."""
    index = GamesIndexPage.objects.filter(locale_id=home.locale_id).first()  # in English
    if index is None:  # the games demo could not place its index: nowhere to put competitions
        return
    content = CONTENT.json("competitions.json")
    existing = set(CompetitionPage.objects.child_of(index).values_list("slug", flat=True))
    for spec in content["competitions"]:
        if spec["slug"] in existing:
            continue
        competition = _make_competition(index, spec, created, content)
        if spec["slug"] == content["entries_for"]:
            _add_entries(competition, content["entry_link"])
