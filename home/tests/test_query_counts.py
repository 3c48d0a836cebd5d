import pytest

from forums import services
from forums.models import Topic
from tests.queries import queries_for

from .factories import StandardPageFactory, key_figure

pytestmark = pytest.mark.django_db


def add_content(home, count):
    """Published pages under the home page, every other one in the menus."""
    start = home.get_children().count()
    for number in range(start, start + count):
        StandardPageFactory(parent=home, title=f"Release note {number}", show_in_menus=number % 2 == 0)


@pytest.fixture
def full_home_page(home_page, about, modules, forum, trusted_member):
    """The home page with something in every section it can fill from the database."""
    home_page.key_figures = [key_figure(label=f"Figure {n}") for n in range(4)]
    home_page.featured_story = about
    home_page.save_revision().publish()
    services.start_topic(forum, trusted_member, "Where are the regional tables?", "Looking for them.")
    return home_page


@pytest.mark.parametrize("url", ["/en/", "/en/about/"])
def test_page_query_count_does_not_grow_with_content(client, full_home_page, url):
    add_content(full_home_page, 5)
    with_five = queries_for(client, url)
    add_content(full_home_page, 45)
    with_fifty = queries_for(client, url)
    assert with_fifty == with_five
    assert with_five <= 22  # the home page has seven sections: stories, figures, modules, training...


def test_home_lists_modules_by_tier_and_the_latest_forum_topics_in_fixed_queries(
    client, full_home_page, modules, forum, trusted_member
):
    home = client.get("/en/").content.decode()
    assert all(module.title in home for module in modules)
    assert "Where are the regional tables?" in home

    before = queries_for(client, "/en/")
    Topic.objects.bulk_create(
        Topic(forum=forum, title=f"Question {n}", author=trusted_member) for n in range(30)
    )
    assert queries_for(client, "/en/") == before
    home = client.get("/en/").content.decode()
    assert "Question 29" in home or "Question 0" in home
