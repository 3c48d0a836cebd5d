"""gzip for the API's answers and downloads, when the client accepts it.

Django's GZipMiddleware, applied to the API's views only (the site's HTML pages are left as they
are: they carry CSRF tokens and personal details, which compression can leak (BREACH); the API
serves only public data). Streaming downloads stay streaming: each chunk is compressed as it
goes. A strong ETag becomes weak (``W/"…"``), and If-None-Match compares weakly, so a second
request still gets its 304. The spreadsheet is already a zip file: it is sent as it is.

Django pads compressed answers with up to 100 random bytes against BREACH, which only matters
where a secret sits beside reflected input. The API's answers hold no secret, so they go without
padding: the same answer always compresses to the same bytes, and a short one is never sent
uncompressed because the padding made it longer."""

from django.middleware.gzip import GZipMiddleware

from . import formats

ALREADY_COMPRESSED = {formats.MEDIA_TYPES[formats.XLSX]}


class PublicDataGZip(GZipMiddleware):
    max_random_bytes = 0


_gzip = PublicDataGZip(lambda request: None)


def compress(request, response):
    if response.get("Content-Type", "").split(";")[0] in ALREADY_COMPRESSED:
        return response
    return _gzip.process_response(request, response)
