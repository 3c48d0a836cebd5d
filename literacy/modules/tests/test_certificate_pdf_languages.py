"""The certificate PDF in the reader's language: in Arabic its words are translated, shaped
(letters joined) and laid out right to left, and it declares /Lang ar; a learner's Arabic name is
shaped in an English certificate too; odd names do not break it."""

import re

import pytest
from django.utils.translation import override

from literacy.modules.certificates import certificate_pdf
from tests.factories import PASSWORD
from tests.pages import in_language
from tests.pdf import PdfObjects, drawn_glyphs, marked_text, structure_elements

from .factories import CertificateFactory
from .module_helpers import complete_module, make_module

pytestmark = pytest.mark.django_db

VERIFY_URL = "https://portal.example/learn/certificates/ABCD-EFGH-JKLM/"


def read(data):
    """(Lang, [(tag, text drawn from the left)] in reading order, {letter: glyph codes})."""
    pdf = PdfObjects(data)
    catalog = pdf.catalog()
    [page_ref] = re.findall(r"\d+ 0 R", pdf.entry(pdf.get(pdf.entry(catalog, "Pages")), "Kids"))
    marked, unmarked = marked_text(pdf, pdf.get(page_ref))
    assert unmarked == [], "no text outside the structure tree"
    leaves = structure_elements(pdf, pdf.entry(catalog, "StructTreeRoot"))
    texts = [(kind, marked[mcids[0]][1].replace("\u200e", "")) for kind, _, mcids in leaves]
    forms = {}
    for code, char, _ in drawn_glyphs(pdf, pdf.get(page_ref)):
        forms.setdefault(char, set()).add(code)
    return pdf.entry(catalog, "Lang"), texts, forms


def made_in(language, **certificate):
    certificate = CertificateFactory(**certificate)
    with override(language):
        return certificate, certificate_pdf(certificate, certificate.module.get_parent().specific, VERIFY_URL)


def test_an_arabic_certificate_is_translated_shaped_and_right_to_left():
    certificate, data = made_in("ar", name="Rita Reporter")
    lang, texts, forms = read(data)
    assert lang == "(ar)"
    assert [kind for kind, _ in texts] == ["H1"] + ["P"] * 7
    heading = texts[0][1]
    assert heading == "شهادة إتمام"[::-1]  # drawn from the left: the words come back reversed
    assert "Certificate of completion" not in "".join(text for _, text in texts)
    assert texts[1] == ("P", "Rita Reporter")  # a Latin name stays as typed
    assert ("P", f"{certificate.display_code} :" + "رمز التحقق"[::-1]) in texts
    assert ("P", f"{VERIFY_URL} " + "تحقق من هذه الشهادة على"[::-1]) in texts
    assert len(forms["\u0647"]) > 1 and len(forms["ت"]) > 1  # heh and teh joined: several forms
    info = PdfObjects(data).data
    assert b"/Title <feff" in info  # "الشهادة: …" as a UTF-16 string


def test_an_english_certificate_is_unchanged_and_shapes_an_arabic_name():
    first, english = made_in("en-gb")
    lang, texts, _ = read(english)
    assert lang == "(en-gb)"
    assert texts[0] == ("H1", "Certificate of completion")
    assert b" Tm" not in PdfObjects(english).stream(  # Latin text: no glyph-by-glyph placing
        re.search(rb"/Contents (\d+ 0 R)", english).group(1).decode()
    )
    _, with_arabic_name = made_in("en-gb", name="محمد علي", module=first.module)
    lang, texts, forms = read(with_arabic_name)
    assert lang == "(en-gb)"
    assert texts[1] == ("P", "محمد علي"[::-1])
    assert len(forms["م"]) > 1


def test_a_french_certificate_is_in_french():
    certificate, data = made_in("fr")
    lang, texts, _ = read(data)
    assert lang == "(fr)"
    assert texts[0] == ("H1", "Certificat de réussite")
    assert ("P", f"Code de vérification : {certificate.display_code}") in texts


@pytest.mark.parametrize(
    "name",
    ["Ana", "محمد Ana 2024", "ب" * 120, "x" * 120, "O'Brien-Smith (٣)", "\u202eعلي\u200f"],
)
def test_odd_names_in_arabic_do_not_break_the_certificate(name):
    _, data = made_in("ar", name=name)
    lang, texts, _ = read(data)
    assert lang == "(ar)" and texts[0] == ("H1", "شهادة إتمام"[::-1])
    assert len(texts) == 8 and texts[1][1].strip()


def test_the_certificate_pdf_follows_the_readers_language(client, learn_index, django_user_model):
    module = make_module("certified-ar", lessons=1, tier="basic")
    learner = django_user_model.objects.create_user("cert-ar@example.org", PASSWORD)
    client.force_login(learner)
    complete_module(client, module)
    client.post(module.url + module.reverse_subpage("certificate"), {"name": "Rita Reporter"})
    address = module.url + module.reverse_subpage("certificate_pdf")
    arabic = client.get(in_language(address, "ar"))
    assert arabic.status_code == 200
    lang, texts, _ = read(arabic.content)
    assert lang == "(ar)" and texts[0] == ("H1", "شهادة إتمام"[::-1])
    lang, texts, _ = read(client.get(in_language(address, "en-gb")).content)
    assert lang == "(en-gb)" and texts[0] == ("H1", "Certificate of completion")
