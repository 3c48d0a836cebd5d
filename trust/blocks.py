"""The right figure on a fact-check: drawn from the data layer, never typed.

The blocks are datasets' (its declared interface, ``datasets.blocks``): a key figure or a chart
of an indicator slice, showing the version current for the public with its source and version.
"""

from wagtail import blocks

from datasets.blocks import IndicatorChartBlock, IndicatorKeyFigureBlock


class RightFigureBlocks(blocks.StreamBlock):
    key_figure = IndicatorKeyFigureBlock()
    chart = IndicatorChartBlock()

    class Meta:
        max_num = 3
        block_counts = {"key_figure": {"max_num": 2}}


def first_key_figure(stream_value):
    """The context of the first key figure that is public (for the share card and the listing):
    None when there is none."""
    for block in stream_value or ():
        if block.block_type == "key_figure":
            context = block.block.get_context(block.value)
            if context.get("figure") is not None:
                return context
    return None
