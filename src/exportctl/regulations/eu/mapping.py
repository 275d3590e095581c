"""EU Annex I codes ↔ US ECCNs. Both lists follow the Wassenaar numbering, so an entry with the same number in both
(``3B001``) is the same entry family: the EU code *is* the ECCN. The texts may still differ paragraph by paragraph
(the US adds ``.z`` paragraphs for items meeting the 3A090/4A090 parameters, and each side updates on its own
calendar), so a shared number is reported as "same number: compare the paragraphs", never as proof that an item
classified under one is classified the same under the other.

Where there is no counterpart the kind says why: the US-only families (600 series and 9x515 moved from the USML,
0x5zz firearms, 3A090/4A090 advanced computing, x9xx anti-terrorism-only entries, the 0Y521 temporary controls,
EAR99) and the EU-only numbers (the x5xx entries of Annex I without an ECCN of that number in the bundled CCL).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from exportctl.regulations.ccl import CommerceControlList
from exportctl.regulations.eccn import Eccn
from exportctl.regulations.eu.annex import AnnexI
from exportctl.regulations.eu.codes import EuCode

ADVANCED_COMPUTING = frozenset({"3A090", "4A090", "3D090", "4D090", "3E090", "4E090"})


class UsOnlyKind(StrEnum):
    SHARED = "shared"  # the same number in both lists
    EU_ONLY = "eu_only"  # an Annex I number with no ECCN of that number in the bundled CCL
    SERIES_600 = "600_series"
    SERIES_515 = "9x515"
    FIREARMS = "0x5zz"
    ADVANCED_COMPUTING = "advanced_computing"
    ANTI_TERRORISM = "x9xx"
    TEMPORARY = "0y521"
    EAR99 = "ear99"
    OTHER_US_ONLY = "other_us_only"  # on the CCL, not in Annex I, none of the families above
    NOT_ON_CCL = "not_on_ccl"  # an ECCN-shaped code the bundled CCL does not have either


_WHY: dict[UsOnlyKind, str] = {
    UsOnlyKind.SERIES_600: (
        "a US 600-series ECCN (military items moved from the USML): no Annex I equivalent; in the EU such items are "
        "military goods under the Common Military List and national arms-export licensing, which this data lacks"
    ),
    UsOnlyKind.SERIES_515: (
        "a US 9x515 ECCN (spacecraft items moved from the USML): no Annex I equivalent; classify the item against "
        "Annex I (e.g. Category 9) and the EU Common Military List, which this data lacks"
    ),
    UsOnlyKind.FIREARMS: (
        "a US 0x5zz ECCN (firearms and related items moved from the USML): no Annex I equivalent; in the EU firearms "
        "fall under the military list or the firearms regulation (EU) No 258/2012, not in this data"
    ),
    UsOnlyKind.ADVANCED_COMPUTING: (
        "a US-only advanced-computing ECCN (3A090/4A090 family, 87 FR 62186): no Annex I equivalent"
    ),
    UsOnlyKind.ANTI_TERRORISM: ("a US anti-terrorism-only ECCN (x9xx, unilateral US control): no Annex I equivalent"),
    UsOnlyKind.TEMPORARY: "a US 0Y521 temporary control: no Annex I equivalent",
    UsOnlyKind.EAR99: "EAR99 (subject to the EAR, on no CCL entry): not an Annex I code",
    UsOnlyKind.OTHER_US_ONLY: "on the US CCL but no Annex I entry has this number",
    UsOnlyKind.NOT_ON_CCL: "neither Annex I nor the bundled CCL has an entry with this number",
}


@dataclass(frozen=True, slots=True)
class Correspondence:
    code: str
    counterpart: str | None  # the other list's entry of the same number
    kind: UsOnlyKind
    note: str

    @property
    def shared(self) -> bool:
        return self.kind is UsOnlyKind.SHARED

    @property
    def military(self) -> bool:
        """A US family whose EU counterpart is military-goods licensing (not dual-use)."""
        return self.kind in (UsOnlyKind.SERIES_600, UsOnlyKind.SERIES_515, UsOnlyKind.FIREARMS)


def us_only_kind(eccn: Eccn, ccl: CommerceControlList | None) -> UsOnlyKind:
    """Why an ECCN has no Annex I entry of its number (call only when Annex I lacks ``eccn.base``)."""
    if eccn.is_ear99:
        return UsOnlyKind.EAR99
    base = eccn.base
    if eccn.is_600_series:
        return UsOnlyKind.SERIES_600
    if eccn.is_x515:
        return UsOnlyKind.SERIES_515
    if eccn.is_x521:
        return UsOnlyKind.TEMPORARY
    if base[0] == "0" and base[2] == "5":
        return UsOnlyKind.FIREARMS
    if base in ADVANCED_COMPUTING:
        return UsOnlyKind.ADVANCED_COMPUTING
    if base[2] == "9":
        return UsOnlyKind.ANTI_TERRORISM
    if ccl is not None and ccl.get(base) is None:
        return UsOnlyKind.NOT_ON_CCL
    return UsOnlyKind.OTHER_US_ONLY


def eu_for_eccn(eccn: Eccn, annex: AnnexI, ccl: CommerceControlList | None = None) -> Correspondence:
    """The Annex I entry with this ECCN's number, or why there is none."""
    if not eccn.is_ear99 and annex.get(eccn.base) is not None:
        note = f"Annex I {eccn.base} has the same (Wassenaar) number: compare the paragraphs"
        if eccn.paragraphs and eccn.paragraphs[0] == "z":
            note = f"{eccn}: a US-only .z paragraph (3A090/4A090 parameters); Annex I {eccn.base} has none"
        return Correspondence(str(eccn), eccn.base, UsOnlyKind.SHARED, note)
    kind = us_only_kind(eccn, ccl)
    return Correspondence(str(eccn), None, kind, f"{eccn}: {_WHY[kind]}")


def us_for_eu(code: EuCode, *ccls: CommerceControlList) -> Correspondence:
    """The ECCN with this Annex I code's number in any of ``ccls`` (the bundled versions), or a note that none has
    it (EU-only)."""
    if any(ccl.get(code.base) is not None for ccl in ccls):
        return Correspondence(
            str(code), code.base, UsOnlyKind.SHARED, f"ECCN {code.base} has the same number: compare the paragraphs"
        )
    return Correspondence(
        str(code), None, UsOnlyKind.EU_ONLY, f"{code.base}: no ECCN of this number in the bundled CCL (EU-only entry)"
    )
