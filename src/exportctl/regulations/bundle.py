"""All bundled regulation data in one object, loaded once, with "as of a date" bookkeeping.

We hold one version of each table (see :mod:`exportctl.regulations.provenance`). For a date after the newest
content date the text may have changed since, so the determination must be reviewed; for a date before a table's
content window we still use the text we have and say so (we have no older versions).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from exportctl.regulations.ccl import CommerceControlList, load_ccl
from exportctl.regulations.country_chart import CountryChart, load_country_chart
from exportctl.regulations.country_groups import CountryGroups, load_country_groups
from exportctl.regulations.provenance import DatasetInfo


@dataclass(frozen=True, slots=True)
class DataCoverage:
    """What the bundled data says about one determination date. The notes do not repeat the date, so every date in
    the same band (before, within, after the data's content dates) has an equal coverage: results are cached by it."""

    notes: tuple[str, ...]
    needs_review: bool


@dataclass(frozen=True, eq=False)
class Regulations:
    """The bundled EAR tables. Compared and hashed by identity, so rule results can be cached per bundle."""

    chart: CountryChart
    groups: CountryGroups
    ccl: CommerceControlList
    names: Mapping[str, str]  # lower-case country name (chart and supplement spellings) -> ISO2

    @property
    def datasets(self) -> tuple[DatasetInfo, ...]:
        return (self.chart.info, self.groups.info, self.ccl.info)

    @cached_property
    def dataset_dicts(self) -> tuple[dict[str, str], ...]:
        return tuple(info.to_dict() for info in self.datasets)

    def coverage(self, on: date) -> DataCoverage:
        return _coverage(self, on)

    def country_name(self, iso2: str) -> str | None:
        row = self.chart.get(iso2)
        return row.name if row else self.groups.names.get(iso2)


@lru_cache(maxsize=4096)
def _coverage(regs: Regulations, on: date) -> DataCoverage:
    datasets = regs.datasets
    notes: list[str] = []
    newest = max(info.content_to for info in datasets)
    review = on > newest
    if review:
        notes.append(
            f"the determination date is later than the newest bundled regulation data ({newest.isoformat()}); "
            "rules may have changed since"
        )
    for info in datasets:
        if on < info.content_from:
            notes.append(
                f"{info.name}: the bundled text is the one in force {info.content_from.isoformat()}"
                + (f"..{info.content_to.isoformat()}" if info.content_to != info.content_from else "")
                + "; no older version is bundled, so it was used for this earlier date"
            )
        elif on > info.content_to and not review:
            notes.append(f"{info.name}: bundled text dates from {info.content_to.isoformat()}; later changes missing")
    return DataCoverage(notes=tuple(notes), needs_review=review)


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
    return Regulations(chart=chart, groups=groups, ccl=load_ccl(names), names=names)
