"""The area quiz: choose your area, guess its figure, then see the official figure, how far off
you were and how other players guessed; the score (closeness) may go on the leaderboard.

The player's last guess lives in their session; each guess is also stored once as an AreaGuess
for the distribution of guesses.
"""

from decimal import Decimal

from django.contrib import messages
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import areaquiz, leaderboard, tokens
from ..forms import AreaGuessForm, NicknameForm
from ..models import AreaGuess, LeaderboardEntry
from .common import checked_post, redirect_to, render

TEMPLATE = "games/area_quiz_page.html"
SCORE_REPLAYED = _("This score was already sent, or the page expired. Please send it again.")


def session_key(page):
    return f"games:area:{page.pk}"


def boards(page, your_entry=None):
    return {
        "weekly": leaderboard.top_of_week(page, leaderboard.current_week(), page.leaderboard_size),
        "all_time": leaderboard.top_of_all_time(page, page.leaderboard_size),
        "your_entry": your_entry,
    }


def play(page, request):
    quiz = areaquiz.load(page)
    if quiz is None:
        return render(page, request, TEMPLATE, {"quiz": None, **boards(page)})
    scope = f"area-guess:{page.pk}"
    form, status = AreaGuessForm(quiz=quiz), 200
    if request.method == "POST":
        form, status = AreaGuessForm(request.POST, quiz=quiz), 400
        limited, valid = checked_post(request, "game_answer", scope, form)
        if limited:
            return limited
        if valid:
            save_guess(request, page, form.cleaned_data["area"], form.cleaned_data["guess"])
            return redirect_to(page, "result", fragment="result")
    return render(
        page,
        request,
        TEMPLATE,
        {"quiz": quiz, "form": form, "token": tokens.issue(request, scope), **boards(page)},
        status,
    )


@transaction.atomic
def save_guess(request, page, area_code, guess):
    AreaGuess.objects.create(page=page, area_code=area_code, guess=float(guess))
    request.session[session_key(page)] = {"area": area_code, "guess": str(guess), "entry": None}


def result(page, request):
    played = request.session.get(session_key(page))
    quiz = areaquiz.load(page)
    area = quiz.areas.get(played["area"]) if quiz and played else None
    if area is None:
        # Nothing guessed yet, or the area's figure is no longer public: start again.
        return redirect_to(page)
    guess = Decimal(played["guess"])
    score = areaquiz.closeness(area.value, guess)
    scope = f"area-score:{page.pk}"
    form, status = NicknameForm(), 200
    if request.method == "POST" and played["entry"] is not None:
        messages.info(request, gettext("This score is already on the leaderboard."))
        return redirect_to(page, "result", fragment=f"entry-{played['entry']}")
    if request.method == "POST":
        form, status = NicknameForm(request.POST), 400
        limited, valid = checked_post(request, "game_score", scope, form, SCORE_REPLAYED)
        if limited:
            return limited
        if valid:
            entry = LeaderboardEntry.objects.create(
                quiz=page, nickname=form.cleaned_data["nickname"], score=score, out_of=100, time_taken_ms=0
            )
            played["entry"] = entry.pk
            request.session[session_key(page)] = played
            messages.success(
                request,
                gettext("You are on the leaderboard as “%(nickname)s”.") % {"nickname": entry.display_name},
            )
            return redirect_to(page, "result", fragment=f"entry-{entry.pk}")
    open_form = played["entry"] is None
    return render(
        page,
        request,
        "games/area_quiz_result.html",
        {
            "quiz": quiz,
            "area": area,
            "guess_text": areaquiz.number_text(guess),
            "score": score,
            "miss": areaquiz.describe_miss(quiz, area, guess),
            "crowd": areaquiz.crowd(page, area),
            "form": form if open_form else None,
            "token": tokens.issue(request, scope) if open_form else None,
            **boards(page, played["entry"]),
        },
        status,
    )
