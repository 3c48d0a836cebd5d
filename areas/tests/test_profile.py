"""The area profile PDF: tagged (title, language, structure with a heading, paragraphs and the
map as a Figure with its text), its text extractable, public figures only, 404 for unknown or
odd codes, and cached by what it shows."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from datasets.models import Code
from datasets.tests.factories import CodeFactory, DatasetVersionFactory, ObservationFactory
from tests.pdf import PdfObjects, marked_text, structure_elements

from .factories import AreaBoundaryFactory

pytestmark = pytest.mark.django_db


def text_of(pdf):
    catalog = pdf.catalog()
    pages = re.findall(r"\d+ 0 R", pdf.entry(pdf.get(pdf.entry(catalog, "Pages")), "Kids"))
    texts, leftovers = [], []
    for ref in pages:
        marked, unmarked = marked_text(pdf, pdf.get(ref))
        texts += [text for _, text in marked.values()]
        leftovers += unmarked
    return " ".join(texts), leftovers


def test_the_profile_is_a_tagged_pdf_with_its_figures_and_map(client, indicator):
    response = client.get("/en/areas/A0/profile.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = PdfObjects(response.content)
    catalog = pdf.catalog()
    assert pdf.entry(catalog, "Lang") == "(en-gb)"
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked true\s*>>", catalog)
    info = pdf.get(re.search(rb"/Info (\d+ 0 R)", pdf.data).group(1).decode())
    assert pdf.entry(info, "Title") == "(Area 0: area profile)"
    kinds = [kind for kind, _, _ in structure_elements(pdf, pdf.entry(catalog, "StructTreeRoot"))]
    assert kinds[:2] == ["H1", "Figure"] and "H2" in kinds and "P" in kinds
    assert b"/Alt (Map: Residents, 2024, by municipality, with Area 0 outlined." in pdf.data
    text, leftovers = text_of(pdf)
    assert leftovers == [], "no text outside the structure tree"
    assert "Area 0: area profile" in text
    assert "A municipality in Region. Code A0." in text
    assert "Residents, 2024: 1 persons (compared with Region: 10; Country: 100)" in text
    # Lines wrap without a space: compare the words run together.
    assert "Contact:Populationstatistics<population@statistics.example>" in text.replace(" ", "")


def test_a_missing_figure_says_not_available(client, indicator):
    text, _ = text_of(PdfObjects(client.get("/en/areas/A1/profile.pdf").content))
    assert "Residents, 2024: not available persons" not in text  # no unit after a missing figure
    assert "Residents, 2024: not available (compared with Region: 10; Country: 100)" in text


def test_embargoed_figures_are_not_in_the_profile(client, indicator):
    embargoed = DatasetVersionFactory(
        dataset=indicator.dataset, published_at=timezone.now() + timedelta(days=1)
    )
    ObservationFactory(
        version=embargoed,
        indicator=indicator,
        area=Code.objects.get(code="A0"),
        period="2025",
        period_start=date(2025, 1, 1),
        value=Decimal(999),
    )
    text, _ = text_of(PdfObjects(client.get("/en/areas/A0/profile.pdf").content))
    assert "999" not in text and "2025" not in text.replace("2026", "")


@pytest.mark.parametrize("code", ["NOPE", "a%3Cscript%3E", "x" * 60])
def test_unknown_or_odd_codes_are_404(client, indicator, code):
    assert client.get(f"/en/areas/{code}/profile.pdf").status_code == 404


def test_an_area_without_figures_still_has_a_profile(client):
    AreaBoundaryFactory(code=CodeFactory(code="EMPTY", label="Empty"))
    text, _ = text_of(PdfObjects(client.get("/en/areas/EMPTY/profile.pdf").content))
    assert "No published figures for this area yet." in text


def test_the_profile_is_cached_until_the_figures_change(client, indicator, monkeypatch):
    from areas import profile_pdf

    made = []
    real = profile_pdf.text_document_pdf
    monkeypatch.setattr(profile_pdf, "text_document_pdf", lambda *a, **k: made.append(1) or real(*a, **k))
    client.get("/en/areas/A0/profile.pdf")
    client.get("/en/areas/A0/profile.pdf")
    assert len(made) == 1
    newer = DatasetVersionFactory(
        dataset=indicator.dataset, published_at=timezone.now() - timedelta(minutes=1)
    )
    ObservationFactory(version=newer, indicator=indicator, area=Code.objects.get(code="A0"), value=Decimal(5))
    text, _ = text_of(PdfObjects(client.get("/en/areas/A0/profile.pdf").content))
    assert len(made) == 2 and "Residents, 2024: 5 persons" in text
