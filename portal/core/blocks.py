"""StreamField blocks that pages of every app use."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))], default="h2")

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=100, default="What this means for you")
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        template = "core/blocks/callout.html"
