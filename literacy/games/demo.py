"""Demo content for games: the "Games & competitions" index at /games-and-competitions/ and one
game of each kind, with figures taken from the demo stories (illustrative, marked as demo).

Idempotent: a game that exists (found by slug) is left exactly as it is.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from home.demo import ensure_section_index

from .models import (
    GamesIndexPage,
    GuessAnswer,
    GuessTheNumberPage,
    HigherOrLowerPage,
    LeaderboardEntry,
    NumberQuestion,
    PairQuestion,
    QuizQuestion,
    TimedQuizPage,
)

INDEX_INTRO = "Test your feel for the numbers, and enter our data storytelling and infographic competitions."

CPI = "Consumer price index, October 2026 (demo)"
BASKET = "Consumer price index weights, 2026 (demo)"
POPULATION = "Population estimates, 1 January 2026 (demo)"
LFS = "Labour force survey, July to September 2026 (demo)"
EDUCATION = "Educational attainment, 2025 (demo)"
LIFE = "Life tables, 2025 (demo)"
EMISSIONS = "Greenhouse gas inventory, 2025 (demo)"
PAY = "Structure of earnings survey, 2025 (demo)"
WASTE = "Waste statistics, 2025 (demo)"
AIR = "Air quality and health, 2025 (demo)"
DATA = "https://statistics.example/data"

# prompt, official, unit, low, high, places, source, story slug, explanation
GUESSES = [
    (
        "By how much were prices higher in October 2026 than a year earlier?",
        "2.4",
        "%",
        0,
        10,
        1,
        CPI,
        "inflation-eases-to-2-4-percent-in-october",
        "Annual consumer price inflation, down from 2.7% in September.",
    ),
    (
        "How many people lived in the country on 1 January 2026?",
        "5.94",
        "million",
        1,
        15,
        2,
        POPULATION,
        "population-reaches-5-94-million",
        "All of the growth in 2025 came from people moving to the country.",
    ),
    (
        "What was the unemployment rate in July to September 2026?",
        "4.1",
        "%",
        0,
        20,
        1,
        LFS,
        "unemployment-unchanged-at-4-1-percent",
        "People out of work, looking for a job and able to start, "
        "as a share of everyone working or looking for work.",
    ),
    (
        "What share of people aged 25 to 34 had a university-level qualification in 2025?",
        "47.3",
        "%",
        0,
        100,
        1,
        EDUCATION,
        "almost-half-of-young-adults-have-a-degree",
        "Up from 38.9% ten years earlier.",
    ),
    (
        "How long can a baby born in 2025 expect to live?",
        "81.6",
        "years",
        60,
        100,
        1,
        LIFE,
        "life-expectancy-higher-than-before-the-pandemic",
        "Life expectancy at birth, if today's death rates stay the same.",
    ),
    (
        "How many tonnes of greenhouse gases did the country emit in 2025?",
        "37.3",
        "million tonnes",
        0,
        100,
        1,
        EMISSIONS,
        "greenhouse-gas-emissions-fell-in-2025",
        "32% less than in 1990; transport is now the largest source.",
    ),
    (
        "Half of full-time employees earn less than how much a month, before tax?",
        "2370",
        "€",
        500,
        6000,
        0,
        PAY,
        "typical-pay-and-average-pay",
        "The median. The mean, €2,810, is pulled up by a few high earners.",
    ),
    (
        "Out of every €100 households spend, how much goes on housing and energy?",
        "18.2",
        "€",
        0,
        50,
        1,
        BASKET,
        "where-the-money-goes-2026-basket",
        "The largest share of the 2026 basket, ahead of food at €16.80.",
    ),
    (
        "What share of the population was aged 65 or over on 1 January 2026?",
        "21",
        "%",
        0,
        50,
        0,
        POPULATION,
        "our-population-in-one-picture",
        "Out of every 100 people, 16 were children and 21 were aged 65 or over.",
    ),
    (
        "How much household waste did each person throw away in 2025?",
        "440",
        "kg",
        0,
        1000,
        0,
        WASTE,
        "household-waste-and-recycling-2025",
        "Almost half of it was recycled or composted.",
    ),
    (
        "About how many prices do our collectors record every month for the consumer price index?",
        "38000",
        "",
        0,
        100000,
        0,
        CPI,
        "how-we-measure-inflation",
        "For 712 goods and services, in shops and online.",
    ),
    (
        "What share of people aged 55 to 64 were working or looking for work in 2026?",
        "70.4",
        "%",
        0,
        100,
        1,
        LFS,
        "record-participation-older-workers",
        "Up from under six in ten in 2016.",
    ),
]

# prompt, first label, first value, second label, second value, unit, places, source, story slug
PAIRS = [
    (
        "Which annual inflation rate was higher?",
        "September 2026",
        "2.7",
        "October 2026",
        "2.4",
        "%",
        1,
        CPI,
        "inflation-eases-to-2-4-percent-in-october",
    ),
    (
        "Which share of people aged 25 to 34 with a degree was higher?",
        "2015",
        "38.9",
        "2025",
        "47.3",
        "%",
        1,
        EDUCATION,
        "almost-half-of-young-adults-have-a-degree",
    ),
    (
        "Which was higher for full-time employees in 2025?",
        "Median monthly pay",
        "2370",
        "Mean monthly pay",
        "2810",
        "€",
        0,
        PAY,
        "typical-pay-and-average-pay",
    ),
    (
        "Out of every €100 households spend in 2026, which gets more?",
        "Housing and energy",
        "18.2",
        "Food",
        "16.8",
        "€",
        2,
        BASKET,
        "where-the-money-goes-2026-basket",
    ),
    (
        "Which share of household waste recycled or composted was higher?",
        "2015",
        "37.6",
        "2025",
        "49.1",
        "%",
        1,
        WASTE,
        "household-waste-and-recycling-2025",
    ),
    (
        "On 1 January 2026, which group was larger, out of every 100 people?",
        "Children under 15",
        "16",
        "People aged 65 and over",
        "21",
        "",
        0,
        POPULATION,
        "our-population-in-one-picture",
    ),
    (
        "Which life expectancy at birth was higher?",
        "2019",
        "81.2",
        "2025",
        "81.6",
        "years",
        1,
        LIFE,
        "life-expectancy-higher-than-before-the-pandemic",
    ),
    (
        "Which was higher in 2025?",
        "Births",
        "52100",
        "Deaths",
        "58900",
        "",
        0,
        POPULATION,
        "population-reaches-5-94-million",
    ),
    (
        "Out of every 100 people aged 15 to 74 in July to September 2026, which group was larger?",
        "In work",
        "65",
        "Neither working nor looking for work",
        "32",
        "",
        0,
        LFS,
        "labour-market-at-a-glance-july-to-september-2026",
    ),
    (
        "Which participation rate of people aged 55 to 64 was higher?",
        "2016",
        "58.7",
        "2026",
        "70.4",
        "%",
        1,
        LFS,
        "record-participation-older-workers",
    ),
    (
        "Which greenhouse gas emissions were higher?",
        "1990",
        "54.9",
        "2025",
        "37.3",
        "million tonnes",
        1,
        EMISSIONS,
        "greenhouse-gas-emissions-fell-in-2025",
    ),
    (
        "Which rate was higher in autumn 2026?",
        "Unemployment rate (July to September)",
        "4.1",
        "Annual inflation (October)",
        "2.4",
        "%",
        1,
        LFS,
        "unemployment-unchanged-at-4-1-percent",
    ),
]

# prompt, answers, number of the right one, source, story slug
QUIZ = [
    (
        "What does the consumer price index measure?",
        [
            "How much shops earn",
            "The change in prices of what households buy",
            "The cost of building homes",
            "Wages after tax",
        ],
        2,
        CPI,
        "how-we-measure-inflation",
    ),
    (
        "What was annual inflation in October 2026?",
        ["1.4%", "2.4%", "3.4%", "4.2%"],
        2,
        CPI,
        "inflation-eases-to-2-4-percent-in-october",
    ),
    (
        "How many goods and services are in the 2026 consumer price basket?",
        ["212", "712", "1,712", "7,120"],
        2,
        CPI,
        "how-we-measure-inflation",
    ),
    (
        "Which is higher for full-time employees: median or mean pay?",
        ["The median", "The mean", "They are always equal"],
        2,
        PAY,
        "typical-pay-and-average-pay",
    ),
    (
        "Who counts as unemployed?",
        [
            "Anyone without a paid job",
            "People out of work, looking for a job and able to start",
            "People claiming benefits",
            "Students and retired people",
        ],
        2,
        LFS,
        "unemployment-unchanged-at-4-1-percent",
    ),
    (
        "How many people lived in the country on 1 January 2026?",
        ["4.94 million", "5.94 million", "6.94 million", "9.54 million"],
        2,
        POPULATION,
        "population-reaches-5-94-million",
    ),
    (
        "Where did the population growth of 2025 come from?",
        ["More births than deaths", "People moving to the country", "Both equally"],
        2,
        POPULATION,
        "population-reaches-5-94-million",
    ),
    (
        "What was the largest source of greenhouse gases in 2025?",
        ["Energy supply", "Transport", "Agriculture", "Industry"],
        2,
        EMISSIONS,
        "greenhouse-gas-emissions-fell-in-2025",
    ),
    (
        "Regions with more fine particles in the air have more asthma admissions. "
        "What does that show on its own?",
        [
            "That pollution causes all of it",
            "That the two go together, not how much one causes the other",
            "Nothing at all",
        ],
        2,
        AIR,
        "air-quality-and-asthma",
    ),
    (
        "Out of every 100 people aged 15 to 74, how many were unemployed in July to September 2026?",
        ["3", "6", "10", "32"],
        1,
        LFS,
        "labour-market-at-a-glance-july-to-september-2026",
    ),
    (
        "How long can a baby born in 2025 expect to live?",
        ["78.6 years", "80.1 years", "81.6 years", "83.6 years"],
        3,
        LIFE,
        "life-expectancy-higher-than-before-the-pandemic",
    ),
    (
        "What share of household waste was recycled or composted in 2025?",
        ["About a quarter", "About a third", "Almost half", "Two thirds"],
        3,
        WASTE,
        "household-waste-and-recycling-2025",
    ),
]

LEADERBOARD = [
    ("DataDetective", 11, 74),
    ("MedianMaria", 11, 81),
    ("Quartile Queen", 10, 66),
    ("Chart Chaser", 9, 95),
    ("Tomas K", 8, 102),
    ("", 7, 118),
]


def load_games_demo(home, created):
    """Create whatever of the games demo is missing; ``created`` gets a name for each thing made."""
    index = ensure_section_index(
        home,
        GamesIndexPage,
        created,
        slug="games-and-competitions",
        title="Games & competitions",
        intro=INDEX_INTRO,
    )
    if index is None:
        return
    stories = stories_by_slug(home)
    if add_game(index, created, guess_the_number(stories)):
        add_crowd(GuessTheNumberPage.objects.get(slug="guess-the-number"))
    add_game(index, created, higher_or_lower(stories))
    if add_game(index, created, timed_quiz(stories)):
        add_leaderboard(TimedQuizPage.objects.get(slug="statistics-quiz"))


def stories_by_slug(home):
    index = home.get_children().filter(slug="stories").first()
    return {page.slug: page for page in index.get_children()} if index else {}


def sourced(stories, source, slug):
    page = stories.get(slug)
    return {"source": source, "source_page": page, "source_url": "" if page else DATA}


def add_game(index, created, game):
    if index.get_children().filter(slug=game.slug).exists():
        return False
    index.add_child(instance=game)
    game.save_revision().publish()
    created.append(f"{game.slug} ({game._meta.verbose_name})")
    return True


def guess_the_number(stories):
    return GuessTheNumberPage(
        title="Guess the number",
        slug="guess-the-number",
        intro="How well do you know the country in numbers? Estimate twelve official figures, then see how "
        "close you were and how everyone else guessed.",
        search_description="Estimate twelve official figures and compare your guesses with everyone else's.",
        questions=[
            NumberQuestion(
                prompt=prompt,
                official_answer=Decimal(official),
                unit=unit,
                min_value=Decimal(low),
                max_value=Decimal(high),
                decimal_places=places,
                explanation=explanation,
                **sourced(stories, source, slug),
            )
            for prompt, official, unit, low, high, places, source, slug, explanation in GUESSES
        ],
    )


def higher_or_lower(stories):
    return HigherOrLowerPage(
        title="Higher or lower",
        slug="higher-or-lower",
        intro="Two figures, one question: which is higher? Keep going to build your streak.",
        search_description="Pick the higher of two official figures and see how long a streak you can build.",
        questions=[
            PairQuestion(
                prompt=prompt,
                first_label=first_label,
                first_value=Decimal(first),
                second_label=second_label,
                second_value=Decimal(second),
                unit=unit,
                decimal_places=places,
                **sourced(stories, source, slug),
            )
            for prompt, first_label, first, second_label, second, unit, places, source, slug in PAIRS
        ],
    )


def timed_quiz(stories):
    return TimedQuizPage(
        title="The statistics quiz",
        slug="statistics-quiz",
        intro="Twelve questions about prices, people, work and the environment, against the clock. "
        "Make the weekly leaderboard!",
        search_description="Twelve questions against the clock, with weekly and all-time leaderboards.",
        time_limit_seconds=180,
        questions=[
            QuizQuestion(
                prompt=prompt,
                **{f"answer_{number}": text for number, text in enumerate(answers, start=1)},
                correct_answer=correct,
                **sourced(stories, source, slug),
            )
            for prompt, answers, correct, source, slug in QUIZ
        ],
    )


def add_crowd(game, players=60):
    """Earlier players' estimates, scattered around the official figures (seeded: the same every time)."""
    rng = random.Random(2026)  # noqa: S311 (made-up demo data, not security)
    answers = []
    for question in game.questions.all():
        low, high = float(question.min_value), float(question.max_value)
        official = float(question.official_answer)
        for _ in range(players):
            guess = rng.gauss(official * rng.uniform(0.8, 1.25), (high - low) / 8)
            answers.append(GuessAnswer(question=question, value=round(min(high, max(low, guess)), 1)))
    GuessAnswer.objects.bulk_create(answers)


def add_leaderboard(quiz):
    now = timezone.now()
    LeaderboardEntry.objects.bulk_create(
        LeaderboardEntry(
            quiz=quiz,
            nickname=nickname,
            score=score,
            out_of=len(QUIZ),
            time_taken_ms=seconds * 1000 + place * 137,
            submitted_at=now - datetime.timedelta(days=place * 3, hours=place),
        )
        for place, (nickname, score, seconds) in enumerate(LEADERBOARD)
    )
