"""People find where to ask for data and what changed from any page (the footer), not only by
typing an address; an unpublished page is not offered."""

import pytest
from bs4 import BeautifulSoup

from tests.queries import queries_for

from .factories import DataRequestPageFactory, YouSaidWeDidPageFactory

pytestmark = pytest.mark.django_db


def footer_links(client, url="/en/"):
    footer = BeautifulSoup(client.get(url).content, "html.parser").select_one("footer .site-footer__links")
    return {link.get_text(strip=True): link["href"] for link in footer.select("a")}


def test_the_footer_links_the_data_request_form_and_you_said_we_did(client, home_page):
    DataRequestPageFactory()
    YouSaidWeDidPageFactory()
    links = footer_links(client)
    assert links["Ask us for data"] == "/en/data-requests/"
    assert links["You said, we did"] == "/en/you-said-we-did/"
    assert footer_links(client, "/en/data-requests/")["You said, we did"] == "/en/you-said-we-did/"


def test_an_unpublished_page_is_not_offered(client, home_page):
    draft = YouSaidWeDidPageFactory()
    draft.unpublish()
    assert "You said, we did" not in footer_links(client)


def test_the_footer_links_cost_no_query_and_follow_publishing(client, home_page):
    first = YouSaidWeDidPageFactory()
    first.save_revision().publish()
    DataRequestPageFactory().save_revision().publish()
    with_two = queries_for(client, "/en/")
    assert set(footer_links(client)) >= {"You said, we did", "Ask us for data"}
    YouSaidWeDidPageFactory(title="What changed in 2025", slug="changes-2025").save_revision().publish()
    assert queries_for(client, "/en/") == with_two
    assert "What changed in 2025" in footer_links(client)
    first.unpublish()
    assert "You said, we did" not in footer_links(client)


def test_you_said_we_did_figures_offer_their_data(client, home_page):
    from urllib.parse import unquote

    from .factories import YouSaidWeDidEntryFactory

    page = YouSaidWeDidPageFactory()
    YouSaidWeDidEntryFactory(page=page)
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    charts = html.select("figure.chart")
    links = html.select("figure.chart .chart__download a")
    assert charts and len(links) == len(charts)
    assert all(unquote(link["href"]).startswith("data:text/csv;charset=utf-8,") for link in links)


def test_the_footer_offers_each_page_in_the_readers_language(client, home_page):
    from tests.pages import translate_page

    english = DataRequestPageFactory()
    YouSaidWeDidPageFactory()
    french = translate_page(english, "fr", title="Demandez-nous des données", slug="demandes-de-donnees")
    links = footer_links(client, "/fr/")
    assert links["Demandez-nous des données"] == french.url == "/fr/demandes-de-donnees/"
    assert links["You said, we did"] == "/en/you-said-we-did/"  # not translated: the original
    assert footer_links(client, "/en/")["Ask us for data"] == "/en/data-requests/"


def test_the_feedback_box_speaks_the_readers_language_until_an_editor_changes_its_words(client, home_page):
    from feedback.models import FeedbackSettings
    from stories.tests.factories import DataStoryPageFactory
    from tests.pages import in_language

    story = DataStoryPageFactory()

    def heading(address):
        html = BeautifulSoup(client.get(address).content, "html.parser")
        return html.select_one("#page-feedback-heading").get_text(strip=True)

    assert heading(story.url) == "Was this page useful?"
    assert heading(in_language(story.url, "fr")) == "Cette page vous a-t-elle été utile ?"
    settings = FeedbackSettings.load()
    settings.question = "Did this help you?"
    settings.save()
    assert heading(in_language(story.url, "fr")) == "Did this help you?"  # an editor's words, as written
