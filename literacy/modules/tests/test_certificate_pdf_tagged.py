"""The certificate PDF is a tagged, accessible PDF: title shown as the window title, language,
/MarkInfo, and a structure tree whose elements (a heading, then paragraphs) hold all its text.

Neither pypdf nor pikepdf is installed, so the test reads the PDF's objects itself: fpdf2 writes
them uncompressed, one `N 0 obj ... endobj` each, and only the page content is deflated."""

import re
import zlib

import pytest

from literacy.modules.models import Certificate

from .module_helpers import complete_module, make_module

pytestmark = pytest.mark.django_db

OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
STRING_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


class PdfObjects:
    """Just enough of a PDF reader for what fpdf2 writes."""

    def __init__(self, data):
        self.data = data
        self.objects = {int(number): body for number, body in OBJECT.findall(data)}

    def get(self, ref):
        return self.objects[int(ref.split()[0])]

    def catalog(self):
        root = re.search(rb"/Root (\d+ 0 R)", self.data).group(1).decode()
        return self.get(root)

    def entry(self, body, key):
        match = re.search(
            rb"/" + key.encode() + rb"\s*(\d+ 0 R|\([^)]*\)|/\w+|<<.*?>>|\[[^\]]*\])", body, re.S
        )
        return match.group(1).decode("latin-1") if match else None

    def stream(self, ref):
        body = self.get(ref)
        raw = re.search(rb"stream\r?\n(.*)\r?\nendstream", body, re.S).group(1)
        return zlib.decompress(raw) if b"/FlateDecode" in body else raw

    def to_unicode(self, font_ref):
        cmap = self.stream(self.entry(self.get(font_ref), "ToUnicode")).decode()
        return {
            int(code, 16): chr(int(char, 16))
            for section in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S)
            for code, char in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section)
        }


def literal_string(raw):
    """The bytes of a PDF literal string's body (PDF 1.7, 7.3.4.2)."""
    out, index = bytearray(), 0
    while index < len(raw):
        byte = raw[index : index + 1]
        if byte == b"\\":
            following = raw[index + 1 : index + 2]
            octal = re.match(rb"[0-7]{1,3}", raw[index + 1 : index + 4])
            if octal:
                out.append(int(octal.group(), 8))
                index += 1 + len(octal.group())
                continue
            out += STRING_ESCAPES.get(following, following)
            index += 2
            continue
        out += byte
        index += 1
    return bytes(out)


def marked_text(pdf, page):
    """{MCID: (tag, text)} of the page's marked content, and the text shown outside any of it."""
    fonts = {
        name.decode(): pdf.to_unicode(ref.decode())
        for name, ref in re.findall(rb"/(F\d+) (\d+ 0 R)", pdf.get(pdf.entry(page, "Resources")))
    }
    content = pdf.stream(pdf.entry(page, "Contents"))
    tokens = re.finditer(
        rb"/(\w+) <</MCID (\d+)>> BDC|/(\w+) BMC|EMC|/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj",
        content,
        re.S,
    )
    marked, unmarked, stack, font = {}, [], [], None
    for token in tokens:
        tag, mcid, plain_tag, font_name, shown = token.groups()
        if tag:
            stack.append((tag.decode(), int(mcid)))
            marked[int(mcid)] = (tag.decode(), "")
        elif plain_tag:
            stack.append((plain_tag.decode(), None))
        elif token.group() == b"EMC":
            stack.pop()
        elif font_name:
            font = fonts[font_name.decode()]
        else:
            codes = literal_string(shown)
            text = "".join(font[int.from_bytes(codes[i : i + 2], "big")] for i in range(0, len(codes), 2))
            if stack and stack[-1][1] is not None:
                tag, mcid = stack[-1]
                marked[mcid] = (tag, marked[mcid][1] + text)
            else:
                unmarked.append(text)
    assert not stack, "every marked-content sequence is closed"
    return marked, unmarked


def structure_elements(pdf, root_ref):
    """The structure tree's leaves, in order: (type, page ref, MCIDs)."""
    [document_ref] = re.findall(r"\d+ 0 R", pdf.entry(pdf.get(root_ref), "K"))
    document = pdf.get(document_ref)
    assert pdf.entry(document, "S") == "/Document"
    leaves = []
    for ref in re.findall(r"\d+ 0 R", pdf.entry(document, "K")):
        element = pdf.get(ref)
        assert pdf.entry(element, "Type") == "/StructElem"
        mcids = [int(n) for n in re.findall(r"\d+", pdf.entry(element, "K"))]
        leaves.append((pdf.entry(element, "S")[1:], pdf.entry(element, "Pg"), mcids))
    return leaves


@pytest.fixture
def certificate_pdf(client, learn_index, django_user_model):
    module = make_module("certified", lessons=1, tier="advanced")
    learner = django_user_model.objects.create_user("cert@example.org", "x-Strong-pass-1")
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
