import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage

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


def queries_for(client, url):
    client.get(url)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/", "/about/"])
def test_page_query_count_does_not_grow_with_content(client, demo_site, url):
    add_content(demo_site, 5)
    with_five = queries_for(client, url)
    add_content(demo_site, 45)
    with_fifty = queries_for(client, url)
    assert with_fifty == with_five
    assert with_five <= 15
