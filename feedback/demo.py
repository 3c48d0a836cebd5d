"""Demo content for feedback, data requests and the "You said, we did" page.

Everything here is illustrative and made only when missing: running the loader twice, or
after editors changed things, changes nothing.
"""

import datetime
import random

from django.utils import timezone
from wagtail.models import Page

from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint

from .data_requests import CONSENT_PURPOSE
from .models import (
    DataRequest,
    DataRequestEvent,
    DataRequestPage,
    FeedbackSettings,
    FeedbackTheme,
    FeedbackType,
    PageFeedback,
    YouSaidWeDidEntry,
    YouSaidWeDidPage,
)

THEMES = {
    "Regional figures": "Figures for regions, districts and towns.",
    "Clearer charts": "Charts and tables that are easier to read.",
    "Release timing": "When figures come out, and how early they are announced.",
    "Methods explained": "How figures are made, in plain words.",
    "Open data formats": "Downloads in formats people can reuse.",
}

COMMENTS = [
    (
        False,
        FeedbackType.MISSING_DATA,
        "I need this by district, not only for the whole country.",
        "Regional figures",
    ),
    (
        False,
        FeedbackType.HARD_TO_UNDERSTAND,
        "What does 'seasonally adjusted' mean here?",
        "Methods explained",
    ),
    (
        True,
        FeedbackType.SUGGESTION,
        "Great story. A CSV of the second chart would help my class.",
        "Open data formats",
    ),
    (
        False,
        FeedbackType.DATA_ERROR,
        "The 2023 figure in the table differs from the chart.",
        "Clearer charts",
    ),
    (True, "", "", None),
    (True, FeedbackType.OTHER, "Clear and short, thank you.", None),
    (
        False,
        FeedbackType.HARD_TO_UNDERSTAND,
        "The colours of the two lines are hard to tell apart.",
        "Clearer charts",
    ),
    (True, FeedbackType.SUGGESTION, "Please say when the next figures come out.", "Release timing"),
]

REQUESTS = [
    {
        "name": "Amina Diallo",
        "email": "amina.diallo@university.example",
        "organisation": "National University",
        "user_group": "researchers",
        "purpose": DataRequest.Purpose.RESEARCH,
        "what": "Unemployment rate by district and sex, quarterly, 2020 to 2024.",
        "days_ago": 80,
        "status": DataRequest.Status.ANSWERED,
        "answer_days": 6,
        "message": "The table is attached to this reply and now published on the labour market page.",
        "theme": "Regional figures",
    },
    {
        "name": "Tom Reyes",
        "email": "tom.reyes@dailynews.example",
        "organisation": "Daily News",
        "user_group": "media",
        "purpose": DataRequest.Purpose.JOURNALISM,
        "what": "Monthly consumer price index for food items since 2015.",
        "days_ago": 45,
        "status": DataRequest.Status.REDIRECTED,
        "answer_days": 1,
        "message": "These figures are already published in the consumer price index tables.",
        "product_url": "https://statistics.example/prices/cpi-food",
        "theme": "Open data formats",
    },
    {
        "name": "Lena Park",
        "email": "lena.park@ministry.example",
        "organisation": "Ministry of Education",
        "user_group": "policymakers",
        "purpose": DataRequest.Purpose.POLICY,
        "what": "Number of pupils per teacher by school district for the last five school years.",
        "days_ago": 20,
        "status": DataRequest.Status.ANSWERED,
        "answer_days": 9,
        "message": "Here are the figures you asked for, with notes on the 2022 change of definition.",
        "theme": "Regional figures",
    },
    {
        "name": "Sam Okoro",
        "email": "sam.okoro@student.example",
        "organisation": "",
        "user_group": "teachers_and_students",
        "purpose": DataRequest.Purpose.STUDY,
        "what": "Household income microdata for every household, with addresses, for my thesis.",
        "days_ago": 12,
        "status": DataRequest.Status.DECLINED,
        "answer_days": 3,
        "message": (
            "We cannot release data that identifies households. The anonymised public-use file "
            "and the published tables by region may answer your question."
        ),
        "theme": None,
    },
    {
        "name": "Grace Mensah",
        "email": "grace.mensah@civic.example",
        "organisation": "Open Budget Network",
        "user_group": "civil_society",
        "purpose": DataRequest.Purpose.OTHER,
        "what": "Population estimates by age group for each municipality in 2025.",
        "days_ago": 4,
        "status": DataRequest.Status.IN_PROGRESS,
        "theme": "Regional figures",
    },
    {
        "name": "Ravi Shah",
        "email": "ravi.shah@consulting.example",
        "organisation": "Shah Consulting",
        "user_group": "private_sector",
        "purpose": DataRequest.Purpose.BUSINESS,
        "what": "Number of businesses by sector and size band, annual, 2018 to 2025.",
        "days_ago": 1,
        "status": DataRequest.Status.RECEIVED,
        "theme": None,
    },
]

ENTRIES = [
    (
        "Many of you asked for unemployment figures below the national level.",
        "We now publish the unemployment rate for every district each quarter, with a map and a table.",
        "Regional figures",
        70,
    ),
    (
        "Readers told us two lines in our charts were hard to tell apart.",
        "Every chart now uses a palette tested for colour blindness, and lines have different dash patterns.",
        "Clearer charts",
        40,
    ),
    (
        "You wanted to know when new figures come out.",
        "Each story now shows the date of the next release.",
        "Release timing",
        15,
    ),
]


