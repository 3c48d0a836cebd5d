import pytest

from home.models import StandardPage
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def add_content(home, count):
    for index in range(count):
        page = StandardPage(
            title=f"Release note {index}",
            slug=f"release-{home.get_children().count()}",
            show_in_menus=index % 2 == 0,
        )
        home.add_child(instance=page)
        page.save_revision().publish()


@pytest.mark.parametrize("url", ["/", "/about/"])
def test_page_query_count_does_not_grow_with_content(client, demo_site, url):
    add_content(demo_site, 5)
    with_five = queries_for(client, url)
    add_content(demo_site, 45)
    with_fifty = queries_for(client, url)
    assert with_fifty == with_five
    assert with_five <= 22  # the home page has seven sections: stories, figures, modules, training...


def test_home_lists_modules_by_tier_and_the_latest_forum_topics_in_fixed_queries(client, demo_site):
    from django.contrib.auth import get_user_model

    from forums.models import Forum, Topic

    home = client.get("/").content.decode()
    assert "What a census is" in home and "Spotting misleading charts and claims" in home
    latest = Topic.objects.filter(hidden=False, approved=True).order_by("-last_post_at", "-pk").first()
    assert latest.title in home

    before = queries_for(client, "/")
    author = get_user_model().objects.create_user("many-topics@example.org", "x-Strong-pass-1")
    forum = Forum.objects.first()
    Topic.objects.bulk_create(Topic(forum=forum, title=f"Question {n}", author=author) for n in range(30))
    assert queries_for(client, "/") == before
    assert (
        "Question 29" in client.get("/").content.decode() or "Question 0" in client.get("/").content.decode()
    )
