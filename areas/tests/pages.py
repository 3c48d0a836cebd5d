"""Reading the area pages in tests."""

import re


def main_text(response):
    """The page's main content, spaces collapsed, without charts' SVG markup."""
    html = response.content.decode()
    html = html.split("<main", 1)[1].split("</main>", 1)[0] if "<main" in html else html
    return " ".join(re.sub(r"<svg.*?</svg>", "", html, flags=re.S).split())
