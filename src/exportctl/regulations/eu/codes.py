"""EU control codes (Annex I of Regulation (EU) 2021/821) and the EU member states.

An Annex I code shares the Wassenaar layout of an ECCN: category digit, product group letter A-E, three digits
(``3B001``), then paragraph levels (``3B001.f.1.b``). Parsing is strict: anything else raises
:class:`~exportctl.errors.InputError` naming the field (``control`` unless the caller says otherwise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exportctl.errors import InputError

_CODE_RE = re.compile(r"^(?P<base>\d[A-Ea-e]\d{3})(?P<paras>(?:\.[A-Za-z0-9]{1,3})*)\.?$")

#: The 27 member states of the European Union (ISO 3166 alpha-2; Greece is GR here, EL in EU usage).
MEMBER_STATES: frozenset[str] = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)


@dataclass(frozen=True, slots=True)
class EuCode:
    """A parsed Annex I code: ``base`` (``3B001``) and the paragraph path below it (``("f", "1")``)."""

    base: str
    paragraphs: tuple[str, ...] = ()

    @property
    def category(self) -> str:
        return self.base[0]

    @property
    def product_group(self) -> str:
        return self.base[1]

    def within(self, other: EuCode) -> bool:
        """True when this code lies inside ``other`` (3B001.f.1 within 3B001.f and within 3B001)."""
        return self.base == other.base and self.paragraphs[: len(other.paragraphs)] == other.paragraphs

    def encloses(self, other: EuCode) -> bool:
        """True when ``other`` lies strictly inside this code (3B001 encloses 3B001.f)."""
        return other.within(self) and len(other.paragraphs) > len(self.paragraphs)

    def __str__(self) -> str:
        return ".".join((self.base, *self.paragraphs))


def parse_eu_code(text: str, *, field: str = "control") -> EuCode:
    """``3b001.C`` → ``EuCode("3B001", ("c",))``; a trailing period is allowed (``3A001.a.3.``)."""
    raw = text.strip() if isinstance(text, str) else ""
    match = _CODE_RE.match(raw)
    if match is None:
        raise InputError(
            f"malformed EU control code {text!r}: expected a digit, a product group A-E, three digits and optional "
            "paragraphs (e.g. 3B001.f.1, 5A002.a.2)",
            field=field,
        )
    paragraphs = tuple(p.lower() for p in match["paras"].split(".")[1:])
    return EuCode(match["base"].upper(), paragraphs)


def is_member_state(iso2: str) -> bool:
    return iso2 in MEMBER_STATES
