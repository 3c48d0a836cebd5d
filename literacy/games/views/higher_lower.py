"""Higher or lower: pairs of figures in a shuffled order, one pair at a time, with a streak.

The round (order, position, streak, best streak, last answer) lives in the player's session on
the server, so a streak cannot be forged from the form; the form only says which of the two
figures the player picked.
"""

import random

from django.http import HttpResponseRedirect

from portal.core.ratelimit import limit_or_429

from .. import tokens
from ..forms import PairForm
from ..models import PairQuestion
from ..scoring import next_streak
from .common import REPLAYED, TAMPERED, posted_id, redirect_to, render


def session_key(page):
    return f"games:higher-lower:{page.pk}"


def load_round(request, page):
    return request.session.get(session_key(page)) or {
        "order": [],
        "index": 0,
        "streak": 0,
        "best": 0,
        "last": None,
    }


def current_pair(page, state):
    """The pair to play now; when the order is used up (or a pair was deleted), a new shuffle."""
    if state["index"] < len(state["order"]):
        pair = PairQuestion.objects.filter(page=page, pk=state["order"][state["index"]]).first()
        if pair is not None:
            return pair
    order = list(page.questions.values_list("pk", flat=True))
    if not order:
        return None
    random.shuffle(order)
    state["order"], state["index"] = order, 0
    return PairQuestion.objects.get(pk=order[0])


def play(page, request, error=None, status=200):
    state = load_round(request, page)
    pair = current_pair(page, state)
    request.session[session_key(page)] = state
    last = state["last"]
    revealed = None
    if last:
        revealed = (
            PairQuestion.objects.filter(page=page, pk=last["pair"]).select_related("source_page").first()
        )
    return render(
        page,
        request,
        "games/higher_or_lower_page.html",
        {
            "pair": pair,
            "state": state,
            "revealed": revealed,
            "last": last,
            "problems": [("", error)] if error else [],
            "token": tokens.issue(request, f"higher-lower:{page.pk}") if pair else None,
        },
        status,
    )


def answer(page, request):
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    limited = limit_or_429(request, "game_answer")
    if limited:
        return limited
    state = load_round(request, page)
    pair = current_pair(page, state)
    form = PairForm(request.POST)
    if not tokens.redeem(request, f"higher-lower:{page.pk}", request.POST.get("token")):
        return play(page, request, error=REPLAYED, status=400)
    if pair is None or posted_id(request) != pair.pk:
        return play(page, request, error=TAMPERED, status=400)
    if not form.is_valid():
        return play(page, request, error=form.errors["choice"][0], status=400)
    correct = form.cleaned_data["choice"] == pair.higher
    ended_at = state["streak"]
    state["streak"], state["best"] = next_streak(state["streak"], state["best"], correct)
    state["last"] = {
        "pair": pair.pk,
        "choice": form.cleaned_data["choice"],
        "correct": correct,
        "ended_at": ended_at,
    }
    state["index"] += 1
    request.session[session_key(page)] = state
    return redirect_to(page, fragment="result")
