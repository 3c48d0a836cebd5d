"""Query budget: "You said, we did", the request form and a request's status page run as many
queries with 1,000 entries, requests and history lines as with 10."""

from feedback.models import DataRequest
from feedback.tests.factories import (
    DataRequestEventFactory,
    YouSaidWeDidEntryFactory,
    YouSaidWeDidPageFactory,
)
from tests.bulk import grow_rows
from tests.queries import assert_constant


def test_data_requests_and_you_said_we_did(request_page, story, themes):
    said = YouSaidWeDidPageFactory()
    entry = YouSaidWeDidEntryFactory(page=said, theme=themes["Clearer charts"], link_page=story)
    event = DataRequestEventFactory()
    data_request = event.request

    def grow_to(total):
        grow_rows(entry, said.entries, total, you_said=lambda n: f"Said {n}")
        grow_rows(data_request, DataRequest.objects, total, reference=lambda n: f"DR-B-{n}")
        grow_rows(event, data_request.events, total)

    urls = [said.url, request_page.url, f"{request_page.url}status/{data_request.token}/"]
    assert_constant(urls, grow_to)
