"""The share card of a fact-check: a 1200 by 630 PNG with the claim, the verdict and the right
figure, drawn with the charts' palette and type (matplotlib, no browser), and its text
alternative in words. Cached under a hash of what it shows, like the charts."""

import hashlib
import io
import textwrap

from django.core.cache import cache
from django.utils.translation import get_language, gettext
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from portal.core.charts import INK, MUTED, PAPER

from .blocks import first_key_figure

WIDTH_PX, HEIGHT_PX, DPI = 1200, 630, 100
CACHE_SECONDS = 60 * 60 * 24
# Verdict badges: dark enough for white text at 4.5:1 or more; the word is always written, so
# colour never carries the meaning alone.
VERDICT_COLOURS = {
    "correct": "#1d6b3a",
    "misleading": "#8a4b00",
    "incorrect": "#a4161a",
    "unsupported": "#4a4f57",
}


def shorten(text, limit):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def figure_line(page):
    context = first_key_figure(page.right_figure)
    if context is None:
        return ""
    unit = f" {context['unit']}" if context.get("has_value") and context.get("unit") else ""
    return (
        f"{context['label']}, {context['area_label']}, {context['period']}: {context['text']}{unit} "
        + gettext("(source: %(dataset)s)") % {"dataset": context["dataset"].title}
    )


def card_content(page):
    return {
        "claim": shorten(page.claim, 200),
        "verdict": str(page.get_verdict_display()),
        "verdict_key": page.verdict,
        "summary": shorten(page.summary, 220),
        "figure": shorten(figure_line(page), 150),
        "site": page.get_site().site_name if page.get_site() else "",
    }


def card_alt_text(page):
    content = card_content(page)
    parts = [
        gettext("Fact-check. Claim: “%(claim)s” Verdict: %(verdict)s.")
        % {"claim": content["claim"], "verdict": content["verdict"]},
        content["summary"],
    ]
    if content["figure"]:
        parts.append(gettext("The figure: %(figure)s.") % {"figure": content["figure"]})
    return " ".join(parts)


def _mpl(text):
    return text.replace("$", r"\$")


def render_card(content):
    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor=PAPER)
    fig.text(
        0.05,
        0.9,
        _mpl(f"{gettext('Setting the record straight')} · {content['site']}".strip(" ·")),
        fontsize=15,
        color=MUTED,
    )
    claim = textwrap.fill(f"“{content['claim']}”", 62)
    fig.text(0.05, 0.82, _mpl(claim), fontsize=24, color=INK, va="top", linespacing=1.3)
    colour = VERDICT_COLOURS.get(content["verdict_key"], INK)
    badge = fig.text(
        0.05,
        0.36,
        _mpl(gettext("Verdict: %(verdict)s") % {"verdict": content["verdict"]}),
        fontsize=22,
        color="white",
        weight="bold",
        va="center",
    )
    badge.set_bbox({"facecolor": colour, "edgecolor": colour, "boxstyle": "round,pad=0.5"})
    fig.text(0.05, 0.26, _mpl(textwrap.fill(content["summary"], 92)), fontsize=15, color=INK, va="top")
    if content["figure"]:
        fig.text(
            0.05, 0.07, _mpl(textwrap.fill(content["figure"], 110)), fontsize=12, color=MUTED, va="bottom"
        )
    fig.patches.append(
        FancyBboxPatch((0, 0), 0.012, 1, boxstyle="square,pad=0", transform=fig.transFigure, color=colour)
    )
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, facecolor=PAPER, metadata={"Software": None})
    return out.getvalue()


def card_png(page):
    content = card_content(page)
    digest = hashlib.sha256(repr(sorted(content.items())).encode()).hexdigest()[:32]
    key = f"trust:card:{digest}:{get_language()}"  # the card's own words are in the reader's language
    png = cache.get(key)
    if png is None:
        png = render_card(content)
        cache.set(key, png, CACHE_SECONDS)
    return png
