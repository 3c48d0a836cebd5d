from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from datasets.blocks import IndicatorChartBlock, IndicatorKeyFigureBlock
from portal.core.blocks import CalloutBlock, QuoteBlock
from portal.core.charts.blocks import ChartBlock


class KeyFigureBlock(blocks.StructBlock):
    """A headline number with what it measures, when, and who says so."""

    value = blocks.CharBlock(max_length=20, help_text=_("The number as it should read, e.g. 3.2 or 67,081"))
    unit = blocks.CharBlock(max_length=30, required=False, help_text=_("e.g. %, million, years"))
    label = blocks.CharBlock(max_length=120, help_text=_("What the number measures"))
    period = blocks.CharBlock(max_length=60, help_text=_("e.g. September 2026, 2025, Q2 2026"))
    change = blocks.CharBlock(
        max_length=80,
        required=False,
        help_text=_("Change on the previous period, in words, e.g. up 0.4 points"),
    )
    source = blocks.CharBlock(max_length=200, help_text=_("The release or dataset it comes from"))
    source_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "order"
        template = "stories/blocks/key_figure.html"


class InfographicImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(max_length=250, help_text=_("What the image shows, in one sentence."))
    long_description = blocks.RichTextBlock(
        features=["bold", "italic", "ol", "ul"],
        help_text=_("Everything the image says, in words, for people who cannot see it."),
    )

    class Meta:
        icon = "image"
        template = "stories/blocks/infographic_image.html"


class GlossaryTermsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=100, default="Words used in this story")
    terms = blocks.ListBlock(SnippetChooserBlock("stories.GlossaryTerm"), min_num=1)

    def get_context(self, value, parent_context=None):
        """The chosen terms (originals) in the reader's language where translated, one query."""
        from .models import localized_terms

        context = super().get_context(value, parent_context=parent_context)
        context["terms"] = localized_terms(value["terms"])
        return context

    class Meta:
        icon = "list-ul"
        template = "stories/blocks/glossary_terms.html"


class StoryBlocks(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    key_figure = KeyFigureBlock()
    chart = ChartBlock()
    data_key_figure = IndicatorKeyFigureBlock()
    data_chart = IndicatorChartBlock()
    infographic_image = InfographicImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    glossary_terms = GlossaryTermsBlock()
    embed = EmbedBlock(help_text=_("A video or post from a provider the site allows."))
