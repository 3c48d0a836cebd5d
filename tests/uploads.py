"""Files for upload tests: real PNG, JPEG, PDF and zip bytes, a decompression bomb's header, and
an upload of any of them."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF
from PIL import Image


def png_bytes(width=120, height=80, colour="#0b3c5d"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes(width=120, height=80):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#00707a").save(buffer, format="JPEG")
    return buffer.getvalue()


def pdf_bytes(text="Commuting in 2025"):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(0, 10, text)
    return bytes(pdf.output())


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("chart.png", png_bytes())
    return buffer.getvalue()


def png_claiming_size(width, height):
    """A tiny PNG whose header claims `width` x `height` pixels: a decompression bomb's calling card."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def upload(content, name="entry.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)
