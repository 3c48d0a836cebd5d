from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Section heading"), ("h3", "Sub-heading")], default="h2")

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote.html"


class ContentBlocks(blocks.StreamBlock):
    """The blocks any editorial page can use."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul", "hr"]
    )
    image = ImageBlock(template="home/blocks/image.html")
    quote = QuoteBlock()
