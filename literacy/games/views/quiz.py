"""The timed quiz: a run starts on the server, which keeps the start time, the questions' order,
the score and the answers in the player's session. Answers that arrive after the time limit
(plus a little for the network) are not counted. The player may ask for more time, or none, before
and during the run (see ``timing``). A finished run against the standard clock can go on the
leaderboard once, under a checked nickname.
"""

import datetime
import math

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext

from portal.core.ratelimit import limit_or_429

from .. import leaderboard, timing, tokens
from ..forms import NicknameForm, QuizAnswerForm, TimerForm
from ..models import LeaderboardEntry, QuizQuestion
from .common import REPLAYED, TAMPERED, posted_id, redirect_to, render

# Allowance for the network between the last second of the clock and the server.
GRACE_SECONDS = 2


def session_key(page):
    return f"games:quiz:{page.pk}"


def load_run(request, page):
    return request.session.get(session_key(page))


def save_run(request, page, run):
    request.session[session_key(page)] = run


def now():
    return timezone.now().timestamp()


def deadline(page, run):
    """When the server stops counting answers (before the grace): None if the timer is off."""
    limit = timing.limit_seconds(page.time_limit_seconds, timing.timer_of(run))
    return None if limit is None else run["started"] + limit


def seconds_left(page, run):
    end = deadline(page, run)
    return math.inf if end is None else max(0, end - now())


def finish(run, at, end=None):
    """End the run at ``at``, or at its deadline ``end`` if that came first."""
    if end is not None:
        at = min(at, end)
    run["finished"] = at
    run["time_taken_ms"] = round((at - run["started"]) * 1000)


def timer_form(page, data=None):
    return TimerForm(data, base_seconds=page.time_limit_seconds)


def intro(page, request, form=None, status=200):
    run = load_run(request, page)
    this_week = leaderboard.current_week()
    return render(
        page,
        request,
        "games/timed_quiz_page.html",
        {
            "run": run,
            "in_progress": bool(run and run["finished"] is None and seconds_left(page, run) > 0),
            "question_count": page.questions.count(),
            "weekly": leaderboard.top_of_week(page, this_week, page.leaderboard_size),
            "all_time": leaderboard.top_of_all_time(page, page.leaderboard_size),
            "your_entry": run and run.get("entry"),
            "form": form or timer_form(page),
        },
        status,
    )


def start(page, request):
    """POST: a new run from now (any unfinished one is dropped)."""
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    limited = limit_or_429(request, "game_answer")
    if limited:
        return limited
    order = list(page.questions.order_by("sort_order", "pk").values_list("pk", flat=True))
    if not order:
        return HttpResponseRedirect(page.url)
    form = timer_form(page, request.POST)
    if not form.is_valid():
        return intro(page, request, form, 400)
    save_run(
        request,
        page,
        {
            "order": order,
            "index": 0,
            "score": 0,
            "started": now(),
            "finished": None,
            "late": False,
            "time_taken_ms": None,
            "answers": [],
            "feedback": None,
            "entry": None,
            "timer": form.cleaned_data["timer"],
        },
    )
    return redirect_to(page, "play")


def play(page, request):
    run = load_run(request, page)
    if run is None:
        return HttpResponseRedirect(page.url)
    if run["finished"] is not None:
        return redirect_to(page, "result")
    if seconds_left(page, run) <= 0 and request.method != "POST":
        finish(run, deadline(page, run))
        save_run(request, page, run)
        messages.info(request, gettext("Time is up."))
        return redirect_to(page, "result")
    question = QuizQuestion.objects.filter(page=page, pk=run["order"][run["index"]]).first()
    if question is None:  # an editor removed it mid-run: the run ends where it is
        finish(run, now(), deadline(page, run))
        save_run(request, page, run)
        return redirect_to(page, "result")
    scope = f"quiz:{page.pk}:{run['index']}"
    form, status = QuizAnswerForm(question=question), 200
    if request.method == "POST":
        limited = limit_or_429(request, "game_answer")
        if limited:
            return limited
        form, status = QuizAnswerForm(request.POST, question=question), 400
        if not tokens.redeem(request, scope, request.POST.get("token")):
            form.is_valid()
            form.add_error(None, REPLAYED)
        elif posted_id(request) != question.pk:
            form.is_valid()
            form.add_error(None, TAMPERED)
        elif form.is_valid():
            record_answer(request, page, run, question, form.cleaned_data["answer"])
            return redirect_to(page, "result" if run["finished"] is not None else "play")
    feedback, run["feedback"] = run["feedback"], None
    save_run(request, page, run)
    return render(
        page,
        request,
        "games/quiz_play.html",
        {
            "question": question,
            "form": form,
            "token": tokens.issue(request, scope),
            "number": run["index"] + 1,
            "total": len(run["order"]),
            "score": run["score"],
            "seconds_left": None if deadline(page, run) is None else int(seconds_left(page, run)),
            "timer": timing.timer_of(run),
            "more_time": timing.more_time_choices(run),
            "unranked_note": timing.UNRANKED,
            "feedback": feedback,
        },
        status,
    )


