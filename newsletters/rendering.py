"""An issue as email: HTML laid out in tables with every style inlined, and its plain text.

Rendered once per send, with placeholders where each reader's own links go; `personalise`
fills them in per recipient with a plain string replace, so sending to 100 000 people renders
the templates once.
"""

import re
from dataclasses import dataclass
from html import escape, unescape
from urllib.parse import urlencode

import css_inline
from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, get_language_info
from wagtail.coreutils import get_supported_content_language_variant

from portal.core.mail import site_root_url
from portal.core.templatetags.language_tags import bcp47

from .alert_text import alert_in_language
from .content import issue_content

UNSUBSCRIBE_PLACEHOLDER = "__NEWSLETTER_UNSUBSCRIBE_URL__"
PREFERENCES_PLACEHOLDER = "__NEWSLETTER_PREFERENCES_URL__"
CLICK_SALT = "newsletters.click"
EXTERNAL_LINK = re.compile(r'href="(https?://[^"]+)"')
INLINER = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


@dataclass(frozen=True)
class RenderedIssue:
    subject: str
    html: str
    text: str

    def personalise(self, unsubscribe_url, preferences_url):
        """This issue for one reader: their own unsubscribe and preference-centre links."""
        return RenderedIssue(
            subject=self.subject,
            html=self.html.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url).replace(
                PREFERENCES_PLACEHOLDER, preferences_url
            ),
            text=self.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url).replace(
                PREFERENCES_PLACEHOLDER, preferences_url
            ),
        )


def click_url(root_url, sending_pk, url):
    """A counted link: goes to `url` only if we signed it, so it is no open redirect."""
    signed = signing.Signer(salt=CLICK_SALT).sign(url)
    return f"{root_url}{reverse('newsletters:click', args=[sending_pk])}?{urlencode({'to': signed})}"


def counted_links(html, root_url, sending_pk):
    """Every outgoing link through the click counter, except the reader's own links."""

    def replace(match):
        url = unescape(match.group(1))
        if url.startswith(root_url + "/email/") or "__NEWSLETTER_" in url:
            return match.group(0)
        return f'href="{escape(click_url(root_url, sending_pk, url))}"'

    return EXTERNAL_LINK.sub(replace, html)


def written_in(issue):
    """The issue's own language as HTML marks it (``{"lang": "en-GB", "dir": "ltr"}``) when it is
    not the language being rendered (an original sent to readers it has no translation for),
    else None: screen readers then read its text in its language, not the reader's."""
    code = issue.locale.language_code
    if code == get_supported_content_language_variant(get_language()):
        return None
    return {"lang": bcp47(code), "dir": "rtl" if get_language_info(code)["bidi"] else "ltr"}


def render_issue_email(issue, *, sending=None, preview=False):
    """Subject, HTML and text of `issue`; with a `sending` and tracking on, links and opens are counted."""
    root_url = site_root_url()
    content = issue_content(issue, root_url)
    tracking = sending is not None and settings.NEWSLETTER_TRACKING
    context = {
        "content": content,
        "written_in": written_in(issue),
        "subject": issue.email_subject,
        "root_url": root_url,
        "unsubscribe_url": "#" if preview else UNSUBSCRIBE_PLACEHOLDER,
        "preferences_url": "#" if preview else PREFERENCES_PLACEHOLDER,
        "open_pixel_url": (root_url + reverse("newsletters:open", args=[sending.pk]) if tracking else ""),
    }
    html = INLINER.inline(render_to_string("newsletters/email/issue.html", context))
    if tracking:
        html = counted_links(html, root_url, sending.pk)
    text = render_to_string("newsletters/email/issue.txt", context)
    return RenderedIssue(subject=issue.email_subject, html=html, text=text)


def render_alert_email(sending, *, preview=False):
    """Subject, HTML and text of a release alert, from what ``newsletters.alerts`` stored on the
    send when the version became public (so every recipient reads the same figures)."""
    root_url = site_root_url()
    alert = alert_in_language(sending.alert)
    tracking = not preview and settings.NEWSLETTER_TRACKING
    context = {
        "alert": alert,
        "subject": alert.get("subject", ""),
        "root_url": root_url,
        "unsubscribe_url": "#" if preview else UNSUBSCRIBE_PLACEHOLDER,
        "preferences_url": "#" if preview else PREFERENCES_PLACEHOLDER,
        "open_pixel_url": (root_url + reverse("newsletters:open", args=[sending.pk]) if tracking else ""),
    }
    html = INLINER.inline(render_to_string("newsletters/email/alert.html", context))
    if tracking:
        html = counted_links(html, root_url, sending.pk)
    text = render_to_string("newsletters/email/alert.txt", context)
    return RenderedIssue(subject=context["subject"], html=html, text=text)
