"""Demo content for the forums: the index at /forums/, six forums by user group, and their
discussions, with official answers from the office's statisticians.

The content lives in ``demo_content/``: the forums, their topics and posts (Markdown, as members
write them) in ``forums.json``, the members in ``people.csv``, the rules and posting help as
Markdown. Idempotent: a forum that exists (by slug) is left as it is, and its topics are made only
together with it. The people are fictional, at example.org addresses, and cannot sign in.
Everything is written in bulk, as the posts' HTML is made once, here, like on a real save.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.db.models import Count
from django.utils import timezone

from portal.core.demo import DemoFiles, ensure_section_index
from portal.core.sanitise import render_user_markdown

from .models import Forum, ForumIndexPage, Member, Post, RulesAcceptance, Topic
from .services import refresh_forum

CONTENT = DemoFiles(__file__)


def read_people():
    """The demo members by key: display name, email, and whether they are statisticians."""
    return {
        row["key"]: {"name": row["name"], "email": row["email"], "statistician": row["statistician"] == "yes"}
        for row in CONTENT.rows("people.csv")
    }


def ensure_people(people):
    """The demo members by key, made in bulk the first time; statisticians may answer officially."""
    User = get_user_model()
    emails = [person["email"] for person in people.values()]
    existing = {user.email: user for user in User.objects.filter(email__in=emails)}
    unusable = make_password(None)
    missing = [
        User(email=person["email"], password=unusable, first_name=person["name"].split(" (")[0])
        for person in people.values()
        if person["email"] not in existing
    ]
    if missing:
        User.objects.bulk_create(missing)
        existing = {user.email: user for user in User.objects.filter(email__in=emails)}
        made = [existing[user.email] for user in missing]
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in made]
        )
        names = {person["email"]: person["name"] for person in people.values()}
        Member.objects.bulk_create(
            [Member(user=user, display_name=names[user.email], trusted=True) for user in made],
            ignore_conflicts=True,
        )
        official = Permission.objects.get(content_type__app_label="forums", codename="answer_officially")
        official.user_set.add(
            *[existing[person["email"]] for person in people.values() if person["statistician"]]
        )
    return {key: existing[person["email"]] for key, person in people.items()}


def load_forums_demo(home, created):
    """Create whatever of the forums demo is missing; ``created`` gets a name for each thing made."""
    index = ensure_section_index(
        home,
        ForumIndexPage,
        created,
        slug="forums",
        title="Forums",
        intro=CONTENT.json("forums.json")["intro"],
        posting_help=CONTENT.html("posting-help.md"),
    )
    if index is None:
        return
    new_forums = [
        (position, forum)
        for position, forum in enumerate(CONTENT.json("forums.json")["forums"])
        if not Forum.objects.filter(slug=forum["slug"]).exists()
    ]
    if not new_forums:
        return
    members = read_people()
    people = ensure_people(members)
    now = timezone.now()
    for position, spec in new_forums:
        topics = spec.pop("topics")
        forum = Forum.objects.create(**spec, rules=CONTENT.html("rules.md"), sort_order=position)
        make_discussions(forum, topics, people, members, now - timedelta(days=3 * position))
        authors = {people[post["author"]].pk for topic in topics for post in topic["posts"]}
        RulesAcceptance.objects.bulk_create(
            [RulesAcceptance(user_id=pk, forum=forum, version=forum.rules_version) for pk in authors]
        )
        refresh_forum(forum)
        created.append(f"forum {forum.slug}")
    counts = dict(
        Post.objects.filter(author__in=people.values())
        .values("author")
        .annotate(n=Count("pk"))
        .values_list("author", "n")
    )
    members = list(Member.objects.filter(user__in=people.values()))
    for member in members:
        member.post_count = counts.get(member.user_id, 0)
    Member.objects.bulk_update(members, ["post_count"])


def make_discussions(forum, topics, people, members, latest):
    """The forum's topics and posts, spread over the weeks before `latest`, newest topic last."""
    topic_rows, post_rows = [], []
    for number, topic in enumerate(topics):
        posts = [(post["author"], post["text"]) for post in topic["posts"]]
        started = latest - timedelta(days=7 * (len(topics) - number), hours=number)
        times = [started + timedelta(hours=5 * i, minutes=7 * i) for i in range(len(posts))]
        topic_rows.append(
            Topic(
                forum=forum,
                title=topic["title"],
                author=people[posts[0][0]],
                created_at=started,
                last_post_at=times[-1],
                reply_count=len(posts) - 1,
                has_official_answer=any(members[key]["statistician"] for key, _ in posts[1:]),
            )
        )
        post_rows.append(
            [
                Post(
                    author=people[key],
                    body_source=text,
                    body_html=render_user_markdown(text),
                    is_official=members[key]["statistician"],
                    created_at=when,
                )
                for (key, text), when in zip(posts, times, strict=True)
            ]
        )
    Topic.objects.bulk_create(topic_rows)
    topic_rows = list(forum.topics.order_by("created_at"))
    for topic, posts in zip(topic_rows, post_rows, strict=True):
        for post in posts:
            post.topic = topic
    Post.objects.bulk_create([post for posts in post_rows for post in posts])
    accepted = []
    for topic, posts, spec in zip(topic_rows, post_rows, topics, strict=True):
        answer = spec["accepted_answer"]
        if answer is not None:
            topic.accepted_answer = posts[answer]  # bulk_create gave it its primary key
            accepted.append(topic)
    Topic.objects.bulk_update(accepted, ["accepted_answer"])
