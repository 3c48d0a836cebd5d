from wagtail import blocks


class KeyFigureBlock(blocks.StructBlock):
    """A headline number with what it measures, when, and who says so."""

    value = blocks.CharBlock(max_length=20, help_text="The number as it should read, e.g. 3.2 or 67,081")
    unit = blocks.CharBlock(max_length=30, required=False, help_text="e.g. %, million, years")
    label = blocks.CharBlock(max_length=120, help_text="What the number measures")
    period = blocks.CharBlock(max_length=60, help_text="e.g. September 2026, 2025, Q2 2026")
    change = blocks.CharBlock(
        max_length=80, required=False, help_text="Change on the previous period, in words, e.g. up 0.4 points"
    )
    source = blocks.CharBlock(max_length=200, help_text="The release or dataset it comes from")
    source_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "order"
        template = "stories/blocks/key_figure.html"
