"""The one test that uses the demo content: load it, crawl the site, compare every address."""

import io
from pathlib import Path

from django.core.management import call_command

from tests.crawl import crawl, read_summary, summary

RECORDED = Path(__file__).with_name("demo_urls.txt")


def test_the_demo_loads_and_every_address_answers_as_recorded(client, db):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # a second run changes nothing and fails nothing

    found = summary(crawl(client))

    recorded = read_summary(RECORDED.read_text().splitlines())
    assert not [key for key in found if key[0] >= 500], "no address may fail"
    missing = {key: count for key, count in recorded.items() if found.get(key) != count}
    extra = {key: count for key, count in found.items() if key not in recorded}
    assert not missing and not extra, f"changed: {missing}; new: {extra}"
