"""What the apps' demo loaders share: reading an app's demo data files (JSON, CSV, Markdown)
and putting its index page in place of its section's placeholder. Base layer: the loaders of
every app use it, and it imports none of them."""

import csv
import json
import re
from pathlib import Path

import markdown
import polib
from django.apps import apps
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.strings import StringValue

PLACEHOLDER_MODEL = "home.StandardPage"
"""The plain page the demo loader makes for each section of the menu, which an app's index
page replaces (named, not imported: the base layer imports no app)."""


def ensure_section_index(home, index_model, created, *, slug, title, **fields):
    """The app's index page at /<slug>/, made only when there is none of its type.

    It takes the place of the section's placeholder (a plain page at that slug with no children,
    keeping its place in the menu), or is new if there is no page there. Any other page at that
    slug is left alone, and then there is no index: the caller gets None.
    """
    index = index_model.objects.filter(locale=Locale.get_default()).first()
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

    def translations(self, language_code):
        """{English: translation} from ``translations/<language>.po``: the demo's own translation
        memory, keyed by the English text (not by position, which changes with every block id).
        Empty and fuzzy entries are left out, so they count as untranslated."""
        path = self.path(f"translations/{language_code}.po")
        if not path.exists():
            return {}
        return {
            entry.msgid: entry.msgstr
            for entry in polib.pofile(str(path))
            if entry.msgstr and not entry.fuzzy and not entry.obsolete
        }

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


KEPT_FROM_SOURCE = {"slug"}
"""Segments a demo translation copies from the English on purpose: addresses keep the source's
slug, so /fr/stories/<slug>/ names the same story as /stories/<slug>/."""


def translate_demo_pages(content, pages, created):
    """Each page's translation into every other content language, the wagtail-localize way.
    A page whose English title the catalogue does not know is not the demo's and is skipped.

    The strings go into wagtail-localize's translation memory (``import_po``) and the translated
    page is saved from it (``save_target``), so editors see a synced translation they can keep
    editing in the admin. A page already translated into a language is left alone, whatever an
    editor did to it. Returns {(slug, language): [English text with no translation]}: those
    segments keep the English (``save_target`` falls back to the source), and stay marked as
    untranslated in the editor.
    """
    default = Locale.get_default()
    missing = {}
    for locale in Locale.objects.exclude(pk=default.pk).order_by("pk"):
        catalogue = content.translations(locale.language_code)
        for page in pages:
            if page.locale_id != default.pk or page.get_translation_or_none(locale) is not None:
                continue
            if StringValue.from_plaintext(page.title).data not in catalogue:
                continue  # not the demo's page (an editor's, at the demo's slug): not ours to translate
            untranslated = translate_page(page, locale, catalogue)
            if untranslated:
                missing[(page.slug, locale.language_code)] = untranslated
            created.append(f"{page.slug} ({locale.language_code})")
    return missing


MARKUP = re.compile(r"<[^>]*>")


def usable(page, entry, text):
    """Whether ``text`` may stand for the English ``entry``: the same markup (wagtail-localize
    keeps links and emphasis as numbered tags; a translation may move them, never add any, such
    as a script) and no longer than its field allows (a title is at most 255 characters)."""
    if sorted(MARKUP.findall(text)) != sorted(MARKUP.findall(entry.msgid)):
        return False
    field = next((f for f in page._meta.concrete_fields if f.name == entry.msgctxt), None)
    return not (field and field.max_length and len(text) > field.max_length)


def translate_page(page, locale, catalogue):
    """Fill the page's translation into ``locale`` from ``catalogue`` and publish it; the English
    of what the catalogue lacks (or holds in an unusable form), for the caller to report."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    untranslated = []
    for entry in po:
        text = entry.msgid if entry.msgctxt in KEPT_FROM_SOURCE else catalogue.get(entry.msgid, "").strip()
        if text and usable(page, entry, text):
            entry.msgstr = text
        else:
            untranslated.append(entry.msgid)
    translation.import_po(po, tool_name="Portal demo")
    # Saved as a draft, then published here: save_target(publish=True) publishes when the
    # transaction commits, from the page as it was then, which undoes the tree's count of
    # children added since (the translated home page would forget its sections).
    translation.save_target(publish=False)
    page.get_translation(locale).get_latest_revision().publish()
    return untranslated
