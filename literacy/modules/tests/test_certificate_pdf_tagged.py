"""The certificate PDF is a tagged, accessible PDF: title shown as the window title, language,
/MarkInfo, and a structure tree whose elements (a heading, then paragraphs) hold all its text."""

import re

import pytest

from literacy.modules.models import Certificate
from tests.factories import PASSWORD
from tests.pdf import PdfObjects, marked_text, structure_elements

from .module_helpers import complete_module, make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate_pdf(client, learn_index, django_user_model):
    module = make_module("certified", lessons=1, tier="advanced")
    learner = django_user_model.objects.create_user("cert@example.org", PASSWORD)
    client.force_login(learner)
    complete_module(client, module)
    client.post(module.url + module.reverse_subpage("certificate"), {"name": "Łukasz Żółć"})
    response = client.get(module.url + module.reverse_subpage("certificate_pdf"))
    assert response.status_code == 200
    return Certificate.objects.get(), PdfObjects(response.content)


def test_the_certificate_declares_title_language_and_marking(certificate_pdf):
    certificate, pdf = certificate_pdf
    catalog = pdf.catalog()
    assert pdf.entry(catalog, "Lang") == "(en-gb)"
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked true\s*>>", catalog)
    assert re.search(rb"/DisplayDocTitle true", catalog)
    info = pdf.get(re.search(rb"/Info (\d+ 0 R)", pdf.data).group(1).decode())
    assert pdf.entry(info, "Title") == f"(Certificate: {certificate.module_title})"
    assert pdf.entry(catalog, "StructTreeRoot")


def test_all_its_text_is_tagged_as_a_heading_and_paragraphs_in_reading_order(certificate_pdf):
    certificate, pdf = certificate_pdf
    catalog = pdf.catalog()
    [page_ref] = re.findall(r"\d+ 0 R", pdf.entry(pdf.get(pdf.entry(catalog, "Pages")), "Kids"))
    page = pdf.get(page_ref)
    assert re.search(rb"/StructParents \d+", page)
    marked, unmarked = marked_text(pdf, page)
    assert unmarked == [], "no text outside the structure tree"

    leaves = structure_elements(pdf, pdf.entry(catalog, "StructTreeRoot"))
    assert [kind for kind, _, _ in leaves] == ["H1"] + ["P"] * (len(leaves) - 1)
    assert all(page_of == page_ref for _, page_of, _ in leaves)
    assert sorted(mcid for _, _, mcids in leaves for mcid in mcids) == sorted(marked)
    texts = [marked[mcids[0]] for _, _, mcids in leaves]
    assert all(tag == kind for (tag, _), (kind, _, _) in zip(texts, leaves, strict=True))
    reading = [text.strip() for _, text in texts]
    assert reading[:2] == ["Certificate of completion", "Łukasz Żółć"]
    assert certificate.module_title in reading
    assert f"Verification code: {certificate.display_code}" in reading
