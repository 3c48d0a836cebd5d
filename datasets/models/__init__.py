"""The data layer's models, one module per job: the figures (``data``) and the release calendar
(``releases``); corrections and imports add their own modules here."""

from .corrections import FigureUsage, RevisionNotice
from .data import Code, CodeList, Dataset, DatasetVersion, Indicator, Observation, RevisionKind
from .jobs import ImportJob
from .previews import PreviewAccess, PreviewGrant
from .publication import VersionPublication
from .releases import Release, ReleaseDateChange, ReleasePage
from .translations import DatasetTranslation, IndicatorTranslation

__all__ = [
    "Code",
    "CodeList",
    "Dataset",
    "DatasetTranslation",
    "DatasetVersion",
    "FigureUsage",
    "ImportJob",
    "Indicator",
    "IndicatorTranslation",
    "Observation",
    "PreviewAccess",
    "PreviewGrant",
    "Release",
    "ReleaseDateChange",
    "ReleasePage",
    "RevisionKind",
    "RevisionNotice",
    "VersionPublication",
]
