"""Entry files are judged by their content: the name and the browser's content type count for nothing."""

import pytest
from django.core.exceptions import ValidationError

from portal.core.uploads import check_upload
from tests.uploads import jpeg_bytes, pdf_bytes, png_bytes, png_claiming_size, upload, zip_bytes


@pytest.mark.parametrize(
    ("content", "name", "kind"),
    [
        (png_bytes(), "chart.png", "png"),
        (jpeg_bytes(), "photo.jpg", "jpeg"),
        (pdf_bytes(), "report.pdf", "pdf"),
        (png_bytes(), "chart-saved-as.pdf", "png"),  # the content decides, not the name
    ],
)
def test_real_files_are_accepted_as_what_they_are(content, name, kind):
    checked = check_upload(upload(content, name, "application/octet-stream"))
    assert (checked.kind, checked.size) == (kind, len(content))


def refusal(content, name="entry.png", content_type="image/png", **limits):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload(content, name, content_type), **limits)
    return caught.value


def test_a_zip_renamed_to_png_is_refused_as_an_archive():
    error = refusal(zip_bytes(), "chart.png")
    assert error.code == "archive"
    assert "Archives" in error.message


@pytest.mark.parametrize(
    "content",
    [b"<html><script>alert(1)</script></html>", b"GIF89a\x01\x00\x01\x00", b"MZ\x90\x00 executable"],
    ids=["html", "gif", "exe"],
)
def test_other_files_are_refused_whatever_their_name(content):
    error = refusal(content, "entry.pdf", "application/pdf")
    assert error.code == "type"
    assert "whatever its name says" in error.message


def test_an_empty_file_is_refused():
    assert refusal(b"").code == "empty"


def test_an_oversized_file_is_refused_with_both_sizes():
    error = refusal(png_bytes(400, 400, "#123456") + b"\0" * 2000, max_bytes=1000)
    assert error.code == "too_big"
    assert "1000\xa0bytes" in error.message


def test_a_png_header_on_garbage_is_refused_as_damaged():
    assert refusal(b"\x89PNG\r\n\x1a\n" + b"garbage" * 50).code == "damaged"


def test_a_truncated_jpeg_is_refused_as_damaged():
    content = jpeg_bytes(400, 300)
    assert refusal(content[: len(content) // 2], "photo.jpg", "image/jpeg").code == "damaged"


def test_a_png_with_a_broken_checksum_is_refused():
    content = bytearray(png_bytes())
    content[30] ^= 0xFF  # inside the IHDR chunk: its CRC no longer matches
    assert refusal(bytes(content)).code == "damaged"


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    """100,000 x 100,000 pixels claimed by a file of a few dozen bytes."""
    content = png_claiming_size(100_000, 100_000)
    assert len(content) < 200
    assert refusal(content).code == "too_many_pixels"


def test_images_over_the_pixel_limit_are_refused(settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 10_000
    assert refusal(png_bytes(101, 100)).code == "too_many_pixels"
    assert check_upload(upload(png_bytes(100, 100))).kind == "png"


def test_a_pdf_without_its_end_is_refused():
    content = pdf_bytes()
    assert refusal(content[: len(content) - 40], "report.pdf").code == "damaged"


def test_a_pdf_header_alone_is_refused():
    assert refusal(b"%PDF-1.7\n" + b"x" * 100, "report.pdf").code == "damaged"


@pytest.mark.parametrize("marker", [b"/JavaScript", b"/Launch", b"/EmbeddedFile", b"/Encrypt"])
def test_pdfs_with_active_content_are_refused(marker):
    content = pdf_bytes().replace(b"/Type /Catalog", b"/Type /Catalog " + marker + b" 1 0 R", 1)
    assert marker in content
    assert refusal(content, "report.pdf").code == "active_content"


def test_the_name_kept_for_display_is_tamed():
    checked = check_upload(upload(png_bytes(), "../../etc/my <chart>.png"))
    assert "/" not in checked.name
    assert "<" not in checked.name
