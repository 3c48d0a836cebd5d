"""Query budgets: every public page type runs as many queries with 1,000 of the things it lists
as with 10. Each test grows the demo content to 10 items, counts each page's queries, grows it
to 1,000 and counts again. Pages are added with tests/bulk.py, rows with bulk_create."""

import pytest
from django.test import Client
from django.utils import timezone

from feedback.models import DataRequest, DataRequestPage, YouSaidWeDidPage
from forums.models import Forum, ForumIndexPage, Topic
from home.models import StandardPage
from literacy.competitions.models import CompetitionPage, Entry
from literacy.games.models import LeaderboardEntry, TimedQuizPage
from literacy.modules.models import LessonPage, ModuleIndexPage, ModulePage
from literacy.training.models import TrainingSessionPage
from newsletters.pages import NewsletterIssuePage
from stories.models import DataStoryPage, GlossaryPage, GlossaryTerm, StoryCorrection, StoryTopic
from tests.bulk import add_live_copies, add_row_copies
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def counts(urls):
    """Each page's queries for a first-time visitor (a page that starts a session would add its
    query to the pages after it)."""
    return {url: queries_for(Client(), url) for url in urls}


def assert_constant(urls, grow_to):
    """The pages' query counts with 10 items, then with 1,000 (search may need fewer: a page
    of results of fewer page types)."""
    grow_to(10)
    few = counts(urls)
    grow_to(1000)
    many = counts(urls)
    grown = {url: (few[url], many[url]) for url in urls if many[url] > few[url]}
    assert not grown, f"queries with 10 items, with 1,000: {grown}"
    assert all(few.values()), few


def grow_rows(example, queryset, total, **vary):
    """Rows like `example` in `queryset`, `total` in all."""
    present = queryset.count()
    add_row_copies(example, max(total - present, 0), start=present, **vary)


def grow_pages(example, total):
    """Live pages of example's type beside it, `total` in all; returns the ones added."""
    present = type(example).objects.live().sibling_of(example).count()
    return add_live_copies(example, max(total - present, 0), start=present)


def test_stories_and_every_page_that_lists_them(demo_site):
    story = DataStoryPage.objects.live().filter(corrections__isnull=False).first()
    topic = story.topics.first()
    index = story.get_parent()

    def grow_to(total):
        added = grow_pages(story, total)
        StoryTopic.objects.bulk_create(StoryTopic(tag=topic, content_object=page) for page in added)
        correction = story.corrections.first()
        StoryCorrection.objects.bulk_create(
            StoryCorrection(page=page, date=correction.date, text=correction.text) for page in added
        )

    urls = [
        "/",
        index.url,
        f"{index.url}topic/{topic.slug}/",
        f"{index.url}infographics/",
        f"{index.url}corrections/",
        f"{index.url}feed/",
        f"{index.url}topic/{topic.slug}/feed/atom/",
        story.url,
        f"/search/?q={story.title.split()[0]}",
        "/sitemap.xml",
    ]
    assert_constant(urls, grow_to)


def test_modules_lessons_and_the_learn_index(demo_site):
    module = ModulePage.objects.live().get(slug="what-a-census-is")
    lesson = LessonPage.objects.live().child_of(module).first()

    def grow_to(total):
        grow_pages(module, total)
        grow_pages(lesson, total)

    urls = ["/", ModuleIndexPage.objects.get().url, module.url, lesson.url, f"{module.url}pre-check/"]
    assert_constant(urls, grow_to)


def test_training_sessions_and_registrations(demo_site):
    now = timezone.now()
    upcoming = (
        TrainingSessionPage.objects.live().filter(starts_at__gt=now, registrations__isnull=False).first()
    )
    past = TrainingSessionPage.objects.live().filter(starts_at__lt=now).first()
    registration = upcoming.registrations.first()
    index = upcoming.get_parent()

    def grow_to(total):
        grow_pages(upcoming, total)
        grow_pages(past, total)
        grow_rows(registration, upcoming.registrations, total, email=lambda n: f"reader{n}@example.org")

    urls = ["/", index.url, f"{index.url}past/", f"{index.url}calendar/", upcoming.url, past.url]
    assert_constant(urls, grow_to)


