"""Statistics games: guess the number, higher or lower, and a timed quiz with a leaderboard.

Each game is a page under the "Games & competitions" index, with its questions as inline
models (so that answers and leaderboard entries can point at them). A question's official
answer is never drawn into a page before the player has answered it.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.pages import SubpageViewsMixin

from .nicknames import normalise


class GamesIndexPage(Page):
    """The "Games & competitions" section: every game and competition placed under it."""

    intro = models.TextField(max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    cache_anonymous_responses = True

    class Meta:
        verbose_name = _("games and competitions index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["activities"] = self.get_children().live().public().specific()
        return context


class GamePage(SubpageViewsMixin, Page):
    """What every game page has: an introduction, a place under the index, no children, and its
    addresses in a list of literacy/games/urls.py (its ``subpage_urls``), served by views/."""

    intro = models.TextField(max_length=600, help_text=_("What the game is about, in a sentence or two."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["games.GamesIndexPage"]
    subpage_types = []
    collects_feedback = True  # players are asked "Was this page useful?" (feedback)

    class Meta:
        abstract = True

    def ordered_questions(self):
        return self.questions.order_by("sort_order", "pk").select_related("source_page")


DECIMAL_PLACES = [(places, str(places)) for places in range(4)]


def figure_field(verbose_name, **options):
    return models.DecimalField(verbose_name, max_digits=16, decimal_places=3, **options)


class SourcedQuestion(Orderable):
    """A question with the official figures behind it: where they come from and where to read more."""

    prompt = models.CharField(
        max_length=250, help_text=_("The question, e.g. “What share of households own a car?”")
    )
    source = models.CharField(
        max_length=250, help_text=_("The official source and period, e.g. “Labour force survey, 2025”.")
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("story or dataset page"),
        help_text=_("The story or dataset page players are sent to after answering."),
    )
    source_url = models.URLField(
        _("link to the data"),
        blank=True,
        help_text=_("Or a link to the dataset, if it is not a page on this site."),
    )
    explanation = models.TextField(
        max_length=600, blank=True, help_text=_("Shown after answering: what the figure means.")
    )

    source_panels = [
        MultiFieldPanel(
            [
                FieldPanel("source"),
                FieldPanel("source_page"),
                FieldPanel("source_url"),
                FieldPanel("explanation"),
            ],
            heading=_("Source"),
        )
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.prompt

    def clean(self):
        super().clean()
        if not self.source_page_id and not self.source_url:
            raise ValidationError(
                {"source_url": gettext("Choose a story or dataset page, or give a link to the data.")}
            )

    @property
    def link_url(self):
        page = self.source_page
        if page is not None and page.live:
            return page.url
        return self.source_url

    @property
    def link_title(self):
        page = self.source_page
        return page.title if page is not None and page.live else self.source


# Guess the number


class GuessTheNumberPage(GamePage):
    """Players estimate official figures and see how far off they were and how everyone else guessed."""

    content_panels = [*GamePage.content_panels, InlinePanel("questions", label=_("Question"), min_num=1)]
    subpage_urls = "literacy.games.urls.guess_the_number_urls"

    class Meta:
        verbose_name = _("guess-the-number game")


class NumberQuestion(SourcedQuestion):
    page = ParentalKey(GuessTheNumberPage, on_delete=models.CASCADE, related_name="questions")
    unit = models.CharField(max_length=30, blank=True, help_text=_("e.g. %, years, million, €"))
    official_answer = figure_field(_("official figure"))
    min_value = figure_field(_("lowest answer allowed"), default=Decimal(0))
    max_value = figure_field(_("highest answer allowed"), default=Decimal(100))
    decimal_places = models.PositiveSmallIntegerField(
        choices=DECIMAL_PLACES, default=0, help_text=_("Decimal places to show, and the slider's step.")
    )

    panels = [
        FieldPanel("prompt"),
        FieldRowPanel([FieldPanel("official_answer"), FieldPanel("unit"), FieldPanel("decimal_places")]),
        FieldRowPanel([FieldPanel("min_value"), FieldPanel("max_value")]),
        *SourcedQuestion.source_panels,
    ]

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors.update(error.message_dict)
        if None not in (self.min_value, self.max_value, self.official_answer):
            if self.min_value >= self.max_value:
                errors["max_value"] = gettext("The highest answer allowed must be above the lowest.")
            elif not self.min_value <= self.official_answer <= self.max_value:
                errors["official_answer"] = gettext("The official figure must be within the answers allowed.")
        if errors:
            raise ValidationError(errors)


class GuessAnswer(models.Model):
    """One player's estimate: what the crowd distribution is counted from (never shown one by one)."""

    question = models.ForeignKey(NumberQuestion, on_delete=models.CASCADE, related_name="answers")
    value = models.FloatField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        indexes = [models.Index(fields=["question", "value"])]

    def __str__(self):
        return f"{self.value} for {self.question}"


