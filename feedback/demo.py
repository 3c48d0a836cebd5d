"""Demo content for feedback, data requests and the "You said, we did" page.

The content lives in ``demo_content/``: the two pages in ``pages.json``,
themes, page feedback and "You said, we did" entries as CSV, data requests in JSON. Everything
is illustrative and made only when missing: running the loader twice, or after editors changed
things, changes nothing.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page

from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint
from portal.core.demo import DemoFiles

from .data_requests import CONSENT_PURPOSE
from .models import (
    DataRequest,
    DataRequestEvent,
    DataRequestPage,
    FeedbackSettings,
    FeedbackTheme,
    PageFeedback,
    YouSaidWeDidEntry,
    YouSaidWeDidPage,
)

CONTENT = DemoFiles(__file__)


def load_feedback_demo(home, created):
    """Create whatever of the feedback demo is missing; ``created`` gets a name for each thing made."""
    pages = CONTENT.json("pages.json")
    themes = ensure_themes(created)
    request_page = ensure_page(home, DataRequestPage, created, **pages["data_requests"])
    page = ensure_page(home, YouSaidWeDidPage, created, **pages["you_said_we_did"])
    if page is not None and not page.entries.exists():
        ensure_entries(page, themes)
        created.append("you-said-we-did entries")
    settings = FeedbackSettings.load()
    if settings.data_request_page_id is None and request_page is not None:
        settings.data_request_page = request_page
        settings.save()
    if not PageFeedback.objects.exists():
        ensure_page_feedback(themes)
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
    for row in CONTENT.rows("themes.csv"):
        name = row["name"]
        themes[name], made = FeedbackTheme.objects.get_or_create(
            name=name, defaults={"description": row["description"]}
        )
        if made:
            created.append(f"theme {name}")
    return themes


def ensure_entries(page, themes):
    today = timezone.localdate()
    for order, row in enumerate(CONTENT.rows("you-said-we-did.csv")):
        page.entries.add(
            YouSaidWeDidEntry(
                you_said=row["you_said"],
                we_did=row["we_did"],
                theme=themes[row["theme"]],
                date=today - datetime.timedelta(days=int(row["days_ago"])),
                sort_order=order,
            )
        )
    page.save_revision().publish()


def ensure_page_feedback(themes):
    from stories.models import DataStoryPage

    stories = list(DataStoryPage.objects.live().order_by("path"))
    if not stories:
        return
    content_type = ContentType.objects.get_for_model(DataStoryPage)
    chance = random.Random(2026)  # noqa: S311 - repeatable demo data, not security
    now = timezone.now()
    comments = CONTENT.rows("page-feedback.csv")
    for number in range(48):
        row = comments[number % len(comments)]
        theme = row["theme"]
        story = stories[number % len(stories)]
        feedback = PageFeedback.objects.create(
            page=story,
            page_title=story.title,
            content_type=content_type,
            useful=row["useful"] == "yes" if number % 3 else True,
            feedback_type=row["feedback_type"],
            comment=row["comment"],
            addressed=bool(theme) and number % 2 == 0,
            created_at=now - datetime.timedelta(days=chance.randint(0, 170), hours=chance.randint(0, 23)),
        )
        if theme:
            feedback.themes.add(themes[theme])


def ensure_requests(themes, request_page):
    now = timezone.now()
    wording = request_page.consent_text if request_page is not None else ""
    for spec in CONTENT.json("data-requests.json"):
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
