"""Fact-check pages: the claim, verdict, right figure from the data layer, ClaimReview JSON-LD,
the share card, the listing with its verdict filter and feeds, and their query budgets."""

import datetime
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from PIL import Image

from literacy.modules.tests.factories import ModuleIndexPageFactory, ModulePageFactory
from trust.models import FactCheckModule, Verdict
from trust.tests.conftest import key_figure
from trust.tests.factories import FactCheckPageFactory

pytestmark = pytest.mark.django_db

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def claim_review_of(html):
    [found] = LD_JSON.findall(html)
    return json.loads(found)


def test_a_fact_check_shows_claim_where_when_verdict_figure_and_explanation(client, index_page, unemployment):
    page = FactCheckPageFactory(parent=index_page, right_figure=[key_figure(unemployment)])
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Unemployment has doubled in a year.",
        "A campaign leaflet",
        'href="https://social.example/post/1"',
        '<time datetime="2026-11-20">20 November 2026</time>',
        "Our verdict:",
        'class="verdict verdict--incorrect">Incorrect<',
        "Unemployment was 4.1% in both years",
        "The claim contradicts the official figures.",
        "The official figure",
        'Source: <a href="/en/data/labour-force/">Labour force survey</a>, version 1',
        "The leaflet compared the number of claimants",
        "Report a misuse of our figures".replace(
            "Report a misuse of our figures", "Seen our figures misused?"
        ),
    ):
        assert text in html, text
    assert re.search(r"4\.1</span>\s*<span class=\"key-figure__unit\">%", html)


def test_an_embargoed_figure_is_never_shown(client, index_page, unemployment):
    version = unemployment.dataset.versions.get()
    version.published_at = timezone.now() + datetime.timedelta(days=1)
    version.save()
    page = FactCheckPageFactory(parent=index_page, right_figure=[key_figure(unemployment)])
    html = client.get(page.url).content.decode()
    assert "this figure is not published yet" in html
    assert "4.1</span>" not in html


def test_claim_review_json_ld_follows_schema_org(client, index_page):
    page = FactCheckPageFactory(parent=index_page, verdict=Verdict.MISLEADING)
    review = claim_review_of(client.get(page.url).content.decode())
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["url"] == page.get_full_url()
    assert review["claimReviewed"] == "Unemployment has doubled in a year."
    assert review["datePublished"] == page.first_published_at.date().isoformat()
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "A campaign leaflet"}
    assert item["appearance"][0]["url"] == "https://social.example/post/1"
    assert item["appearance"][0]["datePublished"] == "2026-11-20"
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["alternateName"] == "Misleading"
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert review["reviewBody"].startswith("The leaflet compared")


@pytest.mark.parametrize(
    ("verdict", "rating"), [("correct", 5), ("misleading", 2), ("unsupported", 2), ("incorrect", 1)]
)
def test_every_verdict_has_a_rating(client, index_page, verdict, rating):
    page = FactCheckPageFactory(parent=index_page, verdict=verdict)
    assert claim_review_of(client.get(page.url).content.decode())["reviewRating"]["ratingValue"] == rating


def test_hostile_text_cannot_break_out_of_the_json_ld(client, index_page):
    hostile = '</script><script>alert("x")</script> & <!--'
    page = FactCheckPageFactory(parent=index_page, claim=hostile, claimant=hostile, summary=hostile)
    html = client.get(page.url).content.decode()
    assert '<script>alert("x")' not in html
    assert claim_review_of(html)["claimReviewed"] == hostile


