"""axe-core on every page type of the demo site: no accessibility violation."""

import functools

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from tests.crawl import crawl, pattern

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
}


@pytest.fixture(scope="session")
def axe():
    return Axe()


def describe(violations):
    lines = [f"{len(violations)} accessibility violation(s):"]
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:200]}")
            if node.get("failureSummary"):
                lines.extend(f"       {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


SHARDS = 4


@pytest.fixture
def one_page_of_each_kind(site_url):
    """One address of every kind the site serves as HTML, found by following its links."""
    return crawl_page_kinds()


@functools.cache
def crawl_page_kinds():
    """Crawled once per test process: every browser test reads the same demo snapshot."""
    client = Client()
    pages = {}
    for path, status in sorted(crawl(client).items()):
        if status == 200 and pattern(path) not in pages and not path.endswith((".xml", ".txt", ".csv")):
            response = client.get(path)
            if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
                pages[pattern(path)] = path
    return sorted(pages.values())


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_kind_of_page_has_no_accessibility_violation(page, axe, one_page_of_each_kind, shard):
    """axe-core on one page of every kind the demo site serves (the same crawl as the smoke
    test's HTML validation): no violation of WCAG 2.2 A/AA or axe's best practices, whatever
    its impact. In shards, so that parallel test processes share the pages."""
    paths = one_page_of_each_kind
    assert len(paths) > 100, "the crawl reached the site's page types"
    found = {}
    for path in paths[shard::SHARDS]:
        response = page.goto(path)
        assert response.status == 200, path
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            found[path] = describe(violations)
    assert not found, "\n\n".join(f"{path}: {text}" for path, text in found.items())