def load_feedback_demo(home, created, *, pages_with_feedback=()):
    """Create whatever of the feedback demo is missing; ``created`` gets a name for each thing made.

    The feedback pages go under ``home``; readers' answers are spread over ``pages_with_feedback``
    (the demo loader passes the data stories).
    """
    themes = ensure_themes(created)
    request_page = ensure_page(
        home,
        DataRequestPage,
        created,
        slug="data-requests",
        title="Ask for data",
        intro=(
            "Cannot find the figures you need? Tell us what you are looking for. A statistician "
            "will reply, whether the data exists, is already published, or can be produced."
        ),
    )
    page = ensure_page(
        home,
        YouSaidWeDidPage,
        created,
        slug="you-said-we-did",
        title="You said, we did",
        intro="What you told us about our figures and this site, and what we changed as a result.",
    )
    if page is not None and not page.entries.exists():
        ensure_entries(page, themes)
        created.append("you-said-we-did entries")
    settings = FeedbackSettings.load()
    if settings.data_request_page_id is None and request_page is not None:
        settings.data_request_page = request_page
        settings.save()
    if not PageFeedback.objects.exists():
        ensure_page_feedback(themes, list(pages_with_feedback))
        created.append("page feedback")
    if not DataRequest.objects.exists():
        ensure_requests(themes, request_page)
        created.append("data requests")


def ensure_page(home, model, created, *, slug, title, **fields):
    """The one page of this type, made under home (outside the main menu) if there is none
    and the address is free."""
    page = model.objects.first()
    if page is not None or home.get_children().filter(slug=slug).exists():
        return page
    page = model(title=title, slug=slug, **fields)
    Page.objects.get(pk=home.pk).add_child(instance=page)
    page.save_revision().publish()
    created.append(slug)
    return model.objects.get(pk=page.pk)


def ensure_themes(created):
    themes = {}
    for name, description in THEMES.items():
        themes[name], made = FeedbackTheme.objects.get_or_create(
            name=name, defaults={"description": description}
        )
        if made:
            created.append(f"theme {name}")
    return themes


def ensure_entries(page, themes):
    today = timezone.localdate()
    for order, (you_said, we_did, theme, days_ago) in enumerate(ENTRIES):
        page.entries.add(
            YouSaidWeDidEntry(
                you_said=you_said,
                we_did=we_did,
                theme=themes[theme],
                date=today - datetime.timedelta(days=days_ago),
                sort_order=order,
            )
        )
    page.save_revision().publish()


def ensure_page_feedback(themes, pages):
    if not pages:
        return
    chance = random.Random(2026)  # noqa: S311 - repeatable demo data, not security
    now = timezone.now()
    for number in range(48):
        useful, kind, comment, theme = COMMENTS[number % len(COMMENTS)]
        page = pages[number % len(pages)]
        feedback = PageFeedback.objects.create(
            page=page,
            page_title=page.title,
            content_type=page.content_type,
            useful=useful if number % 3 else True,
            feedback_type=kind,
            comment=comment,
            addressed=bool(theme) and number % 2 == 0,
            created_at=now - datetime.timedelta(days=chance.randint(0, 170), hours=chance.randint(0, 23)),
        )
        if theme:
            feedback.themes.add(themes[theme])


def ensure_requests(themes, request_page):
    now = timezone.now()
    wording = request_page.consent_text if request_page is not None else ""
    for spec in REQUESTS:
        received = now - datetime.timedelta(days=spec["days_ago"])
        contact = record_touchpoint(
            spec["email"],
            kind=TouchpointKind.DATA_REQUEST,
            source="demo",
            detail=spec["what"][:200],
            consent=ConsentGiven(CONSENT_PURPOSE, wording) if wording else None,
            name=spec["name"],
            organisation=spec["organisation"],
            user_group=spec["user_group"],
        )
        data_request = DataRequest.objects.create(
            what=spec["what"],
            purpose=spec["purpose"],
            name=spec["name"],
            email=spec["email"],
            organisation=spec["organisation"],
            user_group=spec["user_group"],
            contact=contact,
            created_at=received,
            status=spec["status"],
            product_url=spec.get("product_url", ""),
        )
        data_request.reference = f"DR-{received.year}-{data_request.pk:05d}"
        DataRequestEvent.objects.create(
            request=data_request, kind=DataRequestEvent.Kind.RECEIVED, status="received", created_at=received
        )
        if "answer_days" in spec:
            closed = received + datetime.timedelta(days=spec["answer_days"])
            data_request.closed_at = closed
            DataRequestEvent.objects.create(
                request=data_request,
                kind=DataRequestEvent.Kind.STATUS,
                status=spec["status"],
                message=spec["message"],
                created_at=closed,
            )
        elif spec["status"] != DataRequest.Status.RECEIVED:
            DataRequestEvent.objects.create(
                request=data_request,
                kind=DataRequestEvent.Kind.STATUS,
                status=spec["status"],
                created_at=received + datetime.timedelta(days=1),
            )
        data_request.save(update_fields=["reference", "closed_at"])
        if spec["theme"]:
            data_request.themes.add(themes[spec["theme"]])
