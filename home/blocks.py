from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from datasets.blocks import IndicatorChartBlock, IndicatorKeyFigureBlock
from portal.core.blocks import HeadingBlock, QuoteBlock


class ContentBlocks(blocks.StreamBlock):
    """The blocks a standard page can use."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul", "hr"]
    )
    image = ImageBlock(template="home/blocks/image.html")
    quote = QuoteBlock()
    data_key_figure = IndicatorKeyFigureBlock()
    data_chart = IndicatorChartBlock()
