"""Bounces and complaints reported by the mail service, through a signed webhook.

The service POSTs JSON, e.g. {"email": "a@example.org", "type": "hard_bounce", "sending": 12},
with headers X-Newsletter-Timestamp (Unix seconds) and X-Newsletter-Signature: the hex
HMAC-SHA256, keyed with NEWSLETTER_WEBHOOK_SECRET, of "<timestamp>.<body>". A wrong signature
or a stale timestamp is refused (403) before the body is read; with no secret set, the endpoint
is off (404).
"""

import hashlib
import hmac
import json
import time

from django.conf import settings
from django.http import Http404, HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Delivery
from .subscriptions import record_feedback

MAX_AGE_SECONDS = 300
MAX_EVENTS = 500


def signature(secret, timestamp, body):
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def verified(request, secret, now=None):
    timestamp = request.headers.get("X-Newsletter-Timestamp", "")
    given = request.headers.get("X-Newsletter-Signature", "")
    if not timestamp.isdigit() or abs((now or time.time()) - int(timestamp)) > MAX_AGE_SECONDS:
        return False
    return hmac.compare_digest(signature(secret, timestamp, request.body), given)


@csrf_exempt
@require_POST
def bounces(request):
    secret = settings.NEWSLETTER_WEBHOOK_SECRET
    if not secret:
        raise Http404("The bounce webhook is not set up.")
    if not verified(request, secret):
        return HttpResponseForbidden("Bad signature.")
    try:
        payload = json.loads(request.body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return JsonResponse({"error": "The body must be JSON."}, status=400)
    events = payload if isinstance(payload, list) else [payload]
    if len(events) > MAX_EVENTS:
        return JsonResponse({"error": f"At most {MAX_EVENTS} events at a time."}, status=400)
    known = 0
    for event in events:
        if not isinstance(event, dict) or event.get("type") not in Delivery.Feedback.values:
            return JsonResponse({"error": "Each event needs an email and a type."}, status=400)
        email = event.get("email")
        sending = event.get("sending")
        if not isinstance(email, str) or not isinstance(sending, int | None):
            return JsonResponse({"error": "Each event needs an email and a type."}, status=400)
        known += record_feedback(email[:254], event["type"], sending)
    return JsonResponse({"received": len(events), "matched": known})
