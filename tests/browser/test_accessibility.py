"""axe-core on the main page types: no serious or critical accessibility violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

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
    lines = [f"{len(violations)} serious or critical accessibility violation(s):"]
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


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search/?q=population",
        "/accounts/signup/",
        "/about/",
        "/stories/",
        "/stories/unemployment-unchanged-at-4-1-percent/",
        "/stories/our-population-in-one-picture/",
        "/stories/infographics/",
        "/glossary/",
    ],
    ids=[
        "home",
        "search-results",
        "signup",
        "standard-page",
        "stories",
        "story",
        "infographic",
        "gallery",
        "glossary",
    ],
)
def test_no_serious_accessibility_violations(page, axe, path):
    response = page.goto(path)
    assert response.status == 200

    results = axe.run(page, options=AXE_OPTIONS)

    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe(blocking)
