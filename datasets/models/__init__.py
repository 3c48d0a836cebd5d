"""The data layer's models, one module per job: the figures (``data``); releases, corrections and
imports add their own modules here."""

from .data import Code, CodeList, Dataset, DatasetVersion, Indicator, Observation

__all__ = ["Code", "CodeList", "Dataset", "DatasetVersion", "Indicator", "Observation"]
