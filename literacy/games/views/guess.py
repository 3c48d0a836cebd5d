"""Guess the number: one question at a time; after each estimate, the official figure, how far
off it was, how the crowd guessed and where to read more.

A player's estimates live in their session (one per question); each is also stored once as a
GuessAnswer for the crowd distribution.
"""

from decimal import Decimal

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext

from portal.core.ratelimit import limit_or_429

from .. import tokens
from ..crowd import distribution
from ..forms import GuessForm
from ..models import GuessAnswer
from ..scoring import describe_miss, guess_points
from .common import REPLAYED, TAMPERED, posted_id, redirect_to, render


def session_key(page):
    return f"games:guess:{page.pk}"


def estimates(request, page):
    """{question id (str): estimate (str)} for this player."""
    return request.session.get(session_key(page), {})


def question_at(page, position):
    """The question at 1-based ``position`` and how many there are; 404 past either end."""
    question = page.ordered_questions()[position - 1 : position].first() if position >= 1 else None
    if question is None:
        raise Http404("No such question in this game.")
    return question, page.questions.count()


def start(page, request):
    answered = estimates(request, page)
    total = page.questions.count()
    return render(
        page,
        request,
        "games/guess_the_number_page.html",
        {"total": total, "answered": len(answered), "next_position": min(len(answered) + 1, total)},
    )


def question(page, request, position):
    question, total = question_at(page, position)
    scope = f"guess:{question.pk}"
    if str(question.pk) in estimates(request, page):
        messages.info(request, gettext("You have already answered this question: here is how it went."))
        return redirect_to(page, "result", position)
    form, status = GuessForm(question=question), 200
    if request.method == "POST":
        limited = limit_or_429(request, "game_answer")
        if limited:
            return limited
        form, status = GuessForm(request.POST, question=question), 400
        if not tokens.redeem(request, scope, request.POST.get("token")):
            form.is_valid()
            form.add_error(None, REPLAYED)
        elif posted_id(request) != question.pk:
            form.is_valid()
            form.add_error(None, TAMPERED)
        elif form.is_valid():
            save_estimate(request, page, question, form.cleaned_data["guess"])
            return redirect_to(page, "result", position, fragment="result")
    return render(
        page,
        request,
        "games/guess_question.html",
        {
            "question": question,
            "position": position,
            "total": total,
            "form": form,
            "token": tokens.issue(request, scope),
        },
        status,
    )


@transaction.atomic
def save_estimate(request, page, question, guess):
    GuessAnswer.objects.create(question=question, value=float(guess))
    answered = estimates(request, page)
    answered[str(question.pk)] = str(guess)
    request.session[session_key(page)] = answered


def result(page, request, position):
    question, total = question_at(page, position)
    guess = estimates(request, page).get(str(question.pk))
    if guess is None:
        return redirect_to(page, "question", position)
    guess = Decimal(guess)
    return render(
        page,
        request,
        "games/guess_result.html",
        {
            "question": question,
            "position": position,
            "total": total,
            "guess": guess,
            "points": guess_points(question, guess),
            "miss": describe_miss(question, guess),
            "crowd": distribution(question, guess),
            "next_position": position + 1 if position < total else None,
        },
    )


def summary(page, request):
    answered = estimates(request, page)
    rows = [
        {"position": position, "question": question, "guess": Decimal(answered[str(question.pk)])}
        for position, question in enumerate(page.ordered_questions(), start=1)
        if str(question.pk) in answered
    ]
    for row in rows:
        row["points"] = guess_points(row["question"], row["guess"])
    return render(
        page,
        request,
        "games/guess_summary.html",
        {
            "rows": rows,
            "total": page.questions.count(),
            "points": sum(row["points"] for row in rows),
            "most": 100 * len(rows),
        },
    )
