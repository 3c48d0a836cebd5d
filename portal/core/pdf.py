"""Tagged, accessible PDFs (PDF/UA basics) for every PDF the site makes: certificates and
handouts. A tagged PDF declares its title (shown instead of the file name) and language, marks
its text as headings and paragraphs in reading order, and marks decoration as an artifact, so
screen readers read it as a document.

Written in the reader's language, Arabic included: for a right-to-left language fpdf2 shapes the
text with HarfBuzz (uharfbuzz), so letters join, paragraphs run right to left and are aligned to
the right. Latin-only text in a left-to-right document is laid out exactly as before."""

import io
import re
import unicodedata
from contextlib import contextmanager
from pathlib import Path

import matplotlib
from django.conf import settings
from django.utils.translation import get_language, get_language_bidi
from fpdf import FPDF, ViewerPreferences
from fpdf.enums import Align

# DejaVu covers the accented letters of names and places, and Arabic (with its joining forms);
# matplotlib ships it.
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"

# Left-to-right runs that the Unicode bidirectional algorithm garbles in right-to-left text: a
# sign in front of a figure moves behind the digits ("3,5-"), and the "/" ending an address or
# the "<" and ">" around an email address jump to the wrong end. Left-to-right marks around them
# keep them as the site's pages show them (isolated left-to-right runs).
SIGNED_FIGURE = re.compile(r"(?<!\w)[-+\u2212](?=\d)")
ADDRESS = re.compile(r"<?(?:https?://[^\s<>]+|[^\s<>@]+@[^\s<>]+)>?")
LEFT_TO_RIGHT_MARK = "\u200e"


def keep_left_to_right(text):
    """``text`` with left-to-right marks that keep signed figures and addresses readable in a
    right-to-left paragraph. Marks already there are dropped first: lines measured once are
    written again, and must not gain more marks each time."""
    text = SIGNED_FIGURE.sub(LEFT_TO_RIGHT_MARK + r"\g<0>", text.replace(LEFT_TO_RIGHT_MARK, ""))
    return ADDRESS.sub(lambda match: f"{LEFT_TO_RIGHT_MARK}{match.group()}{LEFT_TO_RIGHT_MARK}", text)


@contextmanager
def tagged(pdf, struct_type):
    """Mark what is drawn inside as one structure element (H1, P...) of the document: a tagged
    PDF that screen readers read in order (PDF 1.7, 14.7 and 14.8).

    fpdf2 (pinned at 2.8) tags only images and outline entries through its public API, always
    as /Figure; its structure tree builder takes any type, so this opens the marked-content
    sequence with the element's own tag. The tests read the result back."""
    mcid = pdf.struct_builder.next_mcid_for_page(pdf.page)
    pdf._add_marked_content(struct_type=f"/{struct_type}", mcid=mcid)
    pdf._out(f"/{struct_type} <</MCID {mcid}>> BDC")
    yield
    pdf._out("EMC")


@contextmanager
def artifact(pdf):
    """Decoration (a border, a rule) that assistive technology skips."""
    pdf._out("/Artifact BMC")
    yield
    pdf._out("EMC")


def new_tagged_pdf(title, author, **page):
    """An FPDF with what an accessible PDF declares: its title, its language, a font for any
    name and, once content is tagged, the structure tree and /MarkInfo."""
    pdf = FPDF(**page)
    pdf.set_title(title)
    pdf.set_author(author)
    language = get_language() or settings.LANGUAGE_CODE
    pdf.set_lang(language)  # the language it is written in
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.right_to_left = get_language_bidi()
    if pdf.right_to_left:
        # The script is left for HarfBuzz to find per run, so a Latin name or code in Arabic
        # text is shaped as Latin.
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", language=language)
    return pdf


def needs_shaping(text):
    """Whether ``text`` holds right-to-left letters (Arabic, Hebrew), which only join and run
    the right way when shaped."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def write(pdf, width, height, text, **kwargs):
    """``pdf.multi_cell`` in the document's direction: in a right-to-left document aligned to
    the right (unless ``align`` says otherwise) with signed figures kept readable; in a
    left-to-right one, a line holding Arabic (a learner's name) is shaped on its own, and any
    other line is written exactly as fpdf2 writes it unshaped."""
    if getattr(pdf, "right_to_left", False):
        kwargs.setdefault("align", Align.R)
        return pdf.multi_cell(width, height, keep_left_to_right(text), **kwargs)
    if not needs_shaping(text):
        return pdf.multi_cell(width, height, text, **kwargs)
    pdf.set_text_shaping(use_shaping_engine=True, direction="ltr")
    try:
        return pdf.multi_cell(width, height, text, **kwargs)
    finally:
        pdf.set_text_shaping(use_shaping_engine=False)


def text_document_pdf(title, author, text, figure=None):
    """An A4 document from plain text: the title as its heading, lines starting with "## " as
    subheadings, "- " lines as bullet points, other lines joined into paragraphs (a blank line
    between paragraphs). Every piece is tagged in reading order; pages break as needed.
    ``figure``, (PNG bytes, alternative text, height in mm), is drawn under the title, tagged as
    a Figure with its text (an area profile's map)."""
    pdf = new_tagged_pdf(title, author, format="A4")
    pdf.set_margins(20, 20, 20)
    # Pages break here, between lines, never inside a marked-content sequence (which must
    # open and close on one page): a paragraph that runs over becomes two tagged parts.
    pdf.set_auto_page_break(False, margin=20)
    pdf.add_page()
    pdf.set_text_color(27, 31, 36)

    def block(tag, words, size, height, style="", space=3):
        pdf.set_font("DejaVu", style, size)
        lines = write(pdf, 0, height, words, dry_run=True, output="LINES")
        while lines:
            room = int((pdf.page_break_trigger - pdf.get_y()) // height)
            if room < 1:
                pdf.add_page()
                continue
            with tagged(pdf, tag):
                write(pdf, 0, height, "\n".join(lines[:room]))
            lines = lines[room:]
        pdf.ln(space)

    block("H1", title, 20, 10, "B", 6)
    if figure:
        png, alt_text, height = figure
        pdf.image(io.BytesIO(png), h=height, x=pdf.l_margin, alt_text=alt_text)
        pdf.ln(4)
    for kind, words in text_blocks(text):
        if kind == "H2":
            block("H2", words, 14, 8, "B", 2)
        elif kind == "LI":
            block("P", f"• {words}", 11, 6, "", 1)
        else:
            block("P", words, 11, 6)
    return bytes(pdf.output())


def text_blocks(text):
    """("H2" | "LI" | "P", words) for each block of ``text`` (see text_document_pdf)."""
    blocks, paragraph = [], []

    def end_paragraph():
        if paragraph:
            blocks.append(("P", " ".join(paragraph)))
            paragraph.clear()

    for line in text.splitlines():
        line = line.strip()
        if line.startswith("## "):
            end_paragraph()
            blocks.append(("H2", line[3:].strip()))
        elif line.startswith("- "):
            end_paragraph()
            blocks.append(("LI", line[2:].strip()))
        elif line:
            paragraph.append(line)
        else:
            end_paragraph()
    end_paragraph()
    return blocks
