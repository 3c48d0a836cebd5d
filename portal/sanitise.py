"""The one place where HTML from users is cleaned. Every app that shows user HTML calls this."""

from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
USER_LINK_REL = "nofollow ugc noopener"


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
