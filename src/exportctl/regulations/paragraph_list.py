"""Reading the paragraph lists of the CCL's License Requirements rows, every item of them.

The CCL writes a row's scope as a list: "3B001.a.1 to a.3, b, e, f.2 to f.4, g to j", "3B002.a and b",
"9E003.a.1 through a.8, .h, .i, and .l", "1C351.d.15 and .16", "5A001.b (except .b.5), .c". A list starts at the
first reference written with the entry's number (``3B001.a``) or with a leading dot (``.a``); after that, items are
separated by commas, "and" or "or", and may be bare (``b``), dotted (``.b``), relative (``.16`` after ``d.15``),
or ranges ("to", "through") whose ends differ in their last level only. A range we cannot expand raises
:class:`ParagraphListError` naming the entry and the text: a paragraph is never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exportctl.errors import DataIntegrityError

_PATH = r"[a-z](?:\.(?:\d{1,2}|[a-z]))*"
_ITEM = re.compile(rf"\.?(?P<start>{_PATH}|\d{{1,2}})(?:\s+(?:to|through)\s+\.?(?P<end>{_PATH}|\d{{1,2}}))?")
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+)")
_CARVE_OUT = re.compile(r"\s*\(except\s+(?P<body>[^)]*)\)")
# What may follow a paragraph item: a separator, the end, or words that end the list.
_ENDING_WORDS = r"and|or|of|when|that|only|for|in|which|is|are|if|except|unless"
_ITEM_END = re.compile(rf"(?=\s*(?:$|,|\(|\)|;|:|\s(?:{_ENDING_WORDS})\b))")

# The list's first item, written with the entry number or a dot, may be followed by any word ("9B604.d "specially…").
_EXPLICIT_END = re.compile(r"(?![\w.])")


class ParagraphListError(DataIntegrityError):
    """A CCL paragraph list (a range or item) that could not be read: the data or the parser must be fixed."""


@dataclass(frozen=True, slots=True)
class ParagraphList:
    """The paragraph paths a list names (``included``) and those it carves out in "(except …)" (``excepted``)."""

    included: tuple[tuple[str, ...], ...]
    excepted: tuple[tuple[str, ...], ...]
    start: int  # where the list starts in the text
    end: int  # where it ended


def _path(text: str) -> tuple[str, ...]:
    return tuple(text.split("."))


def _resolve(token: str, previous: tuple[str, ...] | None) -> tuple[str, ...]:
    """``.16`` after ``d.15`` is ``d.16``; anything starting with a letter is a full path."""
    if token[0].isdigit():
        if previous is None or not previous[-1].isdigit():
            raise ValueError(f"relative paragraph {token!r} follows no numbered paragraph")
        return (*previous[:-1], token)
    return _path(token)


def _step(value: str) -> int:
    return int(value) if value.isdigit() else ord(value)


def expand_range(start: tuple[str, ...], end: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """``a.1 to a.3`` → a.1, a.2, a.3; ``g to j`` → g, h, i, j. The ends must differ in their last level only."""
    if len(end) < len(start) and end[0].isdigit() == start[-1].isdigit():  # "a.1 to 3"
        end = (*start[: len(start) - len(end)], *end)
    if len(start) != len(end) or start[:-1] != end[:-1]:
        raise ValueError(f"range {'.'.join(start)} to {'.'.join(end)} spans levels")
    first, last = start[-1], end[-1]
    if first.isdigit() != last.isdigit() or _step(first) > _step(last):
        raise ValueError(f"range {'.'.join(start)} to {'.'.join(end)} is not ascending within one level")
    values = range(_step(first), _step(last) + 1)
    return tuple((*start[:-1], str(v) if first.isdigit() else chr(v)) for v in values)


def _list_start(base: str, text: str) -> re.Match[str] | None:
    return re.search(rf"(?:\b{re.escape(base)}\.|(?<![\w.])\.)(?={_PATH}\b)|\b{re.escape(base)}\s+\.(?=[a-z])", text)


def parse_paragraph_list(eccn: str, base: str, text: str, start: int = 0) -> ParagraphList | None:
    """The first paragraph list of ``text`` at or after ``start``; None when there is none.

    Raises :class:`ParagraphListError` when a list item is a range that cannot be expanded.
    """
    found = _list_start(base, text[start:])
    if found is None:
        return None
    pos = start + found.end()
    included: list[tuple[str, ...]] = []
    excepted: list[tuple[str, ...]] = []
    previous: tuple[str, ...] | None = None
    while True:
        while text.startswith(f"{base}.", pos):
            pos += len(base) + 1
        item = _ITEM.match(text, pos)
        if item is None:
            break
        if not _ITEM_END.match(text, item.end()) and (included or not _EXPLICIT_END.match(text, item.end())):
            break  # a later bare letter must be followed by a separator: "and a license" is not paragraph .a
        try:
            first = _resolve(item["start"], previous)
            paths = expand_range(first, _resolve(item["end"], first)) if item["end"] else (first,)
        except ValueError as error:
            raise ParagraphListError(f"CCL {eccn}: cannot read paragraph list {text!r}: {error}") from None
        included.extend(p for p in paths if p not in included)
        previous = paths[-1]
        pos = item.end()
        carve = _CARVE_OUT.match(text, pos)
        if carve:
            inner = parse_paragraph_list(eccn, base, f"{base}.{carve['body'].lstrip('.')}")
            if inner is None or inner.end != len(base) + 1 + len(carve["body"].lstrip(".")):
                break  # an exception in words ("for lead selenide based FPAs"): leave it for the caller to judge
            excepted.extend(inner.included)
            pos = carve.end()
        sep = _SEPARATOR.match(text, pos)
        if sep is None:
            break
        nxt = sep.end()
        if text.startswith(f"{base}.", nxt):
            nxt += len(base) + 1
        candidate = _ITEM.match(text, nxt)
        if candidate is None or not _ITEM_END.match(text, candidate.end()):
            break
        pos = sep.end()
    return ParagraphList(tuple(included), tuple(excepted), start + found.start(), pos)
