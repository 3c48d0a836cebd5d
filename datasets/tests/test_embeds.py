"""Chart embeds: the "Embed this chart" disclosure under a data chart, the embed address (the
chart alone, the one address other sites may frame), and oEmbed. A chart is addressed by its
page and block id; a draft, a private page or figures not yet public are never embeddable."""

import html
import itertools
import json
import re
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from datasets.importing import import_observations
from datasets.tests.conftest import as_file
from datasets.tests.factories import DatasetFactory, IndicatorFactory
from datasets.tests.test_blocks import chart_value, figure_value, imported
from home.tests.factories import StandardPageFactory
from tests.html_validator import validate

pytestmark = pytest.mark.django_db
OEMBED = "/api/oembed/"
SLUGS = itertools.count()


@pytest.fixture
def pop(dataset):
    imported(dataset)
    return dataset.indicators.get(code="POP")


def chart_page(parent, indicator, count=1, live=True, **fields):
    """A published page (a draft unless ``live``) whose body holds ``count`` data charts and a key
    figure."""
    body = [("data_chart", chart_value(indicator, **fields)) for _ in range(count)]
    body.append(("data_key_figure", figure_value(indicator)))
    return StandardPageFactory(parent=parent, slug=f"charts-{next(SLUGS)}", live=live, body=body)


def chart_ids(page):
    return [block.id for block in page.body if block.block_type == "data_chart"]


def embed_url(page, block_id=None):
    return f"/en/data/embed/chart/{page.pk}/{block_id or chart_ids(page)[0]}/"


@pytest.fixture
def page(home_page, pop):
    return chart_page(home_page, pop, title="People <b>& places</b>")


# The disclosure and the discovery links


def test_a_data_chart_offers_its_embed_snippet(client, page):
    content = client.get(page.url).content.decode()
    address = f"http://testserver{embed_url(page)}"
    block_id = chart_ids(page)[0]
    assert '<details class="chart__embed">' in content and "Embed this chart" in content
    assert f'<label for="embed-{block_id}">' in content
    assert f'aria-describedby="embed-{block_id}-hint"' in content
    textarea = re.search(rf'<textarea id="embed-{block_id}"[^>]*>(.*?)</textarea>', content, re.S)
    snippet = html.unescape(textarea.group(1))
    # What is copied is valid HTML: the title's own markup stays escaped inside the attribute.
    assert snippet.startswith(f'<iframe src="{address}" title="People &lt;b&gt;&amp; places&lt;/b&gt;"')
    assert "<b>" not in snippet


