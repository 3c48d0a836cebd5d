"""StreamField blocks for the e-modules: lesson content, questions and the teachers' section.

A question block stores its correct answer and the explanation in the page's revision, but
its template is never used to draw it: literacy/questions.py picks out only the prompt and the
options for the page, so the answer reaches the browser only after the learner has answered.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

from portal.core.blocks import CalloutBlock
from portal.core.charts.blocks import ChartBlock
from stories.blocks import GlossaryTermsBlock

QUESTION_TYPES = ("single_choice", "multiple_choice", "numeric", "ordering")
MAX_OPTIONS = 8


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False, help_text=_("Tick for a right answer."))
    feedback = blocks.CharBlock(
        max_length=400,
        required=False,
        help_text=_(
            "Shown to learners who choose this answer, e.g. why it is tempting but wrong (optional)."
        ),
    )

    class Meta:
        icon = "radio-full"


class QuestionBlock(blocks.StructBlock):
    """What every question has: the question itself and the explanation shown once answered."""

    prompt = blocks.TextBlock(max_length=600, help_text=_("The question, in plain words."))
    explanation = blocks.TextBlock(
        max_length=1500, help_text=_("Why the right answer is right: shown after the learner answers.")
    )

    class Meta:
        icon = "help"


def _option_errors(value, *, exactly_one):
    correct = sum(1 for option in value.get("options") or [] if option.get("correct"))
    if exactly_one and correct != 1:
        return {"options": ValidationError(gettext("Tick exactly one right answer."))}
    if not exactly_one and correct < 1:
        return {"options": ValidationError(gettext("Tick at least one right answer."))}
    return {}


class ChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=MAX_OPTIONS)
    exactly_one_correct = True

    def clean(self, value):
        cleaned = super().clean(value)
        if errors := _option_errors(cleaned, exactly_one=self.exactly_one_correct):
            raise blocks.StructBlockValidationError(block_errors=errors)
        return cleaned


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        label = _("Question: one answer")
        icon = "radio-full"


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    exactly_one_correct = False

    class Meta:
        label = _("Question: several answers")
        icon = "tasks"


class NumericQuestionBlock(QuestionBlock):
    answer = blocks.DecimalBlock(max_digits=14, decimal_places=4, help_text=_("The right number."))
    tolerance = blocks.DecimalBlock(
        max_digits=14,
        decimal_places=4,
        min_value=Decimal(0),
        default=Decimal(0),
        help_text=_("How far from the right number an answer may be and still count, e.g. 0.5."),
    )
    unit = blocks.CharBlock(
        max_length=30,
        required=False,
        # xgettext:no-python-format
        help_text=_("Shown next to the box, e.g. % or years."),
    )

    class Meta:
        label = "Question: a number"
        icon = "order"


class OrderingQuestionBlock(QuestionBlock):
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        min_num=2,
        max_num=MAX_OPTIONS,
        help_text=_("In the right order: learners see them shuffled and number them."),
    )

    class Meta:
        label = _("Question: put in order")
        icon = "list-ol"


def question_blocks():
    """The four question types, by the names literacy/scoring.py knows them."""
    return [
        ("single_choice", SingleChoiceQuestionBlock()),
        ("multiple_choice", MultipleChoiceQuestionBlock()),
        ("numeric", NumericQuestionBlock()),
        ("ordering", OrderingQuestionBlock()),
    ]


class CheckBlocks(blocks.StreamBlock):
    """A pre-check or post-check: questions only."""

    def __init__(self, **kwargs):
        super().__init__(question_blocks(), **kwargs)


class WorkedExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150)
    problem = blocks.TextBlock(max_length=1000)
    steps = blocks.ListBlock(blocks.TextBlock(max_length=800), min_num=1, max_num=10)
    answer = blocks.TextBlock(max_length=600)

    class Meta:
        icon = "doc-full"
        template = "modules/blocks/worked_example.html"


class LessonBlocks(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    chart = ChartBlock()
    glossary_terms = GlossaryTermsBlock(default={"heading": "Words used in this lesson"})
    worked_example = WorkedExampleBlock()
    callout = CalloutBlock()
    embed = EmbedBlock(help_text=_("A video or post from a provider the site allows."))

    def __init__(self, **kwargs):
        super().__init__(question_blocks(), **kwargs)


class CurriculumObjectiveBlock(blocks.StructBlock):
    level = blocks.CharBlock(max_length=80, help_text=_("e.g. Lower secondary (ages 11 to 14)"))
    objective = blocks.TextBlock(max_length=500)


class TeacherResourcesBlock(blocks.StructBlock):
    """The "for teachers" section of a module: curriculum fit, a discussion guide, a worksheet."""

    class_time = blocks.CharBlock(max_length=80, required=False, help_text=_("e.g. One 45-minute lesson"))
    curriculum_objectives = blocks.ListBlock(CurriculumObjectiveBlock(), min_num=1, max_num=8)
    discussion_guide = blocks.RichTextBlock(features=["h3", "bold", "italic", "link", "ol", "ul"])
    worksheet = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "ol", "ul"], help_text=_("Printed from the teachers' page.")
    )
    worksheet_document = DocumentChooserBlock(
        required=False, help_text=_("Or as well: the worksheet as a file to download, e.g. a PDF.")
    )

    class Meta:
        icon = "user"
        template = "modules/blocks/teacher_resources.html"
