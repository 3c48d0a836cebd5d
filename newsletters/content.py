"""What an issue says, gathered once: the web page, the email HTML and the plain text all read it.

Every link and image address here is absolute, because an email has no page to be relative to.
The latest stories and the upcoming training come from the apps that own them (newsletters.sections).
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from . import sections

AUTOMATIC_STORIES = 3
UPCOMING_TRAINING = 3
RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*|/)"')


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    text: str = ""


@dataclass(frozen=True)
class Chart:
    title: str
    image_url: str
    alt: str
    story_url: str
    story_title: str


@dataclass
class IssueContent:
    title: str
    intro_html: str
    stories: list[Item] = field(default_factory=list)
    chart: Chart | None = None
    figures: list = field(default_factory=list)  # datasets.blocks.Rendering, one per data block
    game: Item | None = None
    training: list[Item] = field(default_factory=list)
    links: list[Item] = field(default_factory=list)
    web_url: str = ""


def absolute(root_url, url):
    return url if not url or url.startswith(("http://", "https://")) else root_url + url


def absolute_links(root_url, html):
    """Rich text links to the site's own pages come out as "/path/": emails need the host too."""
    return RELATIVE_LINK.sub(lambda match: f'{match.group(1)}{root_url}{match.group(2)}"', html)


def in_issue_language(issue, pages):
    """Each page in the issue's language where it has a live translation into it, else as it is,
    and each page once (by ``translation_key``), in order: a French issue links the French
    stories, and translated stories are not listed once per language. No query when every page
    is in the issue's language already."""
    pages = [page for page in pages if page is not None]
    foreign = {page.translation_key for page in pages if page.locale_id != issue.locale_id}
    translations = {}
    if foreign:
        found = Page.objects.live().filter(
            translation_key__in=foreign, locale_id=issue.locale_id, alias_of__isnull=True
        )
        translations = {page.translation_key: page for page in found.specific()}
    localised, seen = [], set()
    for page in pages:
        if page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        localised.append(translations.get(page.translation_key, page))
    return localised


def featured_stories(issue):
    chosen = [block.value.specific for block in issue.featured_stories if block.value and block.value.live]
    if chosen:
        return in_issue_language(issue, chosen)
    # Enough of the latest to still have three once the translations of one story count as one.
    latest = sections.latest_stories(AUTOMATIC_STORIES * len(settings.LANGUAGES))
    return in_issue_language(issue, latest)[:AUTOMATIC_STORIES]


def chart_of_the_month(story, root_url):
    """The story's first drawable chart, as the PNG that stories serve for newsletters and cards."""
    if story is None or not story.live:
        return None
    for block in story.body:
        if block.block_type != "chart" or block.value["chart_type"] == "table":
            continue
        try:
            spec = block.block.spec(block.value)
        except ValidationError:
            continue
        story_url = absolute(root_url, story.url)
        return Chart(
            title=spec.title,
            image_url=absolute(root_url, story.url + story.reverse_subpage("chart_png", args=[block.id])),
            alt=spec.summary or spec.title,
            story_url=story_url,
            story_title=story.title,
        )
    return None


def data_figures(issue, root_url):
    """The issue's figures from the data layer (datasets.blocks), those already public."""
    rendered = (block.block.renderings(block.value, root_url) for block in issue.figures)
    return [figure for figure in rendered if figure is not None]


def issue_content(issue, root_url):
    root_url = root_url.rstrip("/")
    game = issue.game.specific if issue.game_id and issue.game and issue.game.live else None
    game = in_issue_language(issue, [game])[0] if game else None
    chart_story = in_issue_language(issue, [issue.chart_story])[0] if issue.chart_story else None
    training = sections.upcoming_training(UPCOMING_TRAINING) if issue.show_training else []
    return IssueContent(
        title=issue.title,
        intro_html=absolute_links(root_url, expand_db_html(issue.intro)),
        stories=[
            Item(story.title, absolute(root_url, story.url), story.standfirst)
            for story in featured_stories(issue)
        ],
        chart=chart_of_the_month(chart_story, root_url),
        figures=data_figures(issue, root_url),
        game=Item(game.title, absolute(root_url, game.url), issue.game_text) if game else None,
        training=[Item(session.title, absolute(root_url, session.url), when) for session, when in training],
        links=[
            Item(block.value["title"], block.value["url"], block.value["description"])
            for block in issue.links
        ],
        web_url=absolute(root_url, issue.url or ""),
    )
