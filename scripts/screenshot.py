"""Screenshot pages of a running site in headless Chromium, on desktop and phone widths.

python scripts/screenshot.py http://127.0.0.1:8000/ /search/?q=population --out screenshots/
python scripts/screenshot.py http://127.0.0.1:8000/ / --locale ar --locale fr   # each language

A locale is sent as the browser's Accept-Language, so the site answers in that language.
"""

import argparse
from pathlib import Path
from urllib.parse import urljoin, urlparse

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VIEWPORTS = {"desktop": (1280, 900), "phone": (320, 720)}


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("base_url")
    parser.add_argument("paths", nargs="*", default=["/"])
    parser.add_argument("--out", default="screenshots")
    parser.add_argument(
        "--locale", action="append", default=[], help="e.g. ar or fr; repeat for several (default: none sent)"
    )
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for locale in args.locale or [None]:
            shoot(browser, args.base_url, args.paths, out, locale)
        browser.close()


def shoot(browser, base_url, paths, out, locale):
    """Every path at every width, in one language (None: the browser's default)."""
    suffix = f"-{locale}" if locale else ""
    for label, (width, height) in VIEWPORTS.items():
        context = browser.new_context(
            viewport={"width": width, "height": height}, **({"locale": locale} if locale else {})
        )
        page = context.new_page()
        for path in paths:
            url = urljoin(base_url, path)
            page.goto(url)
            name = urlparse(url).path.strip("/").replace("/", "_") or "home"
            if urlparse(url).query:
                name += "_" + "".join(ch if ch.isalnum() else "-" for ch in urlparse(url).query)
            target = out / f"{name}-{label}{suffix}.png"
            page.screenshot(path=target, full_page=True)
            print(target)
        context.close()


if __name__ == "__main__":
    main()
