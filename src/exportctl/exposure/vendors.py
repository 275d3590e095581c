"""Which inventory vendors a name means, and which list entries an inventory vendor matches.

:func:`same_vendor` compares names the way screening reads them (:func:`exportctl.screening.normalize.analyze`:
case, diacritics, punctuation, legal forms, other scripts romanised): "Huawei" means "Huawei Technologies Co.,
Ltd.", "HUAWEI" and "华为技术有限公司", because the words of the scenario's name begin one of the readings of the
inventory name. It is not string equality, and not fuzzy either: "Huawai" does not mean Huawei (a ban names its
vendor; a scenario should not silently widen it).

:func:`screen_vendors` screens each distinct inventory vendor against the lists through the screening engine's
:class:`~exportctl.screening.party.PartyScreener` (the same screener determination and submission use). It is the
one place the exposure package screens: when the counterparty register (issue 15) lands, this function is where
inventory vendors are routed through it, so that a list change raises alerts for them like for any counterparty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from exportctl.errors import InputError
from exportctl.lists.model import ListCode
from exportctl.screening.normalize import analyze
from exportctl.screening.party import PartyMatch

#: The lists a vendor ban is usually grounded on; hits on other lists are shown too, marked as such.
EXPOSURE_LISTS = frozenset({ListCode.FCC.value, ListCode.ENTITY_LIST.value})


@lru_cache(maxsize=65_536)
def readings(name: str) -> tuple[tuple[str, ...], ...]:
    """The token readings of ``name`` with its legal forms left out (best first); empty: nothing to match on."""
    return tuple(variant.tokens for variant in analyze(name).variants)


def vendor_query(name: str) -> tuple[tuple[str, ...], ...]:
    """The readings of a scenario's vendor name; :class:`InputError` when it has nothing to match on."""
    found = readings(name.strip())
    if not found:
        raise InputError(f"vendor {name!r} has no letters or digits to match on", field="vendor")
    return found


def same_vendor(query: Sequence[tuple[str, ...]], name: str) -> bool:
    """Whether the inventory vendor ``name`` is the vendor of ``query`` (:func:`vendor_query`): one reading of the
    query is the first words of one reading of the name."""
    for candidate in readings(name):
        for words in query:
            if words and candidate[: len(words)] == words:
                return True
    return False


def matching_vendors(query_name: str, vendors: Iterable[str]) -> tuple[str, ...]:
    """The distinct inventory vendor names that ``query_name`` means, sorted."""
    query = vendor_query(query_name)
    return tuple(sorted(v for v in set(vendors) if same_vendor(query, v)))


Screener = Callable[[str, str | None], tuple[PartyMatch, ...]]


@dataclass(frozen=True)
class VendorHits:
    """An inventory vendor's list hits (best first), or why it could not be screened."""

    vendor: str
    matches: tuple[PartyMatch, ...]
    error: str | None = None

    @property
    def on_exposure_lists(self) -> tuple[PartyMatch, ...]:
        return tuple(m for m in self.matches if m.entry.list.value in EXPOSURE_LISTS)

    def to_dict(self) -> dict[str, object]:
        return {
            "vendor": self.vendor,
            "error": self.error,
            "hits": [{**m.to_dict(), "exposure_list": m.entry.list.value in EXPOSURE_LISTS} for m in self.matches],
        }


def screen_vendors(screener: Screener, vendors: Iterable[str]) -> tuple[VendorHits, ...]:
    """Screen each distinct vendor once (inventories repeat a vendor on thousands of rows), sorted by name."""
    results = []
    for vendor in sorted(set(vendors)):
        try:
            results.append(VendorHits(vendor, screener(vendor, None)))
        except InputError as error:
            results.append(VendorHits(vendor, (), str(error)))
    return tuple(results)
