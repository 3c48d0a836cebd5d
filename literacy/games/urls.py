"""The games' addresses are all below their pages (each game page's ``subpage_urls``), served by
views/, each view taking the page first; their admin addresses come from wagtail_hooks.py."""

from django.urls import path

from .views import area, guess, higher_lower, quiz

urlpatterns = []

# Below a guess-the-number game (GuessTheNumberPage.subpage_urls).
guess_the_number_urls = [
    path("", guess.start, name="start"),
    path("question/<int:position>/", guess.question, name="question"),
    path("question/<int:position>/result/", guess.result, name="result"),
    path("results/", guess.summary, name="summary"),
]

# Below a higher-or-lower game (HigherOrLowerPage.subpage_urls).
higher_or_lower_urls = [
    path("", higher_lower.play, name="play"),
    path("answer/", higher_lower.answer, name="answer"),
]

# Below a timed quiz (TimedQuizPage.subpage_urls).
timed_quiz_urls = [
    path("", quiz.intro, name="intro_page"),
    path("start/", quiz.start, name="start"),
    path("play/", quiz.play, name="play"),
    path("play/more-time/", quiz.more_time, name="more_time"),
    path("result/", quiz.result, name="result"),
    path("leaderboard/", quiz.leaderboard_page, name="leaderboard"),
]

# Below an area quiz (AreaQuizPage.subpage_urls).
area_quiz_urls = [
    path("", area.play, name="play"),
    path("result/", area.result, name="result"),
]
