"""Screenshot pages of a running site in headless Chromium, on desktop and phone widths.

python scripts/screenshot.py http://127.0.0.1:8000/ /search/?q=population --out screenshots/
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
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, (width, height) in VIEWPORTS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in args.paths:
                url = urljoin(args.base_url, path)
                page.goto(url)
                name = urlparse(url).path.strip("/").replace("/", "_") or "home"
                if urlparse(url).query:
                    name += "_" + "".join(ch if ch.isalnum() else "-" for ch in urlparse(url).query)
                target = out / f"{name}-{label}.png"
                page.screenshot(path=target, full_page=True)
                print(target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
