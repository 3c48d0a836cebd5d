"""Demo content for the newsletters: three lists, the sign-up page at /newsletter/, a few
fictional subscribers (at example.org), two issues already sent and one scheduled.

Idempotent: lists are found by name and issues by slug; what exists is left as it is. The
sent issues' delivery records are written directly (nobody is emailed by loading the demo).
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint
from portal.core.vocabularies import UserGroup

from .models import (
    Delivery,
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsletterList,
    Sending,
    Subscriber,
    Subscription,
)
from .subscriptions import CONSENT_PURPOSE

INTRO = (
    "The month's new figures, data stories and courses in your inbox. "
    "Choose what you want; change it any time."
)

# The newsletter page, which the demo loader makes in place of the section's placeholder.
SECTION = {"slug": "newsletter", "title": "Newsletter", "intro": INTRO}

LISTS = [
    ("Monthly round-up", "The month's new figures, best stories and a chart, once a month.", True),
    ("Release alerts", "A short email on the morning each new set of official figures comes out.", False),
    (
        "Teachers' news",
        "Classroom material, e-modules and competitions for teachers, each school term.",
        False,
    ),
]

# (email, organisation, user group, list numbers)
SUBSCRIBERS = [
    ("ana.silva@example.org", "", UserGroup.CITIZENS, (0,)),
    ("ben.osei@example.org", "Greenfield Secondary School", UserGroup.TEACHERS_AND_STUDENTS, (0, 2)),
    ("chloe.martin@example.org", "The Morning Ledger", UserGroup.MEDIA, (0, 1)),
    ("david.kim@example.org", "University of the Capital", UserGroup.RESEARCHERS, (0, 1)),
    ("eva.novak@example.org", "Ministry of Finance", UserGroup.POLICYMAKERS, (1,)),
    ("farid.rahman@example.org", "Hillside Primary School", UserGroup.TEACHERS_AND_STUDENTS, (2,)),
    ("grace.obi@example.org", "Civic Data Trust", UserGroup.CIVIL_SOCIETY, (0,)),
    ("hugo.lefevre@example.org", "", UserGroup.CITIZENS, (0, 1, 2)),
]

# (slug, title, intro, days ago sent (None: scheduled in that many days), opens, clicks)
ISSUES = [
    (
        "september-round-up",
        "September round-up: prices, jobs and a new quiz",
        "<p>Prices rose a little more slowly this month, and unemployment held steady. Here are the "
        "stories behind the figures, and a quiz to test what you know.</p>",
        -50,
        5,
        3,
    ),
    (
        "october-round-up",
        "October round-up: our population in one picture",
        "<p>The new population estimates are out. Our infographic shows who we are, where we live "
        "and how that is changing.</p>",
        -20,
        6,
        4,
    ),
    (
        "november-round-up",
        "November round-up: training for journalists",
        "<p>New training sessions for journalists and teachers, and this month's figures on jobs "
        "and prices.</p>",
        5,
        0,
        0,
    ),
]


def ensure_lists():
    lists = []
    for order, (name, description, footer) in enumerate(LISTS):
        newsletter_list, _ = NewsletterList.objects.get_or_create(
            name=name, defaults={"description": description, "offered_in_footer": footer, "sort_order": order}
        )
        lists.append(newsletter_list)
    return lists


def ensure_subscribers(lists, source):
    subscribers = []
    for email, organisation, user_group, list_numbers in SUBSCRIBERS:
        existing = Subscriber.objects.filter(contact__email=email).first()
        if existing:
            subscribers.append(existing)
            continue
        contact = record_touchpoint(
            email,
            kind=TouchpointKind.NEWSLETTER_SIGNUP,
            source=source,
            detail=", ".join(lists[number].name for number in list_numbers),
            consent=ConsentGiven(
                purpose=CONSENT_PURPOSE, wording=NewsletterIndexPage._meta.get_field("consent_text").default
            ),
            user_group=user_group,
            organisation=organisation,
        )
        subscriber = Subscriber.objects.create(
            contact=contact, confirmed_at=timezone.now() - datetime.timedelta(days=90)
        )
        Subscription.objects.bulk_create(
            [Subscription(subscriber=subscriber, newsletter_list=lists[number]) for number in list_numbers]
        )
        subscribers.append(subscriber)
    return subscribers


def ensure_issue(index, spec, lists, subscribers, created):
    slug, title, intro, days, opens, clicks = spec
    if index.get_children().filter(slug=slug).exists():
        return
    story_model = NewsletterIssuePage._meta.get_field("chart_story").related_model  # the data story page
    chart_story = next((story for story in story_model.objects.live() if story.chart_specs()), None)
    issue = NewsletterIssuePage(
        title=title,
        slug=slug,
        intro=intro,
        chart_story=chart_story,
        game=Page.objects.filter(slug="statistics-quiz").first(),
        game_text="Ten questions, one minute: how well do you know the country's numbers?",
        links=[
            (
                "link",
                {
                    "title": "Release calendar",
                    "url": "https://statistics.example/releases",
                    "description": "",
                },
            ),
        ],
        user_groups=[],
    )
    index.add_child(instance=issue)
    issue.lists.set([lists[0]])
    issue.save_revision().publish()
    now = timezone.now()
    sent = days < 0
    sending = Sending.objects.create(
        issue=issue,
        status=Sending.Status.SENT if sent else Sending.Status.SCHEDULED,
        scheduled_for=now + datetime.timedelta(days=days),
        started_at=now + datetime.timedelta(days=days) if sent else None,
        finished_at=now + datetime.timedelta(days=days, minutes=2) if sent else None,
        recipients_ready=sent,
        opens=opens,
        clicks=clicks,
    )
    sending.lists.set([lists[0]])
    if sent:
        NewsletterIssuePage.objects.filter(pk=issue.pk).update(
            first_published_at=sending.started_at, last_published_at=sending.started_at
        )
        readers = [s for s in subscribers if s.subscriptions.filter(newsletter_list=lists[0]).exists()]
        Delivery.objects.bulk_create(
            Delivery(
                sending=sending,
                contact_id=subscriber.contact_id,
                status=Delivery.Status.SENT,
                attempts=1,
                sent_at=sending.finished_at,
            )
            for subscriber in readers
        )
    created.append(f"newsletter issue {slug}")


def load_newsletters_demo(index, created):
    """Create whatever of the newsletters demo is missing below ``index``, the newsletter page the
    demo loader made from SECTION; ``created`` gets a name for each thing made."""
    lists = ensure_lists()
    subscribers = ensure_subscribers(lists, source=index.url or "/newsletter/")
    for spec in ISSUES:
        ensure_issue(index, spec, lists, subscribers, created)
