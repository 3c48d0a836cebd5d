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
    assert with_five <= 15
