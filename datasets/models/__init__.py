"""The data layer's models, one module per job: the figures (``data``) and the release calendar
(``releases``); corrections and imports add their own modules here."""

from .data import Code, CodeList, Dataset, DatasetVersion, Indicator, Observation
from .jobs import ImportJob
from .releases import Release, ReleaseDateChange, ReleasePage

__all__ = [
    "Code",
    "CodeList",
    "Dataset",
    "DatasetVersion",
    "ImportJob",
    "Indicator",
    "Observation",
    "Release",
    "ReleaseDateChange",
    "ReleasePage",
]
