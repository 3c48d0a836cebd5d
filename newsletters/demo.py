"""Demo content for the newsletters: three lists, the sign-up page at /newsletter/, a few
fictional subscribers (at example.org), two issues already sent and one scheduled.

The content lives in ``demo_content/``: the lists and subscribers as CSV, the index's intro and
the issues in ``newsletters.json``. Idempotent: lists are found by name and issues by slug; what
exists is left as it is. The sent issues' delivery records are written directly (nobody is
emailed by loading the demo).
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from portal.contacts.models import TouchpointKind
from portal.contacts.services import ConsentGiven, record_touchpoint
from portal.core.demo import DemoFiles, ensure_section_index
from stories.models import DataStoryPage

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

CONTENT = DemoFiles(__file__)


def ensure_lists():
    """The lists by name, in the order of the table."""
    lists = {}
    for order, row in enumerate(CONTENT.rows("lists.csv")):
        lists[row["name"]], _ = NewsletterList.objects.get_or_create(
            name=row["name"],
            defaults={
                "description": row["description"],
                "offered_in_footer": row["offered_in_footer"] == "yes",
                "sort_order": order,
            },
        )
    return lists


def ensure_subscribers(lists, source):
    subscribers = []
    for row in CONTENT.rows("subscribers.csv"):
        email = row["email"]
        chosen = [lists[name] for name in row["lists"].split("; ")]
        existing = Subscriber.objects.filter(contact__email=email).first()
        if existing:
            subscribers.append(existing)
            continue
        contact = record_touchpoint(
            email,
            kind=TouchpointKind.NEWSLETTER_SIGNUP,
            source=source,
            detail=", ".join(newsletter_list.name for newsletter_list in chosen),
            consent=ConsentGiven(
                purpose=CONSENT_PURPOSE, wording=NewsletterIndexPage._meta.get_field("consent_text").default
            ),
            user_group=row["user_group"],
            organisation=row["organisation"],
        )
        subscriber = Subscriber.objects.create(
            contact=contact, confirmed_at=timezone.now() - datetime.timedelta(days=90)
        )
        Subscription.objects.bulk_create(
            [
                Subscription(subscriber=subscriber, newsletter_list=newsletter_list)
                for newsletter_list in chosen
            ]
        )
        subscribers.append(subscriber)
    return subscribers


def ensure_issue(index, spec, every_issue, main_list, subscribers, created):
    """An issue sent ``days`` ago (a negative number) or scheduled in ``days``, to the first list."""
    slug, days = spec["slug"], spec["days"]
    if index.get_children().filter(slug=slug).exists():
        return
    chart_story = next((story for story in DataStoryPage.objects.live() if story.chart_specs()), None)
    issue = NewsletterIssuePage(
        title=spec["title"],
        slug=slug,
        intro=spec["intro"],
        chart_story=chart_story,
        game=Page.objects.filter(slug=every_issue["game"]).first(),
        game_text=every_issue["game_text"],
        links=[("link", link) for link in every_issue["links"]],
        user_groups=[],
    )
    index.add_child(instance=issue)
    issue.lists.set([main_list])
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
        opens=spec["opens"],
        clicks=spec["clicks"],
    )
    sending.lists.set([main_list])
    if sent:
        NewsletterIssuePage.objects.filter(pk=issue.pk).update(
            first_published_at=sending.started_at, last_published_at=sending.started_at
        )
        readers = [s for s in subscribers if s.subscriptions.filter(newsletter_list=main_list).exists()]
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


def load_newsletters_demo(home, created):
    """Create whatever of the newsletters demo is missing; ``created`` gets a name for each thing made."""
    content = CONTENT.json("newsletters.json")
    index = ensure_section_index(
        home, NewsletterIndexPage, created, slug="newsletter", title="Newsletter", intro=content["intro"]
    )
    if index is None:
        return
    lists = ensure_lists()
    subscribers = ensure_subscribers(lists, source=index.url or "/newsletter/")
    main_list = next(iter(lists.values()))
    for spec in content["issues"]:
        ensure_issue(index, spec, content["every_issue"], main_list, subscribers, created)