def test_a_page_with_data_charts_has_oembed_discovery(client, home_page, pop):
    page = chart_page(home_page, pop, count=2)
    content = client.get(page.url).content.decode()
    links = re.findall(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', content)
    assert len(links) == 2
    assert html.unescape(links[0]).startswith("http://testserver/api/oembed/?url=http")
    plain = StandardPageFactory(parent=home_page, slug="plain", body=[("data_key_figure", figure_value(pop))])
    assert "json+oembed" not in client.get(plain.url).content.decode()


# The embed address


def test_the_embed_shows_the_chart_alone_with_its_source_and_a_link_back(client, page):
    response = client.get(embed_url(page))
    content = response.content.decode()
    assert response.status_code == 200
    assert "People &lt;b&gt;&amp; places&lt;/b&gt;" in content  # the title, escaped
    assert "Show the data as a table" in content and "<table" in content
    assert 'class="chart__source"' in content and "Population</a>, version 1" in content
    assert f'href="{page.full_url}"' in content and 'rel="canonical"' in content
    assert "Embed this chart" not in content  # no snippet inside the embed
    assert "site-header" not in content and "<nav" not in content
    assert '<base target="_blank">' in content  # links leave the other site's frame


def test_only_the_embed_may_be_framed(client, page):
    embed = client.get(embed_url(page))
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    other = client.get(page.url)
    assert other["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in other["Content-Security-Policy"]


def test_the_embed_keeps_its_address_when_the_page_is_edited(client, page):
    address = embed_url(page)
    page.title = "A new title"
    page.save_revision().publish()
    assert client.get(address).status_code == 200


def test_what_is_not_an_embeddable_chart_is_not_found(client, home_page, page, pop):
    key_figure = next(block.id for block in page.body if block.block_type == "data_key_figure")
    draft = chart_page(home_page, pop, live=False)
    private = chart_page(home_page, pop)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for address in (
        embed_url(page, key_figure),
        embed_url(page, uuid.uuid4()),
        f"/en/data/embed/chart/{page.pk + 1000}/{chart_ids(page)[0]}/",
        embed_url(draft),
        embed_url(private),
        f"/en/data/embed/chart/{page.pk}/not-a-uuid/",
    ):
        assert client.get(address).status_code == 404, address
    assert "Embed this chart" not in client.get(private.url, follow=True).content.decode()


@pytest.fixture
def embargoed(home_page, dataset):
    """A chart of a dataset whose only version is published tomorrow."""
    hidden = DatasetFactory(slug="secret", title="Secret survey", area_code_list=dataset.area_code_list)
    indicator = IndicatorFactory(dataset=hidden, code="POP", name="Secret population")
    rows = as_file("indicator,period,area,value\nPOP,2023,NAT,987654\n")
    version = import_observations(hidden, rows).version
    version.published_at = timezone.now() + timedelta(days=1)
    version.save(update_fields=["published_at"])
    return chart_page(home_page, indicator, areas="NAT", period_from="", period_to="", chart_type="bar")


def test_figures_not_yet_public_are_never_embeddable(client, embargoed):
    assert client.get(embed_url(embargoed)).status_code == 404
    content = client.get(embargoed.url).content.decode()
    assert "Embed this chart" not in content and "987654" not in content
    url = f"http://testserver{embed_url(embargoed)}"
    assert client.get(OEMBED, {"url": url}).status_code == 404


def test_the_embed_queries_do_not_grow_with_the_charts_of_the_page(client, home_page, pop):
    def queries(count):
        page = chart_page(home_page, pop, count=count)
        client.get(embed_url(page))
        with CaptureQueriesContext(connection) as context:
            assert client.get(embed_url(page)).status_code == 200
        return len(context.captured_queries)

    assert queries(2) == queries(20)


# oEmbed


def test_oembed_describes_a_chart(client, page):
    url = f"http://testserver{embed_url(page)}"
    response = client.get(OEMBED, {"url": url, "format": "json"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    found = json.loads(response.content)
    assert found["version"] == "1.0" and found["type"] == "rich"
    assert found["title"] == "People <b>& places</b>" and found["provider_name"]
    assert (found["width"], found["height"]) == (640, 760)
    assert found["html"].startswith(f'<iframe src="{url}" title="People &lt;b&gt;&amp; places&lt;/b&gt;"')
    assert response["Access-Control-Allow-Origin"] == "*"
    smaller = json.loads(client.get(OEMBED, {"url": url, "maxwidth": "400", "maxheight": "9999"}).content)
    assert (smaller["width"], smaller["height"]) == (400, 760) and 'width="400"' in smaller["html"]


def problem(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    return json.loads(response.content)


def test_oembed_refuses_what_it_cannot_answer(client, page, home_page):
    url = f"http://testserver{embed_url(page)}"
    problem(client.get(OEMBED, {"url": url, "format": "xml"}), 501)
    problem(client.get(OEMBED, {"url": url, "format": "yaml"}), 501)
    problem(client.get(OEMBED), 400)
    problem(client.get(OEMBED, {"url": "x" * 2001}), 400)
    problem(client.get(OEMBED, {"url": url, "maxwidth": "wide"}), 400)
    problem(client.get(OEMBED, {"url": url, "colour": "red"}), 400)
    for bad in (
        f"https://evil.example{embed_url(page)}",  # another site
        f"http://testserver{page.url}",  # a page, not a chart's embed
        f"http://testserver{embed_url(page, uuid.uuid4())}",  # no such chart
        "javascript:alert(1)",
        "http://[::1",  # malformed
        "<script>alert(1)</script>",
        f"http://testserver/en/data/embed/chart/{page.pk}/{chart_ids(page)[0]}/../../",
    ):
        problem(client.get(OEMBED, {"url": bad}), 404)


def test_the_page_with_its_disclosure_and_the_embed_are_valid_html(client, page):
    pages = {address: client.get(address).content for address in (page.url, embed_url(page))}
    assert validate(pages) == []