def more_time(page, request):
    """POST: more time for the run in progress, or none (a form post, so it works without script).
    More time is never taken back; a run that got any is no longer ranked."""
    run = load_run(request, page)
    if run is None:
        return HttpResponseRedirect(page.url)
    if run["finished"] is not None:
        return redirect_to(page, "result")
    if request.method != "POST" or seconds_left(page, run) <= 0:
        return redirect_to(page, "play")  # which ends a run whose time is up
    limited = limit_or_429(request, "game_answer")
    if limited:
        return limited
    form = timer_form(page, request.POST)
    choice = form.cleaned_data["timer"] if form.is_valid() else None
    if choice is None or choice == timing.STANDARD:
        messages.error(request, gettext("Choose one of the buttons for more time shown below the question."))
    elif timing.longer(choice, timing.timer_of(run)):
        run["timer"] = choice
        save_run(request, page, run)
        messages.success(request, timing.confirmation(choice))
    return redirect_to(page, "play")


def record_answer(request, page, run, question, choice):
    """Count the answer if it came in time; either way, move the run on (or end it)."""
    arrived = now()
    end = deadline(page, run)
    if end is not None and arrived > end + GRACE_SECONDS:
        finish(run, end)
        run["late"] = True
        messages.warning(request, gettext("Time ran out before that answer arrived, so it was not counted."))
    else:
        correct = choice == question.correct_answer
        run["score"] += int(correct)
        run["answers"].append([question.pk, choice, correct])
        run["index"] += 1
        run["feedback"] = {
            "correct": correct,
            "prompt": question.prompt,
            "answer": question.correct_text,
        }
        if run["index"] == len(run["order"]):
            finish(run, arrived, end)
    save_run(request, page, run)


def result(page, request):
    run = load_run(request, page)
    if run is None:
        return HttpResponseRedirect(page.url)
    if run["finished"] is None:
        return redirect_to(page, "play")
    scope = f"quiz-score:{page.pk}"
    ranked = timing.is_ranked(run)
    form, status = NicknameForm(), 200
    if request.method == "POST" and not ranked:
        messages.info(request, timing.UNRANKED)
        return redirect_to(page, "result")
    if request.method == "POST" and run["entry"] is None:
        limited = limit_or_429(request, "game_score")
        if limited:
            return limited
        form, status = NicknameForm(request.POST), 400
        if not tokens.redeem(request, scope, request.POST.get("token")):
            form.is_valid()
            form.add_error(
                None, gettext("This score was already sent, or the page expired. Please send it again.")
            )
        elif form.is_valid():
            entry = add_to_leaderboard(page, run, form.cleaned_data["nickname"])
            save_run(request, page, run)
            messages.success(
                request,
                gettext("You are on the leaderboard as “%(nickname)s”.") % {"nickname": entry.display_name},
            )
            return redirect_to(page, "leaderboard", fragment=f"entry-{entry.pk}")
    elif request.method == "POST":
        messages.info(request, gettext("This score is already on the leaderboard."))
        return redirect_to(page, "leaderboard", fragment=f"entry-{run['entry']}")
    questions = QuizQuestion.objects.filter(page=page).select_related("source_page").in_bulk(run["order"])
    review = [
        {"question": questions[pk], "choice": dict(questions[pk].options()).get(choice), "correct": correct}
        for pk, choice, correct in run["answers"]
        if pk in questions
    ]
    return render(
        page,
        request,
        "games/quiz_result.html",
        {
            "run": run,
            "out_of": len(run["order"]),
            "seconds_taken": run["time_taken_ms"] / 1000,
            "review": review,
            "ranked": ranked,
            "timer": timing.describe_choice(timing.timer_of(run)),
            "unranked_note": timing.UNRANKED,
            "form": form if ranked and run["entry"] is None else None,
            "token": tokens.issue(request, scope) if ranked and run["entry"] is None else None,
        },
        status,
    )


@transaction.atomic
def add_to_leaderboard(page, run, nickname):
    if not timing.is_ranked(run):
        raise ValueError("Only runs against the standard clock are ranked.")
    entry = LeaderboardEntry.objects.create(
        quiz=page,
        nickname=nickname,
        score=run["score"],
        out_of=len(run["order"]),
        time_taken_ms=run["time_taken_ms"],
    )
    run["entry"] = entry.pk
    return entry


def leaderboard_page(page, request):
    """This week's board, or a past week's (?week=2026-W47) from the first week with a score:
    any other week, or anything that is not a week, is not found."""
    this_week = leaderboard.current_week()
    first_week = leaderboard.first_week(page)
    text = request.GET.get("week")
    monday = leaderboard.parse_week(text, first_week) if text else this_week
    if monday is None:
        raise Http404("No leaderboard for that week.")
    run = load_run(request, page)
    previous_week = monday - datetime.timedelta(days=7)
    next_week = monday + datetime.timedelta(days=7)
    return render(
        page,
        request,
        "games/quiz_leaderboard.html",
        {
            "monday": monday,
            "sunday": monday + datetime.timedelta(days=6),
            "is_this_week": monday == this_week,
            "previous_week": leaderboard.week_label(previous_week) if previous_week >= first_week else None,
            "next_week": leaderboard.week_label(next_week) if next_week <= this_week else None,
            "weekly": leaderboard.top_of_week(page, monday, page.leaderboard_size),
            "all_time": leaderboard.top_of_all_time(page, page.leaderboard_size),
            "your_entry": run and run.get("entry"),
        },
    )
