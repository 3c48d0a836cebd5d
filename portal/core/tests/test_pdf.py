"""Handouts and other documents made from text are tagged PDFs: title, language, marking, and
every line of text inside a heading or paragraph of the structure tree, page after page; in
Arabic, shaped (letters joined) and laid out right to left."""

import re

import pytest
from django.utils.translation import override

from portal.core.pdf import LEFT_TO_RIGHT_MARK, keep_left_to_right, text_blocks, text_document_pdf
from tests.pdf import PdfObjects, drawn_glyphs, marked_text, structure_elements

TEXT = """
Figures for planners.
They change every year.

## What the estimates are
- Mid-year counts
- By age and sex

## Where to find them
Ask Łukasz Żółć in the population team.
"""


def test_text_becomes_headings_bullets_and_paragraphs():
    assert text_blocks(TEXT) == [
        ("P", "Figures for planners. They change every year."),
        ("H2", "What the estimates are"),
        ("LI", "Mid-year counts"),
        ("LI", "By age and sex"),
        ("H2", "Where to find them"),
        ("P", "Ask Łukasz Żółć in the population team."),
    ]
    assert text_blocks("") == []
    assert text_blocks("\n\n  \n") == []


def pages_and_leaves(data):
    pdf = PdfObjects(data)
    catalog = pdf.catalog()
    pages = re.findall(r"\d+ 0 R", pdf.entry(pdf.get(pdf.entry(catalog, "Pages")), "Kids"))
    return pdf, catalog, pages, structure_elements(pdf, pdf.entry(catalog, "StructTreeRoot"))


def reading_order(pdf, pages, leaves):
    """The tagged text in the structure tree's order, checking that nothing is left untagged."""
    marked = {}
    for page_ref in pages:
        page_marked, unmarked = marked_text(pdf, pdf.get(page_ref))
        assert unmarked == [], "no text outside the structure tree"
        marked[page_ref] = page_marked
    texts = []
    for kind, page_ref, mcids in leaves:
        tag, text = marked[page_ref][mcids[0]]
        assert tag == kind
        texts.append((kind, text.strip()))
    assert sum(len(mcids) for _, _, mcids in leaves) == sum(len(m) for m in marked.values())
    return texts


def test_a_handout_declares_title_language_and_marking():
    pdf, catalog, _, _ = pages_and_leaves(text_document_pdf("Population estimates", "The office", TEXT))
    assert pdf.entry(catalog, "Lang") == "(en-gb)"
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked true\s*>>", catalog)
    assert re.search(rb"/DisplayDocTitle true", catalog)
    info = pdf.get(re.search(rb"/Info (\d+ 0 R)", pdf.data).group(1).decode())
    assert pdf.entry(info, "Title") == "(Population estimates)"


def test_all_its_text_is_tagged_in_reading_order():
    pdf, _, pages, leaves = pages_and_leaves(text_document_pdf("Population estimates", "The office", TEXT))
    assert reading_order(pdf, pages, leaves) == [
        ("H1", "Population estimates"),
        ("P", "Figures for planners. They change every year."),
        ("H2", "What the estimates are"),
        ("P", "• Mid-year counts"),
        ("P", "• By age and sex"),
        ("H2", "Where to find them"),
        ("P", "Ask Łukasz Żółć in the population team."),
    ]


def test_a_long_text_runs_over_pages_and_stays_tagged_on_each():
    long_text = "\n\n".join(f"## Part {n}\n" + "A sentence about the figures. " * 40 for n in range(1, 13))
    pdf, _, pages, leaves = pages_and_leaves(text_document_pdf("A long handout", "The office", long_text))
    assert len(pages) > 2
    assert {page_ref for _, page_ref, _ in leaves} == set(pages)
    texts = reading_order(pdf, pages, leaves)
    assert [text for kind, text in texts if kind == "H2"] == [f"Part {n}" for n in range(1, 13)]


# Arabic: shaped, right to left, right-aligned, still tagged. fpdf2 draws a shaped line glyph by
# glyph from the left, so a right-to-left line's text comes back from the content stream
# reversed; ToUnicode maps each glyph (whatever its joining form) back to its letter.

ARABIC_TEXT = """
أرقام للمخططين في المنطقة.

## ما هي التقديرات
- السكان حسب العمر
"""
A4_WIDTH_PT, MARGIN_PT = 595.28, 20 * 72 / 25.4


def visual(text):
    return text.replace(LEFT_TO_RIGHT_MARK, "")


def arabic_pdf(title, text):
    with override("ar"):
        return text_document_pdf(title, "المكتب", text)


def test_an_arabic_document_declares_ar_and_keeps_its_tags_in_reading_order():
    pdf, catalog, pages, leaves = pages_and_leaves(arabic_pdf("تقديرات السكان", ARABIC_TEXT))
    assert pdf.entry(catalog, "Lang") == "(ar)"
    info = pdf.get(re.search(rb"/Info (\d+ 0 R)", pdf.data).group(1).decode())
    title = re.search(rb"/Title <feff([0-9a-f]+)>", info).group(1)  # a UTF-16 text string
    assert bytes.fromhex(title.decode()).decode("utf-16-be") == "تقديرات السكان"
    texts = reading_order(pdf, pages, leaves)
    assert [kind for kind, _ in texts] == ["H1", "P", "H2", "P"]
    # Drawn from the left: each line's letters come back reversed, never in typing order.
    assert [visual(text)[::-1] for _, text in texts] == [
        "تقديرات السكان",
        "أرقام للمخططين في المنطقة.",
        "ما هي التقديرات",
        "• السكان حسب العمر",
    ]


