"""Export Control Classification Numbers: parsing and paragraph containment.

An ECCN is five characters — category digit, product group letter, three digits (``5A992``) — optionally followed
by paragraph levels (``5A992.c``, ``3A001.b.4.b``). ``EAR99`` is the basket for items subject to the EAR but not on
the CCL (15 CFR 734.3(c)). Two family designations are accepted because the EAR uses them in running text: the
"600 series"/"515" families written with a lower-case ``x`` (``9x515``, ``0x521``) and the ``0Y521`` series; they name
a family, not an entry, so a determination cannot use them without a specific classification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exportctl.errors import InputError

_ECCN_RE = re.compile(r"^(?P<cat>\d)(?P<group>[A-Ea-e]|[xX]|Y)(?P<num>\d{3})(?P<paras>(?:\.[A-Za-z0-9]{1,3})*)$")


@dataclass(frozen=True, slots=True)
class Eccn:
    """A parsed ECCN. ``base`` is the five-character entry (``5A992``); ``paragraphs`` the path below it."""

    base: str
    paragraphs: tuple[str, ...] = ()

    @property
    def is_ear99(self) -> bool:
        return self.base == "EAR99"

    @property
    def is_family(self) -> bool:
        """True for family designations (``9x515``, ``0Y521``) that do not name one CCL entry."""
        return not self.is_ear99 and self.base[1] in "xY"

    @property
    def category(self) -> int | None:
        return None if self.is_ear99 else int(self.base[0])

    @property
    def product_group(self) -> str | None:
        return None if self.is_ear99 or self.is_family else self.base[1]

    @property
    def is_600_series(self) -> bool:
        """Items moved from the USML (``x6xx``, 15 CFR 772.1 "600 series")."""
        return not self.is_ear99 and self.base[2] == "6"

    @property
    def is_x515(self) -> bool:
        return not self.is_ear99 and self.base[2:] == "515"

    @property
    def is_x521(self) -> bool:
        """The 0Y521 series: items temporarily controlled under 15 CFR 742.6(a)(8)."""
        return not self.is_ear99 and self.base[2:] == "521"

    def within(self, base: str, paragraphs: tuple[str, ...]) -> bool:
        """True when this item lies inside ``base`` + ``paragraphs`` (e.g. 5A992.c.1 within 5A992.c)."""
        return self.base == base and self.paragraphs[: len(paragraphs)] == paragraphs

    def __str__(self) -> str:
        return ".".join((self.base, *self.paragraphs))


def parse_eccn(text: str) -> Eccn:
    """Parse an ECCN such as ``EAR99``, ``3A090.a``, ``5A992.c``, ``9A515.x``, ``0Y521``, ``9x515``.

    Category digit, product group letter and number are normalised to upper case (``5a992`` → ``5A992``) and
    paragraph letters to lower case. Raises :class:`InputError` with ``field="eccn"`` for anything else.
    """
    raw = text.strip() if isinstance(text, str) else ""
    if raw.upper() == "EAR99":
        return Eccn("EAR99")
    match = _ECCN_RE.match(raw)
    if match is None:
        raise InputError(
            f"malformed ECCN {text!r}: expected EAR99 or a digit, a product group A-E, three digits and optional "
            "paragraphs (e.g. 5A992.c, 3A090.a, 0Y521)",
            field="eccn",
        )
    group = match["group"]
    group = "x" if group in "xX" else group.upper()
    paragraphs = tuple(p.lower() for p in match["paras"].split(".")[1:])
    return Eccn(f"{match['cat']}{group}{match['num']}", paragraphs)
