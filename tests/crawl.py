"""Follow every link of the site from its home page, as an anonymous visitor, and note what
each address answers. Used by the demo's smoke test to prove that restructuring the code kept
every address the demo serves answering as before."""

import re
from collections import Counter
from urllib.parse import urljoin, urlsplit

LINK = re.compile(r'(?:href|src|action)="([^"#]*)')
# A link in code shown to readers (an embed code in a text box), its quotes escaped.
LINK_IN_CODE = re.compile(r'(?:href|src)=&quot;([^&"#]*)')
SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")
OTHER_LANGUAGE = re.compile(r"^/(fr|ar)/")
LOCAL_HOSTS = {"", "testserver", "localhost", "127.0.0.1:8000"}
SKIPPED_PREFIXES = ("/admin/", "/static/", "/documents/", "/media/", "/en/accounts/logout")
# Numbers and block ids depend on the database's sequences and on random UUIDs: the pattern of
# an address is what must stay.
NUMBER = re.compile(r"/\d+(?=/)")
UUID = re.compile(r"/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=/)")


def local_path(base, link):
    """The path of a link on this site (query strings dropped), or None for another site."""
    parts = urlsplit(urljoin(base, link.replace("&amp;", "&")))
    if parts.scheme not in ("", "http", "https") or parts.netloc not in LOCAL_HOSTS:
        return None
    if not parts.path or parts.path.startswith(SKIPPED_PREFIXES):
        return None
    return parts.path


def crawl(client, start=("/", "/sitemap.xml", "/robots.txt"), limit=3000):
    """{path: status} for every page reachable from ``start`` through links and redirects.

    Pages link to themselves in every language (the switcher): links within pages are followed
    in the default language (``/en/``) only, while the sitemap's addresses and redirects are
    followed in every language, so each translation is checked without crawling the site three
    times over."""
    seen, queue = {}, list(start)
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response.status_code
        if response.status_code in (301, 302, 303, 307, 308):
            links = [response["Location"]]
        elif any(kind in response.get("Content-Type", "") for kind in ("html", "xml")):
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode("utf-8", "replace")
            in_page = LINK.findall(text) + LINK_IN_CODE.findall(text)
            links = [link for link in in_page if not OTHER_LANGUAGE.match(local_path(path, link) or "")]
            links += SITEMAP_LOC.findall(text)
        else:
            links = []
        for link in links:
            found = local_path(path, link)
            if found and found not in seen:
                queue.append(found)
    return seen


def pattern(path):
    return UUID.sub("/<uuid>", NUMBER.sub("/<n>", path))


def summary(statuses):
    """Counter of (status, address pattern): what the recorded list holds."""
    return Counter((status, pattern(path)) for path, status in statuses.items())


def read_summary(lines):
    counts = Counter()
    for line in lines:
        if line.strip() and not line.startswith("#"):
            status, path, count = line.split()
            counts[(int(status), path)] = int(count)
    return counts


def write_summary(counts):
    ordered = sorted(counts.items(), key=lambda item: item[0][1])
    return "".join(f"{status} {path} {count}\n" for (status, path), count in ordered)
