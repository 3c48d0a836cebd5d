import pytest

from .factories import DataStoryPageFactory, StoryIndexPageFactory


@pytest.fixture
def story_index(home_page):
    """An empty, published story index at /stories/."""
    return StoryIndexPageFactory(parent=home_page)


@pytest.fixture
def make_story(story_index):
    """make_story(title, topics=[...], publish=False, **fields) → a story in the index."""

    def make(title="Prices rise more slowly", *, publish=True, **fields):
        return DataStoryPageFactory(parent=story_index, title=title, live=publish, **fields)

    return make
