"""Screening: find a party in the lists despite spelling, legal forms, word order and script — fast and explained.

Pipeline: :mod:`.normalize` (with :mod:`.legal_forms`, :mod:`.scripts`, :mod:`.terms`) → :mod:`.index` (tokens,
rarity, blocking keys, per-word votes) → :mod:`.blocking` (candidates and their bounds) → :mod:`.scoring`
(aligned-token similarity; :mod:`.similarity` holds the rules both share), run together by :mod:`.match` →
:mod:`.features` (weighted, documented) → :mod:`.explain` (hits). Files: :mod:`.batch` cuts the input into
partitions (:mod:`.partitions`) and runs them here or on Dask (:mod:`.distributed`); either way each partition is
read, screened (:mod:`.rows`) and written where it runs (:mod:`.worker`), and the parts are joined in order.
Entry points: :func:`screen`, :func:`screen_query` (a batch: :func:`.engine.screen_queries`), :func:`screen_file`;
:func:`exportctl.screening.service.load_index` builds (or loads from cache) the index for the store's current
snapshot or the one in force on a date.
"""

from exportctl.screening.batch import BatchReport, screen_file
from exportctl.screening.engine import DEFAULT_THRESHOLD, screen, screen_query
from exportctl.screening.explain import FeatureContribution, Hit, ScreeningResult
from exportctl.screening.features import FEATURES, Query
from exportctl.screening.index import ScreeningIndex

__all__ = [
    "DEFAULT_THRESHOLD",
    "FEATURES",
    "BatchReport",
    "FeatureContribution",
    "Hit",
    "Query",
    "ScreeningIndex",
    "ScreeningResult",
    "screen",
    "screen_file",
    "screen_query",
]
