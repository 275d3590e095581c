"""All bundled regulation data in one object, loaded once, with "as of a date" bookkeeping.

We hold one version of each table (see :mod:`exportctl.regulations.provenance`). For a date after the newest
content date the text may have changed since, so the determination must be reviewed. For a date before a table's
content window the text in force may differ: an answer read from the Country Chart, the Country Groups or the CCL
then needs review (the engine applies the dated changes of :mod:`exportctl.regulations.changes` it can source, and
never answers "no licence required" from a text that was not in force).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from exportctl.regulations.ccl import CommerceControlList, load_ccl, load_ccl_2026
from exportctl.regulations.country_chart import CountryChart, load_country_chart
from exportctl.regulations.country_groups import CountryGroups, load_country_groups
from exportctl.regulations.provenance import DatasetInfo


@dataclass(frozen=True, slots=True, eq=False)
class DataCoverage:
    """What the bundled data says about one determination date. The notes do not repeat the date, so every date in
    the same band (before, within, after the data's content dates) has the same coverage: one interned object per
    band, compared and hashed by identity, by which results are cached."""

    notes: tuple[str, ...]
    needs_review: bool
    before_notes: tuple[str, ...] = ()  # the date precedes a dataset's text: answers read from it need review
    datasets: tuple[DatasetInfo, ...] = ()  # the versions that speak for the date

    @property
    def dataset_dicts(self) -> tuple[dict[str, str], ...]:
        return _dicts(self.datasets)

    @property
    def before_text(self) -> bool:
        return bool(self.before_notes)


@dataclass(frozen=True, eq=False)
class Regulations:
    """The bundled EAR tables. Compared and hashed by identity, so rule results can be cached per bundle."""

    chart: CountryChart
    groups: CountryGroups
    ccl: CommerceControlList  # the 2025 text (eCFR between 2025-01-16 and 2025-07-11)
    names: Mapping[str, str]  # lower-case country name (chart and supplement spellings) -> ISO2
    ccl_2026: CommerceControlList | None = None  # the 2026-07-23 index: speaks for dates from 2026-07-23

    @property
    def datasets(self) -> tuple[DatasetInfo, ...]:
        return (self.chart.info, self.groups.info, self.current_ccl.info)

    @property
    def current_ccl(self) -> CommerceControlList:
        return self.ccl_2026 or self.ccl

    def ccl_on(self, on: date) -> CommerceControlList:
        """The CCL version that speaks for ``on``: the 2026 index from its date, else the 2025 text."""
        newer = self.ccl_2026
        return newer if newer is not None and on >= newer.info.content_from else self.ccl

    def datasets_on(self, on: date) -> tuple[DatasetInfo, ...]:
        return (self.chart.info, self.groups.info, self.ccl_on(on).info)

    @cached_property
    def dataset_dicts(self) -> tuple[dict[str, str], ...]:
        return tuple(info.to_dict() for info in self.datasets)

    def coverage(self, on: date) -> DataCoverage:
        return _coverage(self, on)

    def country_name(self, iso2: str) -> str | None:
        row = self.chart.get(iso2)
        return row.name if row else self.groups.names.get(iso2)


@lru_cache(maxsize=64)
def _dicts(datasets: tuple[DatasetInfo, ...]) -> tuple[dict[str, str], ...]:
    return tuple(info.to_dict() for info in datasets)


@lru_cache(maxsize=4096)
def _coverage(regs: Regulations, on: date) -> DataCoverage:
    datasets = regs.datasets_on(on)
    notes: list[str] = []
    newest = max(info.content_to for info in datasets)
    review = on > newest
    if review:
        notes.append(
            f"the determination date is later than the newest bundled regulation data ({newest.isoformat()}); "
            "rules may have changed since"
        )
    before: list[str] = []
    for info in datasets:
        if on < info.content_from:
            note = (
                f"{info.name}: the bundled text is the one in force {info.content_from.isoformat()}"
                + (f"..{info.content_to.isoformat()}" if info.content_to != info.content_from else "")
                + "; no older version is bundled and the text in force on this earlier date may differ (only the "
                "dated changes exportctl carries were applied) — review against the text of that date"
            )
            notes.append(note)
            before.append(note)
        elif on > info.content_to and not review:
            notes.append(f"{info.name}: bundled text dates from {info.content_to.isoformat()}; later changes missing")
    key = (tuple(notes), review, tuple(before), datasets)
    found = _INTERNED.get(key)
    if found is None:
        found = _INTERNED.setdefault(key, DataCoverage(*key))
    return found


_INTERNED: dict[tuple[tuple[str, ...], bool, tuple[str, ...], tuple[DatasetInfo, ...]], DataCoverage] = {}


@lru_cache(maxsize=1)
def load_regulations() -> Regulations:
    """Load (once per process) the Country Chart, the Country Groups and the CCL bundled with exportctl."""
    chart = load_country_chart()
    groups = load_country_groups()
    names: dict[str, str] = {}
    for iso2, name in groups.names.items():
        names[name.lower()] = iso2
    for row in chart:
        names[row.name.lower()] = row.iso2
    ccl = load_ccl(names)
    return Regulations(chart=chart, groups=groups, ccl=ccl, names=names, ccl_2026=load_ccl_2026(names, ccl))
