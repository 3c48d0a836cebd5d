"""StreamField blocks of a competition page: prizes and frequently asked questions."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class PrizeBlock(blocks.StructBlock):
    place = blocks.CharBlock(max_length=80, help_text=_("e.g. First place, Best school entry"))
    prize = blocks.TextBlock(max_length=400, help_text=_("What the winner receives"))

    class Meta:
        icon = "pick"
        label = "Prize"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")
