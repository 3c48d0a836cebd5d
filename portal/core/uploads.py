"""What an uploaded file really is, judged by its content: never by its name or the browser's word.

One check for every public upload (competition entries, misuse reports' attachments): a file is
a PDF, PNG or JPEG when its first bytes say so and it survives a check of its structure. Pillow
verifies and decodes images, refusing any with more pixels than the limit (so a small file that
unpacks into gigabytes is turned away before it is decoded); a PDF must have a header, a
cross-reference pointer and an end-of-file marker, with no scripts, launch actions, embedded files
or encryption. Everything else, archives included, is refused whatever its name.
"""

import re
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_IMAGE_PIXELS = 25_000_000
ACCEPTED = _("Upload a PDF, PNG or JPEG file.")
PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
PDF_FORBIDDEN = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/Encrypt", b"/RichMedia")
TAIL_BYTES = 2048
SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
)
ARCHIVES = (b"PK\x03\x04", b"PK\x05\x06", b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b", b"BZh", b"\xfd7zXZ")
PILLOW_FORMATS = {"png": "PNG", "jpeg": "JPEG"}


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    size: int
    name: str


def sniff(head):
    """The kind the first bytes announce ("pdf", "png", "jpeg"), or None."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def _check_image(upload, kind, max_image_pixels):
    damaged = ValidationError(
        gettext("This file is not a readable %(kind)s image. Save it again and upload the new copy.")
        % {"kind": kind.upper()},
        code="damaged",
    )
    too_large = ValidationError(
        gettext(
            "This image has too many pixels. Make it smaller than %(pixels)s pixels "
            "(for example 5000 by 5000) and upload it again."
        )
        % {"pixels": f"{max_image_pixels:,}"},
        code="too_many_pixels",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload, formats=[PILLOW_FORMATS[kind]]) as image:
                width, height = image.size
                if width * height > max_image_pixels:
                    raise too_large
                image.verify()
            upload.seek(0)
            with Image.open(upload, formats=[PILLOW_FORMATS[kind]]) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_large from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise damaged from None


def _check_pdf(upload):
    damaged = ValidationError(
        gettext(
            "This file is not a complete PDF. Export it again from your program and upload the new copy."
        ),
        code="damaged",
    )
    upload.seek(0)
    content = upload.read()
    if not PDF_HEADER.match(content):
        raise damaged
    tail = content[-TAIL_BYTES:]
    if b"%%EOF" not in tail or b"startxref" not in tail or b"obj" not in content:
        raise damaged
    if any(marker in content for marker in PDF_FORBIDDEN):
        raise ValidationError(
            gettext(
                "PDFs with scripts, embedded files, launch actions or passwords cannot be accepted. "
                "Export a plain PDF and upload it again."
            ),
            code="active_content",
        )


def check_upload(upload, *, max_bytes=DEFAULT_MAX_BYTES, max_image_pixels=None):
    """A CheckedFile for an upload that is what it claims to be and within the limits (pixels:
    the setting UPLOAD_MAX_IMAGE_PIXELS unless given); ValidationError otherwise."""
    if max_image_pixels is None:
        max_image_pixels = getattr(settings, "UPLOAD_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS)
    size = upload.size
    if size == 0:
        raise ValidationError(gettext("The file is empty."), code="empty")
    if size > max_bytes:
        raise ValidationError(
            gettext("The file is %(size)s; the largest we accept is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
            code="too_big",
        )
    upload.seek(0)
    head = upload.read(16)
    kind = sniff(head)
    if kind is None:
        if head.startswith(ARCHIVES):
            raise ValidationError(
                gettext("Archives (zip, rar, 7z, gzip and the like) are not accepted. %(accepted)s")
                % {"accepted": ACCEPTED},
                code="archive",
            )
        raise ValidationError(
            gettext("This file is not a PDF, PNG or JPEG, whatever its name says. %(accepted)s")
            % {"accepted": ACCEPTED},
            code="type",
        )
    if kind == "pdf":
        _check_pdf(upload)
    else:
        _check_image(upload, kind, max_image_pixels)
    upload.seek(0)
    return CheckedFile(kind=kind, size=size, name=display_file_name(upload.name, kind))


def display_file_name(name, kind):
    """The uploader's file name, tamed for showing back to them (never used as a path)."""
    try:
        return get_valid_filename(name or "")[-120:]
    except SuspiciousFileOperation:
        return f"upload.{kind}"