def test_the_share_card_is_a_1200_by_630_png_with_alt_text(client, index_page, unemployment):
    page = FactCheckPageFactory(parent=index_page, right_figure=[key_figure(unemployment)])
    response = client.get(page.url + "card/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(response.content)) as image:
        assert image.size == (1200, 630)
    html = client.get(page.url).content.decode()
    alt = page.get_share_image_alt()
    assert alt.startswith("Fact-check. Claim: “Unemployment has doubled in a year.” Verdict: Incorrect.")
    assert "Unemployment rate, Country, 2026: 4.1 %" in alt and "Labour force survey" in alt
    assert f'<meta property="og:image" content="http://testserver{page.url}card/">' in html
    assert 'property="og:image:alt" content="Fact-check. Claim:' in html
    assert 'alt="Fact-check. Claim:' in html


def test_the_share_card_draws_awkward_text(client, index_page):
    page = FactCheckPageFactory(parent=index_page, claim="$5 bn " + "x" * 590, summary="50% $ ^ _ {}")
    response = client.get(page.url + "card/")
    assert response.status_code == 200
    assert response.content.startswith(b"\x89PNG")


def test_related_modules_are_linked_when_live(client, index_page):
    learn = ModuleIndexPageFactory()
    module = ModulePageFactory(parent=learn, title="Rates and counts")
    draft = ModulePageFactory(parent=learn, title="Draft module", live=False)
    page = FactCheckPageFactory(parent=index_page)
    FactCheckModule.objects.create(page=page, module=module, sort_order=0)
    FactCheckModule.objects.create(page=page, module=draft, sort_order=1)
    html = client.get(page.url).content.decode()
    assert "Learn to spot this" in html and f'href="{module.url}">Rates and counts<' in html
    assert "Draft module" not in html


def test_a_claim_cannot_be_dated_in_the_future(index_page):
    page = FactCheckPageFactory.build(appeared_on=timezone.localdate() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "appeared_on" in error.value.message_dict


def test_the_listing_filters_by_verdict_and_links_the_report_form(client, index_page, report_page):
    FactCheckPageFactory(parent=index_page, title="Wrong one", verdict=Verdict.INCORRECT)
    FactCheckPageFactory(parent=index_page, title="Right one", verdict=Verdict.CORRECT)
    FactCheckPageFactory(parent=index_page, title="Unpublished one", live=False)
    html = client.get(index_page.url).content.decode()
    assert "Wrong one" in html and "Right one" in html and "Unpublished one" not in html
    assert "2 fact-checks" in html
    assert f'href="{report_page.url}"' in html
    assert "What our verdicts mean" in html
    filtered = client.get(index_page.url, {"verdict": "correct"}).content.decode()
    assert "Right one" in filtered and "Wrong one" not in filtered
    for junk in ("<script>", "nonsense", "\u202e"):
        response = client.get(index_page.url, {"verdict": junk})
        assert response.status_code == 200
        assert "2 fact-checks" in response.content.decode()
    assert client.get(index_page.url, {"page": "99"}).status_code == 200


def test_the_atom_feed_lists_fact_checks_newest_first(client, index_page):
    FactCheckPageFactory(parent=index_page, title="First")
    FactCheckPageFactory(parent=index_page, title="Second", verdict=Verdict.CORRECT)
    FactCheckPageFactory(parent=index_page, title="Hidden", live=False)
    response = client.get(index_page.url + "feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [entry.find("a:title", ns).text for entry in root.findall("a:entry", ns)]
    assert titles == ["Correct: Second", "Incorrect: First"]
    rss = client.get(index_page.url + "feed/")
    assert rss.status_code == 200 and b"<rss" in rss.content
    html = client.get(index_page.url).content.decode()
    assert 'type="application/atom+xml"' in html


def test_query_counts_do_not_grow_with_the_listing(client, index_page, django_assert_max_num_queries):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(index_page.url).status_code == 200
        return len(queries)

    for _ in range(2):
        FactCheckPageFactory(parent=index_page)
    count_queries()  # fills the caches that every later request finds full
    few = count_queries()
    for _ in range(8):
        FactCheckPageFactory(parent=index_page)
    assert count_queries() == few
    with django_assert_max_num_queries(few):
        client.get(index_page.url)


def test_a_fact_check_page_stays_within_its_query_budget(
    client, index_page, unemployment, django_assert_max_num_queries
):
    page = FactCheckPageFactory(parent=index_page, right_figure=[key_figure(unemployment)])
    learn = ModuleIndexPageFactory()
    for _ in range(3):
        FactCheckModule.objects.create(page=page, module=ModulePageFactory(parent=learn))
    with django_assert_max_num_queries(40):
        assert client.get(page.url).status_code == 200
