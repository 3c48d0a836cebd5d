"""The timed quiz: a run starts on the server, which keeps the start time, the questions' order,
the score and the answers in the player's session. Answers that arrive after the time limit
(plus a little for the network) are not counted. A finished run can go on the leaderboard once,
under a checked nickname.
"""

import datetime

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone

from portal.core.ratelimit import limit_or_429

from .. import leaderboard, tokens
from ..forms import NicknameForm, QuizAnswerForm
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


def seconds_left(page, run):
    return max(0, run["started"] + page.time_limit_seconds - now())


def finish(run, at):
    run["finished"] = at
    run["time_taken_ms"] = round((at - run["started"]) * 1000)


def intro(page, request):
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
        },
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
        finish(run, run["started"] + page.time_limit_seconds)
        save_run(request, page, run)
        messages.info(request, "Time is up.")
        return redirect_to(page, "result")
    question = QuizQuestion.objects.filter(page=page, pk=run["order"][run["index"]]).first()
    if question is None:  # an editor removed it mid-run: the run ends where it is
        finish(run, min(now(), run["started"] + page.time_limit_seconds))
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
            "seconds_left": int(seconds_left(page, run)),
            "feedback": feedback,
        },
        status,
    )


def record_answer(request, page, run, question, choice):
    """Count the answer if it came in time; either way, move the run on (or end it)."""
    arrived = now()
    deadline = run["started"] + page.time_limit_seconds
    if arrived > deadline + GRACE_SECONDS:
        finish(run, deadline)
        run["late"] = True
        messages.warning(request, "Time ran out before that answer arrived, so it was not counted.")
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
            finish(run, min(arrived, deadline))
    save_run(request, page, run)


def result(page, request):
    run = load_run(request, page)
    if run is None:
        return HttpResponseRedirect(page.url)
    if run["finished"] is None:
        return redirect_to(page, "play")
    scope = f"quiz-score:{page.pk}"
    form, status = NicknameForm(), 200
    if request.method == "POST" and run["entry"] is None:
        limited = limit_or_429(request, "game_score")
        if limited:
            return limited
        form, status = NicknameForm(request.POST), 400
        if not tokens.redeem(request, scope, request.POST.get("token")):
            form.is_valid()
            form.add_error(None, "This score was already sent, or the page expired. Please send it again.")
        elif form.is_valid():
            entry = add_to_leaderboard(page, run, form.cleaned_data["nickname"])
            save_run(request, page, run)
            messages.success(request, f"You are on the leaderboard as “{entry.display_name}”.")
            return redirect_to(page, "leaderboard", fragment=f"entry-{entry.pk}")
    elif request.method == "POST":
        messages.info(request, "This score is already on the leaderboard.")
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
            "form": form if run["entry"] is None else None,
            "token": tokens.issue(request, scope) if run["entry"] is None else None,
        },
        status,
    )


@transaction.atomic
def add_to_leaderboard(page, run, nickname):
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
