"""A campaign toolkit's content: posts to copy, and images that cannot be saved without alt text."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

POST_MAX_LENGTH = 2000


class ToolkitPostBlock(blocks.StructBlock):
    channel = blocks.CharBlock(
        max_length=60, required=False, help_text=_("Where it fits, e.g. “Short post”, “Newsletter”, “Class”.")
    )
    text = blocks.TextBlock(max_length=POST_MAX_LENGTH, help_text=_("The post as people will copy it."))

    class Meta:
        icon = "openquote"
        label = _("Ready-made post")


class ToolkitImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=300,
        required=True,
        help_text=_("What the image shows, for people who cannot see it; it goes into the pack too."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
