"""Games, their questions and leaderboard entries, for tests.

Game pages are published through a revision, as an editor would publish them, and hang under
the one games index (made under the default site's root the first time it is needed).
Questions are built in memory and saved with their page, as the page editor saves them.
"""

from decimal import Decimal

import factory
import wagtail_factories
from wagtail.models import Site

from literacy.games.models import (
    AreaGuess,
    AreaQuizPage,
    BlockedWord,
    GamesIndexPage,
    GuessTheNumberPage,
    HigherOrLowerPage,
    LeaderboardEntry,
    NumberQuestion,
    PairQuestion,
    QuizQuestion,
    TimedQuizPage,
)


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page published through a revision and read back from the database, so that its inline
    children and publishing dates are what a visitor's request would see."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        page.save_revision().publish()
        return model_class.objects.get(pk=page.pk)


class GamesIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = GamesIndexPage

    title = "Games & competitions"
    slug = "games"
    intro = "Test what you know about the figures."
    parent = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True).root_page)


def the_games_index():
    """The games index (there is at most one), made the first time a game needs a parent."""
    return GamesIndexPage.objects.first() or GamesIndexPageFactory()


class GamePageFactory(PublishedPageFactory):
    class Meta:
        abstract = True

    parent = factory.LazyFunction(the_games_index)
    title = factory.Sequence(lambda n: f"Game {n}")
    slug = factory.Sequence(lambda n: f"game-{n}")
    intro = "Guess the figures, then see the sources."
    search_description = factory.LazyAttribute(lambda page: f"Play “{page.title}” & see how others did.")


class SourcedQuestionFactory(factory.django.DjangoModelFactory):
    """Question defaults shared by every game: an official source and a link to its data."""

    class Meta:
        abstract = True

    source = "Census 2021"
    source_url = "https://statistics.example/data/census"


class NumberQuestionFactory(SourcedQuestionFactory):
    """A share of households, 0 to 100 % with one decimal place."""

    class Meta:
        model = NumberQuestion

    prompt = "What share of households own a car?"
    official_answer = Decimal("76.4")
    unit = "%"
    min_value = Decimal(0)
    max_value = Decimal(100)
    decimal_places = 1
    source = "Household budget survey, 2025"
    source_url = "https://statistics.example/data/cars"


class PairQuestionFactory(SourcedQuestionFactory):
    """Two rates of which the first is higher; `number` tells pairs apart in labels and figures."""

    class Meta:
        model = PairQuestion

    class Params:
        number = factory.Sequence(lambda n: n % 9 + 1)

    prompt = factory.LazyAttribute(lambda pair: f"Which rate was higher ({pair.number})?")
    first_label = factory.LazyAttribute(lambda pair: f"Year {pair.number}")
    first_value = factory.LazyAttribute(lambda pair: Decimal(f"{pair.number}7.3"))
    second_label = factory.LazyAttribute(lambda pair: f"Year {pair.number + 10}")
    second_value = factory.LazyAttribute(lambda pair: Decimal(f"{pair.number}2.9"))
    unit = "%"
    decimal_places = 1
    source = "Labour force survey, 2025"
    source_url = "https://statistics.example/data/lfs"


class QuizQuestionFactory(SourcedQuestionFactory):
    """Three choices of which the second is right; `number` goes into the prompt and choices."""

    class Meta:
        model = QuizQuestion

    class Params:
        number = factory.Sequence(lambda n: n + 1)

    prompt = factory.LazyAttribute(lambda question: f"Question number {question.number}?")
    answer_1 = factory.LazyAttribute(lambda question: f"Wrong A{question.number}")
    answer_2 = factory.LazyAttribute(lambda question: f"Right B{question.number}")
    answer_3 = factory.LazyAttribute(lambda question: f"Wrong C{question.number}")
    correct_answer = 2


class GuessTheNumberPageFactory(GamePageFactory):
    class Meta:
        model = GuessTheNumberPage

    questions = factory.LazyFunction(lambda: NumberQuestionFactory.build_batch(2))


class HigherOrLowerPageFactory(GamePageFactory):
    class Meta:
        model = HigherOrLowerPage

    questions = factory.LazyFunction(lambda: PairQuestionFactory.build_batch(3))


class TimedQuizPageFactory(GamePageFactory):
    class Meta:
        model = TimedQuizPage

    time_limit_seconds = 60
    questions = factory.LazyFunction(lambda: QuizQuestionFactory.build_batch(3))


class LeaderboardEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeaderboardEntry

    quiz = factory.SubFactory(TimedQuizPageFactory)
    nickname = factory.Sequence(lambda n: f"Player {n}")
    score = 3
    out_of = 3
    time_taken_ms = 42_000


class BlockedWordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlockedWord

    word = factory.Sequence(lambda n: f"blocked{n}")
    match = BlockedWord.Match.WHOLE_WORD


class AreaQuizPageFactory(GamePageFactory):
    class Meta:
        model = AreaQuizPage

    title = "How well do you know your area?"
    slug = factory.Sequence(lambda n: f"area-quiz-{n}")
    intro = "Guess your area's figure."
    level = AreaQuizPage.MUNICIPALITY


class AreaGuessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaGuess

    page = factory.SubFactory(AreaQuizPageFactory)
    area_code = "M1"
    guess = 100.0