# Higher or lower


class HigherOrLowerPage(GamePage):
    """Two figures side by side: players pick the higher one and build a streak."""

    content_panels = [*GamePage.content_panels, InlinePanel("questions", label=_("Pair"), min_num=2)]
    subpage_urls = "literacy.games.urls.higher_or_lower_urls"

    class Meta:
        verbose_name = _("higher-or-lower game")


class PairQuestion(SourcedQuestion):
    page = ParentalKey(HigherOrLowerPage, on_delete=models.CASCADE, related_name="questions")
    first_label = models.CharField(max_length=120, help_text=_("e.g. Unemployment rate, 2020"))
    first_value = figure_field(_("first figure"))
    second_label = models.CharField(max_length=120, help_text=_("e.g. Unemployment rate, 2025"))
    second_value = figure_field(_("second figure"))
    unit = models.CharField(max_length=30, blank=True, help_text=_("e.g. %, years, million, €"))
    decimal_places = models.PositiveSmallIntegerField(choices=DECIMAL_PLACES, default=1)

    panels = [
        FieldPanel("prompt"),
        FieldRowPanel([FieldPanel("first_label"), FieldPanel("first_value")]),
        FieldRowPanel([FieldPanel("second_label"), FieldPanel("second_value")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("decimal_places")]),
        *SourcedQuestion.source_panels,
    ]

    def clean(self):
        super().clean()
        if self.first_value is not None and self.first_value == self.second_value:
            raise ValidationError(
                {"second_value": gettext("The two figures must differ, or there is no right answer.")}
            )

    @property
    def higher(self):
        """ "first" or "second": the right answer."""
        return "first" if self.first_value > self.second_value else "second"


# Timed quiz


class TimedQuizPage(GamePage):
    """Multiple-choice questions against the server's clock, with weekly and all-time leaderboards."""

    time_limit_seconds = models.PositiveIntegerField(
        _("time limit (seconds)"), default=120, validators=[MinValueValidator(10), MaxValueValidator(3600)]
    )
    leaderboard_size = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(3), MaxValueValidator(100)],
        help_text=_("Places shown in each table."),
    )

    content_panels = [
        *GamePage.content_panels,
        FieldRowPanel([FieldPanel("time_limit_seconds"), FieldPanel("leaderboard_size")]),
        InlinePanel("questions", label=_("Question"), min_num=1),
    ]
    subpage_urls = "literacy.games.urls.timed_quiz_urls"

    class Meta:
        verbose_name = _("timed quiz")


class QuizQuestion(SourcedQuestion):
    page = ParentalKey(TimedQuizPage, on_delete=models.CASCADE, related_name="questions")
    answer_1 = models.CharField(max_length=120)
    answer_2 = models.CharField(max_length=120)
    answer_3 = models.CharField(max_length=120, blank=True)
    answer_4 = models.CharField(max_length=120, blank=True)
    correct_answer = models.PositiveSmallIntegerField(
        choices=[(n, f"Answer {n}") for n in range(1, 5)], default=1
    )

    panels = [
        FieldPanel("prompt"),
        FieldRowPanel([FieldPanel("answer_1"), FieldPanel("answer_2")]),
        FieldRowPanel([FieldPanel("answer_3"), FieldPanel("answer_4")]),
        FieldPanel("correct_answer"),
        *SourcedQuestion.source_panels,
    ]

    def clean(self):
        super().clean()
        if not dict(self.options()).get(self.correct_answer):
            raise ValidationError(
                {"correct_answer": gettext("The correct answer must be one of the answers filled in.")}
            )

    def options(self):
        """(number, text) for each answer filled in."""
        texts = (self.answer_1, self.answer_2, self.answer_3, self.answer_4)
        return [(number, text) for number, text in enumerate(texts, start=1) if text]

    @property
    def correct_text(self):
        return dict(self.options()).get(self.correct_answer, "")


