"""schema.org ClaimReview for a fact-check, as JSON-LD that search engines and fact-check tools read.

The JSON goes into a <script type="application/ld+json"> element: ``json_script``-style escaping
(<, > and & as \\u escapes) keeps any text an editor or claimant wrote from closing the element.
"""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .models import VERDICT_RATINGS

ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def claim_review(page, request):
    """The ClaimReview as a dict (https://schema.org/ClaimReview)."""
    site = page.get_site()
    organisation = {"@type": "Organization", "name": site.site_name if site and site.site_name else "Portal"}
    if site:
        organisation["url"] = site.root_url
    appearance = {"@type": "CreativeWork", "datePublished": page.appeared_on.isoformat()}
    if page.appeared_url:
        appearance["url"] = page.appeared_url
    appearance["name"] = page.appeared_in
    claim = {"@type": "Claim", "datePublished": page.appeared_on.isoformat(), "appearance": [appearance]}
    if page.claimant:
        claim["author"] = {"@type": "Organization", "name": page.claimant}
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page.get_full_url(request) or "",
        "claimReviewed": page.claim,
        "itemReviewed": claim,
        "author": organisation,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": VERDICT_RATINGS[page.verdict],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": str(page.get_verdict_display()),
            "ratingExplanation": page.summary,
        },
        "reviewBody": " ".join(strip_tags(page.explanation).split()),
    }
    if page.first_published_at:
        review["datePublished"] = page.first_published_at.date().isoformat()
    return review


def claim_review_json(page, request):
    return mark_safe(json.dumps(claim_review(page, request), ensure_ascii=False).translate(ESCAPES))
