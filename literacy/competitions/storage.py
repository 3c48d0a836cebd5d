"""Where entry files are kept: never under the public media URL.

Entry files belong to their entrants until an entry is accepted for the gallery, so they are
stored outside MEDIA_ROOT and reach people only through views that check who may see them
(see views.serve_entry_file). Production can name its own private store (e.g. an S3 bucket
without public access) as STORAGES["competition_entries"].
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.deconstruct import deconstructible

STORAGE_ALIAS = "competition_entries"


@deconstructible
class PrivateEntryStorage(FileSystemStorage):
    """A folder outside the public media root, read from settings on every use (tests move it)."""

    @property
    def base_location(self):
        default = Path(settings.MEDIA_ROOT).parent / "private-media" / "competition-entries"
        return os.fspath(getattr(settings, "COMPETITION_ENTRY_ROOT", default))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Entry files have no public URL; serve them through a view that checks access.")


def entry_storage():
    if STORAGE_ALIAS in settings.STORAGES:
        return storages[STORAGE_ALIAS]
    return PrivateEntryStorage()
