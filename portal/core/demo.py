"""What the apps' demo loaders share: reading an app's demo data files (JSON, CSV, Markdown)
and putting its index page in place of its section's placeholder. Base layer: the loaders of
every app use it, and it imports none of them."""

import csv
import json
import re
from pathlib import Path

import markdown
from django.apps import apps
from wagtail.models import Page

PLACEHOLDER_MODEL = "home.StandardPage"
"""The plain page the demo loader makes for each section of the menu, which an app's index
page replaces (named, not imported: the base layer imports no app)."""


def ensure_section_index(home, index_model, created, *, slug, title, **fields):
    """The app's index page at /<slug>/, made only when there is none of its type.

    It takes the place of the section's placeholder (a plain page at that slug with no children,
    keeping its place in the menu), or is new if there is no page there. Any other page at that
    slug is left alone, and then there is no index: the caller gets None.
    """
    index = index_model.objects.first()
    if index is not None:
        return index
    placeholder = home.get_children().filter(slug=slug).first()
    left_sibling = None
    if placeholder is not None:
        if (
            placeholder.specific_class is not apps.get_model(PLACEHOLDER_MODEL)
            or placeholder.get_children_count()
        ):
            return None
        left_sibling = placeholder.get_prev_sibling()
        placeholder.delete()
    home = Page.objects.get(pk=home.pk)
    index = index_model(title=title, slug=slug, show_in_menus=True, **fields)
    home.add_child(instance=index)
    index.save_revision().publish()
    if left_sibling is not None:
        index.move(Page.objects.get(pk=left_sibling.pk), pos="right")
    elif placeholder is not None:
        index.move(home, pos="first-child")
    created.append(f"{slug} ({index_model._meta.verbose_name})")
    return index_model.objects.get(pk=index.pk)


FENCED_BLOCK = re.compile(r"^```(?P<type>\w+)\n(?P<value>.*?)\n```$", re.MULTILINE | re.DOTALL)


class DemoFiles:
    """An app's demo content: the ``demo_content/`` folder beside its loader.

    JSON holds page trees and fields, CSV holds tables, Markdown holds long texts. A Markdown
    file is read paragraph by paragraph (blank-line separated), each converted on its own and
    the results joined without a line break: that is how editors' rich text is stored.
    """

    def __init__(self, loader_file, folder="demo_content"):
        self.folder = Path(loader_file).resolve().parent / folder

    def path(self, name):
        return self.folder / name

    def json(self, name):
        return json.loads(self.path(name).read_text(encoding="utf-8"))

    def rows(self, name):
        """A CSV table as a list of dicts, one per row, keyed by the header."""
        with self.path(name).open(newline="", encoding="utf-8") as table:
            return list(csv.DictReader(table))

    def text(self, name):
        return self.path(name).read_text(encoding="utf-8")

    def bytes(self, name):
        return self.path(name).read_bytes()

    def paragraphs(self, name):
        """A Markdown file as the HTML of each of its paragraphs."""
        return markdown_paragraphs(self.text(name))

    def html(self, name):
        return "".join(self.paragraphs(name))

    def blocks(self, name, *, paragraph_per_block=True):
        """A page body: Markdown text with ```block_type fences holding each other block's JSON.

        Text becomes ``paragraph`` blocks: one per paragraph, or one per run of text between
        fences (``paragraph_per_block=False``). A chart's ``data_csv`` names the CSV file, in the
        same folder, that holds its data.
        """
        source = self.text(name)
        folder = self.path(name).parent
        blocks, start = [], 0
        for fence in [*FENCED_BLOCK.finditer(source), None]:
            text = source[start : fence.start() if fence else len(source)]
            html = markdown_paragraphs(text)
            if html:
                blocks += (
                    [("paragraph", p) for p in html]
                    if paragraph_per_block
                    else [("paragraph", "".join(html))]
                )
            if fence is None:
                break
            value = json.loads(fence["value"])
            if "data_csv" in value:
                value["data"] = (folder / value.pop("data_csv")).read_text(encoding="utf-8")
            blocks.append((fence["type"], value))
            start = fence.end()
        return blocks


def markdown_paragraphs(text):
    return [markdown.markdown(chunk) for chunk in re.split(r"\n\s*\n", text.strip()) if chunk.strip()]