def test_games_and_the_quiz_leaderboard(demo_site):
    quiz = TimedQuizPage.objects.live().first()
    LeaderboardEntry.objects.create(quiz=quiz, nickname="Quick Owl", score=5, out_of=5, time_taken_ms=42_000)
    entry = quiz.leaderboard_entries.first()

    def grow_to(total):
        grow_pages(quiz, total)
        grow_rows(
            entry, quiz.leaderboard_entries, total, score=lambda n: n % 6, nickname=lambda n: f"Owl {n}"
        )

    games = quiz.get_parent()
    urls = [
        games.url,
        quiz.url,
        f"{quiz.url}leaderboard/",
        *(game.url for game in games.get_children().live()),
    ]
    assert_constant(urls, grow_to)


def test_a_competition_and_its_gallery_of_winners(demo_site):
    competition = CompetitionPage.objects.live().get(results_published=True)
    entry = competition.entries.filter(moderation=Entry.Moderation.ACCEPTED, place=None).first()

    def grow_to(total):
        grow_rows(entry, competition.entries, total, title=lambda n: f"Entry {n}")

    assert_constant([competition.url, f"{competition.url}gallery/"], grow_to)


def test_forums_topics_and_posts(demo_site):
    index = ForumIndexPage.objects.get()
    topic = Topic.objects.filter(approved=True, hidden=False).order_by("-reply_count").first()
    forum = topic.forum
    post = topic.posts.published().last()

    def grow_to(total):
        grow_rows(forum, Forum.objects, total, slug=lambda n: f"forum-{n}", title=lambda n: f"Forum {n}")
        grow_rows(topic, forum.topics, total, title=lambda n: f"Where are the figures for region {n}?")
        grow_rows(post, topic.posts, total, body_html=lambda n: f"<p>Reply {n}</p>")

    urls = [
        "/",
        index.url,
        index.route_url("forum", forum.slug),
        index.route_url("topic", topic.pk),
        f"{index.route_url('topic', topic.pk)}?page=3",
        f"{index.route_url('search')}?q=figures",
        index.route_url("feed", forum.slug),
    ]
    assert_constant(urls, grow_to)


def test_the_newsletter_archive_and_an_issue(demo_site):
    issue = NewsletterIssuePage.objects.live().first()
    urls = [issue.get_parent().url, issue.url]
    assert_constant(urls, lambda total: grow_pages(issue, total))


def test_standard_pages_in_the_menus_and_the_glossary(demo_site):
    about = StandardPage.objects.live().get(slug="about")
    term = GlossaryTerm.objects.first()
    glossary = GlossaryPage.objects.live().get()

    def grow_to(total):
        grow_pages(about, total)
        grow_rows(term, GlossaryTerm.objects, total, term=lambda n: f"Term {n}", slug=lambda n: f"term-{n}")

    urls = ["/", about.url, glossary.url, f"{glossary.url}{term.slug}/"]
    assert_constant(urls, grow_to)


def test_data_requests_and_you_said_we_did(demo_site):
    said = YouSaidWeDidPage.objects.live().get()
    entry = said.entries.first()
    request_page = DataRequestPage.objects.live().get()
    data_request = DataRequest.objects.filter(events__isnull=False).first()
    event = data_request.events.first()

    def grow_to(total):
        grow_rows(entry, said.entries, total, you_said=lambda n: f"Said {n}")
        grow_rows(data_request, DataRequest.objects, total, reference=lambda n: f"DR-B-{n}")
        grow_rows(event, data_request.events, total)

    urls = [said.url, request_page.url, f"{request_page.url}status/{data_request.token}/"]
    assert_constant(urls, grow_to)
