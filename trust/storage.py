"""Where report attachments are kept: never under the public media URL.

A screenshot of a misleading post may show people's names and faces, so attachments reach
staff only through a view that checks their permission (admin_views.attachment). Production
can name its own private store (e.g. an S3 bucket without public access) as
STORAGES["misuse_reports"].
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.deconstruct import deconstructible

STORAGE_ALIAS = "misuse_reports"


@deconstructible
class PrivateReportStorage(FileSystemStorage):
    """A folder outside the public media root, read from settings on every use (tests move it)."""

    @property
    def base_location(self):
        default = Path(settings.MEDIA_ROOT).parent / "private-media" / "misuse-reports"
        return os.fspath(getattr(settings, "MISUSE_REPORT_ROOT", default))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Report attachments have no public URL; staff open them through the admin.")


def report_storage():
    if STORAGE_ALIAS in settings.STORAGES:
        return storages[STORAGE_ALIAS]
    return PrivateReportStorage()
