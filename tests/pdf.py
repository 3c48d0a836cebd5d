"""Just enough of a PDF reader to check the tagged PDFs the site makes (certificates, handouts).

Neither pypdf nor pikepdf is installed, so the tests read the PDF's objects themselves: fpdf2
writes them uncompressed, one `N 0 obj ... endobj` each, and only the page content is deflated."""

import re
import zlib

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
        # A ligature's glyph stands for several characters (Arabic lam-alef): UTF-16 text.
        return {
            int(code, 16): bytes.fromhex(text).decode("utf-16-be")
            for section in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S)
            for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section)
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
            # A mark shaped into its letter's cluster (Arabic damma) has no entry of its own:
            # fpdf2 maps the cluster's characters to the letter's glyph.
            text = "".join(
                font.get(int.from_bytes(codes[i : i + 2], "big"), "") for i in range(0, len(codes), 2)
            )
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


def drawn_glyphs(pdf, page):
    """(font code, character, x) of every glyph the page shows, in the order drawn. Shaped Arabic
    draws one letter with different glyphs (its initial, medial, final or isolated form), glyph
    by glyph from the left, so a right-to-left line is drawn from its end."""
    fonts = {
        name.decode(): pdf.to_unicode(ref.decode())
        for name, ref in re.findall(rb"/(F\d+) (\d+ 0 R)", pdf.get(pdf.entry(page, "Resources")))
    }
    content = pdf.stream(pdf.entry(page, "Contents"))
    tokens = re.finditer(
        rb"/(F\d+) [\d.]+ Tf|([\d.-]+) [\d.-]+ (?:Td|Tm)|\(((?:\\.|[^\\)])*)\) Tj", content, re.S
    )
    glyphs, font, x = [], None, None
    for token in tokens:
        font_name, position, shown = token.groups()
        if font_name:
            font = fonts[font_name.decode()]
        elif position:
            x = float(position)
        else:
            codes = literal_string(shown)
            for i in range(0, len(codes), 2):
                code = int.from_bytes(codes[i : i + 2], "big")
                glyphs.append((code, font.get(code, ""), x))
    return glyphs
