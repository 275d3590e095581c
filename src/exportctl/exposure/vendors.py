"""Which inventory vendors a name means (the scenario's matching), and the lists a vendor ban is grounded on.

:func:`same_vendor` compares names the way screening reads them (:func:`exportctl.screening.normalize.analyze`:
case, diacritics, punctuation, legal forms, other scripts romanised): "Huawei" means "Huawei Technologies Co.,
Ltd.", "HUAWEI" and "华为技术有限公司", because the words of the scenario's name begin one of the readings of the
inventory name. It is not string equality, and not fuzzy either: "Huawai" does not mean Huawei (a ban names its
vendor; a scenario should not silently widen it).

Inventory vendors are screened by the counterparty register, not here (:mod:`exportctl.exposure.register`): one
way to screen a party, and a list change raises alerts for them like for any counterparty.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from exportctl.errors import InputError
from exportctl.lists.model import ListCode
from exportctl.screening.normalize import analyze

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