def test_arabic_letters_are_joined_one_letter_several_glyphs():
    pdf, _, [page_ref], _ = pages_and_leaves(arabic_pdf("تقديرات السكان", ARABIC_TEXT))
    glyphs = drawn_glyphs(pdf, pdf.get(page_ref))
    forms = {}
    for code, char, _ in glyphs:
        forms.setdefault(char, set()).add(code)
    # Unshaped, a letter is always the same glyph; shaped, noon, alef and lam take joining forms.
    assert len(forms["ن"]) > 1 and len(forms["\u0627"]) > 1 and len(forms["ل"]) > 1


def test_arabic_lines_are_aligned_to_the_right():
    pdf, _, [page_ref], _ = pages_and_leaves(arabic_pdf("تقديرات السكان", ARABIC_TEXT))
    xs = [x for _, _, x in drawn_glyphs(pdf, pdf.get(page_ref))]
    assert min(xs) > A4_WIDTH_PT / 2  # short lines start right of the middle
    assert max(xs) < A4_WIDTH_PT - MARGIN_PT and max(xs) > A4_WIDTH_PT - MARGIN_PT - 30


def test_latin_text_in_english_is_laid_out_as_before_one_run_per_line():
    pdf, _, [page_ref], leaves = pages_and_leaves(
        text_document_pdf("Population estimates", "The office", TEXT)
    )
    content = pdf.stream(pdf.entry(pdf.get(page_ref), "Contents"))
    assert b" Tm" not in content  # no glyph-by-glyph placing: unshaped text, as before
    assert len(re.findall(rb"\) Tj", content)) == len(leaves)
    xs = {round(x, 1) for _, _, x in drawn_glyphs(pdf, pdf.get(page_ref))}
    [start] = xs  # every line starts at the left margin (and the cell's padding)
    assert MARGIN_PT <= start < MARGIN_PT + 5


def test_an_arabic_name_in_an_english_document_is_shaped_but_the_document_stays_english():
    pdf, catalog, [page_ref], leaves = pages_and_leaves(
        text_document_pdf("Population estimates", "The office", "Ask محمد علي in the team.")
    )
    assert pdf.entry(catalog, "Lang") == "(en-gb)"
    texts = reading_order(pdf, [page_ref], leaves)
    assert texts[1] == ("P", "Ask " + "محمد علي"[::-1] + " in the team.")
    forms = {}
    for code, char, _ in drawn_glyphs(pdf, pdf.get(page_ref)):
        forms.setdefault(char, set()).add(code)
    assert len(forms["م"]) > 1


def test_signed_figures_and_addresses_stay_readable_in_arabic():
    assert keep_left_to_right("تغير -3,5% في 2024") == "تغير \u200e-3,5% في 2024"
    assert keep_left_to_right(keep_left_to_right("-1 و +2")) == "\u200e-1 و \u200e+2"
    assert (
        keep_left_to_right("على https://example.org/a/ الآن") == "على \u200ehttps://example.org/a/\u200e الآن"
    )
    assert keep_left_to_right("بريد: Ana <ana@example.org>.") == "بريد: Ana \u200e<ana@example.org>\u200e."
    assert keep_left_to_right("A0-1 2024-Q1") == "A0-1 2024-Q1"  # a code or period: no sign
    pdf, _, pages, leaves = pages_and_leaves(
        arabic_pdf(
            "أرقام", "تغير -3,5% في 2024\n\nتحقق على https://example.org/a/\n\nبريد: <ana@example.org>"
        )
    )
    texts = [visual(text) for _, text in reading_order(pdf, pages, leaves)]
    # Drawn from the left: the figure with its sign in front, the addresses as typed.
    assert texts[1] == "2024 يف -3,5% ريغت"
    assert texts[2] == "https://example.org/a/ " + "تحقق على"[::-1]
    assert texts[3] == "<ana@example.org> :" + "بريد"[::-1]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n  \n",
        "Mixed محمد Ana 2024 و Łukasz",
        "1234,5 -3,5% 2024 0",
        "ب" * 600,
        "x" * 600 + " " + "كلمة" * 200,
        "<script>alert('x')</script> &amp; <b>عريض</b>",
        "## \n- \n## عنوان",
        "\u202e\u2066\u200f\u0000 رموز",
    ],
)
def test_bad_or_odd_arabic_text_does_not_crash_and_stays_tagged(text):
    pdf, catalog, pages, leaves = pages_and_leaves(arabic_pdf("عنوان", text))
    assert pdf.entry(catalog, "Lang") == "(ar)"
    texts = reading_order(pdf, pages, leaves)
    assert texts[0] == ("H1", "ناونع")
    if "<script>" in text:  # drawn as text, never run: the words are all there
        assert "<script>alert('x')</script>"[::-1] not in texts[1][1]  # left-to-right run
        assert "script>alert('x')</script" in visual(texts[1][1])


def test_an_empty_arabic_title_still_makes_a_document():
    pdf, catalog, pages, leaves = pages_and_leaves(arabic_pdf("", "نص"))
    assert pdf.entry(catalog, "Lang") == "(ar)"
    assert reading_order(pdf, pages, leaves)[-1] == ("P", "صن")