# Area quiz


class AreaQuizPage(GamePage):
    """“How well do you know your area?”: players pick their area, guess one indicator's figure
    for it and see the official figure (its current public version only) and how others guessed.
    The questions come from the data (``literacy.games.areaquiz``), not from editors."""

    REGION, MUNICIPALITY = 1, 2
    LEVELS = [(REGION, "Region"), (MUNICIPALITY, "Municipality")]

    indicator = models.ForeignKey(
        "datasets.Indicator",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The figure players guess, e.g. population. Only its published figures are used."),
    )
    level = models.PositiveSmallIntegerField(
        choices=LEVELS, default=MUNICIPALITY, help_text=_("The areas players choose from.")
    )
    leaderboard_size = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(3), MaxValueValidator(100)],
        help_text=_("Places shown in each table."),
    )

    content_panels = [
        *GamePage.content_panels,
        FieldRowPanel([FieldPanel("indicator"), FieldPanel("level"), FieldPanel("leaderboard_size")]),
    ]
    subpage_urls = "literacy.games.urls.area_quiz_urls"

    class Meta:
        verbose_name = _("area quiz")


class AreaGuess(models.Model):
    """One player's guess for an area: what the distribution of guesses is counted from."""

    page = models.ForeignKey(AreaQuizPage, on_delete=models.CASCADE, related_name="guesses")
    area_code = models.CharField(max_length=50)
    guess = models.FloatField()
    created = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        indexes = [models.Index(fields=["page", "area_code", "guess"])]

    def __str__(self):
        return f"{self.guess} for {self.area_code}"


class LeaderboardEntry(models.Model):
    """A finished game (a timed quiz run, an area quiz guess) that its player chose to show,
    under a nickname (never an email)."""

    # Any game page with a leaderboard (TimedQuizPage, AreaQuizPage).
    quiz = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="leaderboard_entries")
    nickname = models.CharField(max_length=24, blank=True)
    score = models.PositiveSmallIntegerField()
    out_of = models.PositiveSmallIntegerField()
    time_taken_ms = models.PositiveIntegerField(_("time taken (ms)"))
    submitted_at = models.DateTimeField(default=timezone.now, editable=False)
    hidden = models.BooleanField(
        default=False, help_text=_("Hidden entries are left out of the leaderboards.")
    )

    # Best first; ties go to the faster run, then to whoever got there first.
    RANKING = ("-score", "time_taken_ms", "submitted_at", "pk")

    panels = [FieldPanel("hidden")]

    class Meta:
        verbose_name_plural = _("leaderboard entries")
        indexes = [
            models.Index(fields=["quiz", "hidden", "-score", "time_taken_ms", "submitted_at"]),
            models.Index(fields=["quiz", "submitted_at"]),
        ]

    def __str__(self):
        return f"{self.display_name}: {self.score}/{self.out_of}"

    @property
    def display_name(self):
        return self.nickname or gettext("Anonymous player")

    @property
    def seconds_taken(self):
        return self.time_taken_ms / 1000


class BlockedWord(models.Model):
    """The moderated word list for nicknames, kept by staff."""

    class Match(models.TextChoices):
        ANYWHERE = "anywhere", _("Anywhere, even inside other words")
        WHOLE_WORD = "whole_word", _("Only as a whole word")

    word = models.CharField(max_length=60, unique=True)
    match = models.CharField(
        max_length=20,
        choices=Match.choices,
        default=Match.ANYWHERE,
        help_text=_(
            "Short words found inside harmless ones (e.g. place names) should match whole words only."
        ),
    )
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [FieldPanel("word"), FieldPanel("match")]

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word

    def clean(self):
        if not normalise(self.word):
            raise ValidationError({"word": gettext("Enter a word with at least one letter.")})
