"""The home page fits a phone screen, and runs cleanly under the site's strict CSP."""

import pytest

from .conftest import PHONE

pytestmark = pytest.mark.browser

PHONE_WIDTH = PHONE["viewport"]["width"]

# Recorded from the first line of the document, before any of the site's own code runs.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
});
"""


@pytest.mark.parametrize(
    "path", ["/", "/stories/", "/stories/unemployment-unchanged-at-4-1-percent/", "/accounts/signup/"]
)
def test_pages_have_no_horizontal_scroll_on_a_phone(new_page, path):
    page = new_page(**PHONE)
    page.goto(path)
    page.wait_for_load_state("load")

    scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll_width <= PHONE_WIDTH, (
        f"the page is {scroll_width}px wide on a {PHONE_WIDTH}px screen; widest elements: "
        + page.evaluate(
            """(limit) => [...document.querySelectorAll("body *")]
                .filter((el) => el.getBoundingClientRect().right > limit)
                .slice(0, 5)
                .map((el) => {
                  const right = Math.round(el.getBoundingClientRect().right);
                  return `${el.tagName.toLowerCase()}.${el.className} (${right}px)`;
                })
                .join(", ")""",
            PHONE_WIDTH,
        )
    )


def test_home_page_reports_no_content_security_policy_violations(page):
    messages = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.add_init_script(RECORD_CSP_VIOLATIONS)

    response = page.goto("/")
    page.wait_for_load_state("load")

    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy, policy
    assert "style-src 'self'" in policy, policy
    assert "unsafe-inline" not in policy, policy
    csp_messages = [
        m for m in messages if "content security policy" in m.lower() or "refused to" in m.lower()
    ]
    assert csp_messages == [], "\n".join(csp_messages)
    assert page.evaluate("window.__cspViolations") == []
