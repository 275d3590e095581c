"""The facts of one export under Regulation (EU) 2021/821, checked: the item (classified against Annex I), the
member state of export, the destination, parties, stated end use and date.

:func:`classify` answers "which Annex I item does this code name?" per regime: an Annex I code (or one of its
paragraphs); a paragraph Annex I marks "Not used"; a paragraph of a shared entry that Annex I does not have (a US-only
``.z`` or newer US paragraph); or a code Annex I does not have at all but the US CCL (or EAR99) does. A code neither
list knows raises :class:`~exportctl.errors.InputError` naming ``control``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from exportctl.determination.facts import Party, parse_date, parse_destination, parse_party
from exportctl.errors import InputError
from exportctl.regulations import Regulations, parse_eccn
from exportctl.regulations.eu import (
    AnnexI,
    Correspondence,
    EuCode,
    UsOnlyKind,
    eu_for_eccn,
    is_member_state,
    us_for_eu,
)
from exportctl.regulations.eu.codes import parse_eu_code


class ItemKind(StrEnum):
    ANNEX_I = "annex_i"  # the code names an Annex I entry or paragraph
    NOT_USED = "not_used"  # the code names a paragraph Annex I marks "Not used"
    OTHER_PARAGRAPH = "other_paragraph"  # a paragraph of a shared entry that Annex I lacks (US-only or newer)
    NOT_IN_ANNEX_I = "not_in_annex_i"  # no Annex I entry has this number (US-only, EAR99)


@dataclass(frozen=True, slots=True, eq=False)
class EuItem:
    """Compared and hashed by identity: :func:`classify` returns one object per code, so engine caches key on it
    cheaply."""

    code: str  # as normalised (3B001.c, EAR99)
    kind: ItemKind
    eu_code: EuCode | None  # for Annex I entries (also NOT_USED / OTHER_PARAGRAPH)
    text: str  # the Annex I paragraph (or heading) text, or why the code is not in Annex I
    correspondence: Correspondence | None = None

    @property
    def base(self) -> str:
        return self.eu_code.base if self.eu_code else self.code.split(".")[0]


@dataclass(frozen=True, slots=True)
class EuTransaction:
    item: EuItem
    origin: str  # ISO2 member state of export
    destination: str  # ISO2
    parties: tuple[Party, ...] = ()
    end_use: str | None = None
    date: date = date(1970, 1, 1)

    @property
    def intra_union(self) -> bool:
        return is_member_state(self.destination)


def _short(text: str, limit: int = 160) -> str:
    first = text.split("\n")[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"


def classify(control: str, annex: AnnexI, regulations: Regulations) -> EuItem:
    """Classify ``control`` against Annex I (see the module docstring); one object per code and data version."""
    return _classify((control or "").strip(), annex, regulations)


@lru_cache(maxsize=8192)
def _classify(raw: str, annex: AnnexI, regulations: Regulations) -> EuItem:
    if raw.upper() == "EAR99":
        corr = eu_for_eccn(parse_eccn("EAR99"), annex)
        return EuItem("EAR99", ItemKind.NOT_IN_ANNEX_I, None, corr.note, corr)
    code = parse_eu_code(raw) if not _family(raw) else None
    if code is None:  # 9x515, 0Y521: ECCN families, never Annex I
        eccn = parse_eccn(raw)
        corr = eu_for_eccn(eccn, annex, regulations.current_ccl)
        return EuItem(str(eccn), ItemKind.NOT_IN_ANNEX_I, None, corr.note, corr)
    entry = annex.get(code.base)
    ccl = regulations.current_ccl
    if entry is None:
        eccn = parse_eccn(str(code))
        if ccl.get(code.base) is None and regulations.ccl.get(code.base) is None:
            raise InputError(
                f"unknown control code {raw!r}: Annex I of Regulation (EU) 2021/821 has no entry {code.base} "
                f"(and neither has the US CCL); Annex I entries run 0A001-9E102",
                field="control",
            )
        corr = eu_for_eccn(eccn, annex, ccl)
        return EuItem(str(code), ItemKind.NOT_IN_ANNEX_I, None, corr.note, corr)
    paragraph = entry.paragraph(code.paragraphs)
    if paragraph is not None and not paragraph.not_used:
        corr = us_for_eu(code, ccl, regulations.ccl)
        return EuItem(str(code), ItemKind.ANNEX_I, code, _short(paragraph.text), corr)
    for n in range(len(code.paragraphs), -1, -1):  # a "Not used" paragraph (or entry) at or above the path
        above = entry.paragraph(code.paragraphs[:n])
        if above is not None and above.not_used:
            where = ".".join((code.base, *code.paragraphs[:n]))
            return EuItem(str(code), ItemKind.NOT_USED, code, f'{where} is "Not used" in Annex I')
    if ccl.get(code.base) is None:
        known = ", ".join(".".join(p.path) for p in entry.children(()))
        raise InputError(
            f"unknown EU control code {raw!r}: Annex I {code.base} has no paragraph {'.'.join(code.paragraphs)} "
            f"(its paragraphs: {known or 'none'})",
            field="control",
        )
    corr = eu_for_eccn(parse_eccn(str(code)), annex, ccl)
    return EuItem(
        str(code),
        ItemKind.OTHER_PARAGRAPH,
        code,
        f"Annex I {code.base} has no paragraph {'.'.join(code.paragraphs)} (the US CCL entry of the same number "
        "has paragraphs Annex I does not)",
        corr,
    )


def _family(raw: str) -> bool:
    return len(raw) >= 2 and raw[1] in "xXY"


def parse_origin(value: str | None, regulations: Regulations) -> str:
    if value is None or not value.strip():
        raise InputError("eu-dual-use needs the EU member state the export leaves from (--from, e.g. NL)", field="from")
    try:
        iso2, _region = parse_destination(value, regulations)
    except InputError:
        raise InputError(f"unknown country {value!r}: give an ISO 3166 alpha-2 code such as NL", field="from") from None
    if not is_member_state(iso2):
        raise InputError(
            f"{iso2} is not an EU member state: Regulation (EU) 2021/821 governs exports from the customs territory "
            "of the Union (Art. 2(2)); use --regime us-ear for exports from elsewhere",
            field="from",
        )
    return iso2


def make_eu_transaction(
    *,
    control: str,
    origin: str | None,
    destination: str,
    regulations: Regulations,
    annex: AnnexI,
    parties: Iterable[str | tuple[str, str] | tuple[str, str, str | None] | Party] = (),
    end_use: str | None = None,
    on: str | date | None = None,
) -> EuTransaction:
    """Check every field and build the EU transaction; the first bad field raises InputError naming it."""
    item = classify(control, annex, regulations)
    source = parse_origin(origin, regulations)
    iso2, _region = parse_destination(destination, regulations)
    if is_member_state(iso2) and item.kind is not ItemKind.ANNEX_I:
        raise InputError(
            f"{iso2} is an EU member state: Regulation (EU) 2021/821 controls exports leaving the Union (Art. 2(2)) "
            f"and, within it, transfers of Annex IV items only (Art. 11(1)); {item.code} is not an Annex I item — give "
            "a destination outside the EU",
            field="destination",
        )
    if iso2 == source:
        raise InputError(f"the destination {iso2} is the member state of export", field="destination")
    return EuTransaction(
        item=item,
        origin=source,
        destination=iso2,
        parties=tuple(parse_party(p) for p in parties),
        end_use=(end_use or "").strip() or None,
        date=parse_date(on),
    )


__all__ = ["EuItem", "EuTransaction", "ItemKind", "UsOnlyKind", "classify", "make_eu_transaction", "parse_origin"]
