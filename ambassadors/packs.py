"""A campaign's downloadable pack, built on request from the published toolkit: the images (a
web-sized rendition each, so the zip stays small) with their alt text, and the ready-made posts."""

import io
import zipfile

from django.utils.text import slugify

RENDITION = "max-1600x1600"


def posts_text(page):
    parts = [page.title, "=" * len(page.title), ""]
    for number, block in enumerate(page.posts, start=1):
        heading = f"Post {number}" + (f" ({block.value['channel']})" if block.value["channel"] else "")
        parts += [heading, "-" * len(heading), block.value["text"].strip(), ""]
    return "\n".join(parts)


def toolkit_pack(page):
    """The zip's bytes: posts.txt, images/<n>-<name>.<ext> and alt-text.txt naming each image."""
    out = io.BytesIO()
    alt_lines = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as pack:
        pack.writestr("posts.txt", posts_text(page))
        for number, block in enumerate(page.images, start=1):
            image = block.value["image"]
            if image is None:  # deleted from the library since
                continue
            rendition = image.get_rendition(RENDITION)
            extension = rendition.file.name.rsplit(".", 1)[-1].lower()
            name = f"images/{number:02d}-{slugify(image.title)[:50] or 'image'}.{extension}"
            with rendition.file.open("rb") as handle:
                pack.writestr(name, handle.read())
            alt_lines.append(f"{name}: {block.value['alt_text']}")
        pack.writestr("alt-text.txt", "\n".join(alt_lines) + "\n")
    return out.getvalue()
