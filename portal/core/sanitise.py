"""The one place where HTML from users is cleaned. Every app that shows user HTML calls this."""

import html
from functools import partial
from urllib.parse import urlsplit

import bleach
import markdown
from bleach.linkifier import LinkifyFilter

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr"}
)
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
USER_LINK_REL = "nofollow ugc noopener"
# Markdown as people write it in forums: paragraphs, emphasis, lists, quotes, code, and line
# breaks kept where they were typed. Headings and images come out as plain text and nothing.
MARKDOWN_EXTENSIONS = ("fenced_code", "nl2br", "sane_lists")


def _allowed_link_attribute(tag, name, value):
    """Links go to web or mail addresses, or to a path on this site; nothing else survives,
    however it is spelled or encoded."""
    if name == "href":
        scheme = urlsplit(value.strip()).scheme.lower()
        return scheme in ALLOWED_PROTOCOLS or (not scheme and value.startswith("/"))
    return name in ("title", "rel")


ALLOWED_ATTRIBUTES = {"a": _allowed_link_attribute}


def _mark_user_link(attrs, new=False):
    attrs[(None, "rel")] = USER_LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_mark_user_link], skip_tags={"pre", "code"})],
)


def clean_user_html(html):
    """Keep a small formatting subset; drop scripts, styles, event handlers and unsafe URLs.

    Every link, written or bare, gets rel="nofollow ugc noopener" so that user content
    passes no search ranking and cannot reach back into the page that opened it.
    """
    return _cleaner.clean(html or "")


def render_user_markdown(source):
    """Markdown (or the small HTML subset) from a user, as HTML that is safe to show.

    Markdown passes raw HTML through untouched, so its output goes through the same cleaner
    as any other user HTML: whatever the source, only the allowed subset comes out.
    """
    html = markdown.markdown(source or "", extensions=list(MARKDOWN_EXTENSIONS), output_format="html")
    return clean_user_html(html)


def clean_user_text(text):
    """Plain text from a user (an answer to a question, a comment) with any markup taken out.

    Tags and comments go (their words stay), entities are read back as the characters they
    stand for, and control characters other than line breaks and tabs are dropped. What is
    left is text, escaped wherever it is shown and made formula-safe in spreadsheets.
    """
    printable = "".join(ch for ch in text or "" if ch in "\n\t" or ch.isprintable())
    return html.unescape(bleach.clean(printable, tags=set(), strip=True, strip_comments=True))
