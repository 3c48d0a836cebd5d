"""Handouts and other documents made from text are tagged PDFs: title, language, marking, and
every line of text inside a heading or paragraph of the structure tree, page after page."""

import re

from portal.core.pdf import text_blocks, text_document_pdf
from tests.pdf import PdfObjects, marked_text, structure_elements

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
