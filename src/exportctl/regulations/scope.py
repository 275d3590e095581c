"""Which paragraphs of an ECCN one License Requirements row covers ("NS applies to entire entry except .y").

The CCL writes scope in prose. We recognise the common shapes — the entire entry, the entire entry except some
paragraphs, a list of paragraphs — and keep everything else as text that a person must read. Conditions in the
text ("when usable in missiles", "if being exported for use in…") make an otherwise matching paragraph a MAYBE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from exportctl.regulations.eccn import Eccn
from exportctl.regulations.paragraph_list import parse_paragraph_list
from exportctl.regulations.tristate import Applies

_OTHER_ECCN = re.compile(r"\b\d[A-E]\d{3}\b")
_BARE_PARAGRAPH = re.compile(r"(?<![\w.])([a-z]\.\d{1,2}(?:\.[a-z](?:\.\d{1,2})?)?)(?![\w])")
_LEFTOVER_REFERENCE = re.compile(r"(?<![\w])\.\w")
_CONDITION = re.compile(r"\b(when|if|unless|usable|for use in|being exported|regardless)\b", re.IGNORECASE)


class ScopeKind(StrEnum):
    ENTIRE = "entire"
    ENTIRE_EXCEPT = "entire_except"
    PARAGRAPHS = "paragraphs"
    UNPARSED = "unparsed"  # refers to other ECCNs or to item properties: a person must read it


@dataclass(frozen=True, slots=True)
class ParagraphScope:
    kind: ScopeKind
    paragraphs: tuple[tuple[str, ...], ...]  # included (PARAGRAPHS) or excepted (ENTIRE_EXCEPT)
    conditional: bool
    text: str
    conditional_paragraphs: frozenset[tuple[str, ...]] = frozenset()  # excepted only under a condition
    carved_out: tuple[tuple[str, ...], ...] = ()  # PARAGRAPHS: "(except .b.5)" inside the list

    def applies_to(self, item: Eccn) -> Applies:
        """Does this row cover ``item``? Entry-level items (no paragraph) count as covered by "entire entry"."""
        if self.kind is ScopeKind.UNPARSED:
            return Applies.MAYBE
        inside = any(item.paragraphs[: len(p)] == p for p in self.paragraphs)
        overlaps = any(p[: len(item.paragraphs)] == item.paragraphs for p in self.paragraphs)
        if self.kind is ScopeKind.ENTIRE:
            return Applies.MAYBE if self.conditional else Applies.YES
        if self.kind is ScopeKind.ENTIRE_EXCEPT:
            if inside:
                conditional = any(item.paragraphs[: len(p)] == p for p in self.conditional_paragraphs)
                return Applies.MAYBE if conditional else Applies.NO
            return Applies.YES  # entry-level item: the exception covers only named paragraphs
        if any(item.paragraphs[: len(p)] == p for p in self.carved_out):
            return Applies.NO
        if inside:
            return Applies.MAYBE if self.conditional else Applies.YES
        return Applies.MAYBE if overlaps else Applies.NO


def _paragraphs(eccn: str, text: str) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]] | None:
    """(included, excepted) paragraph paths named in ``text``; None when a reference is left that no list read.

    Raises :class:`~exportctl.regulations.paragraph_list.ParagraphListError` for a list item it cannot expand.
    """
    base = eccn
    found: list[tuple[str, ...]] = []
    excepted: list[tuple[str, ...]] = []
    rest: list[str] = []
    pos = 0
    while (plist := parse_paragraph_list(eccn, base, text, pos)) is not None:
        start = plist.start
        rest.append(text[pos:start])
        found.extend(p for p in plist.included if p not in found)
        excepted.extend(p for p in plist.excepted if p not in excepted)
        if not plist.included:  # nothing read at the list start: keep the reference for the leftover check
            rest.append(text[start : plist.end + 2])
            pos = plist.end + 2
            continue
        pos = plist.end
    rest.append(text[pos:])
    leftover = " ".join(rest)
    for regex in (re.compile(rf"\b{re.escape(base)}\.[a-z0-9]"), _BARE_PARAGRAPH, _LEFTOVER_REFERENCE):
        if regex.search(leftover):
            return None
    return tuple(found), tuple(excepted)


def parse_scope(base: str, control_text: str) -> ParagraphScope:
    """Parse the "Control(s)" cell of one row of ``base``'s License Requirements table."""
    text = control_text.strip()
    conditional = bool(_CONDITION.search(text))
    if any(code != base for code in _OTHER_ECCN.findall(text)):
        return ParagraphScope(ScopeKind.UNPARSED, (), conditional, text)
    lowered = text.lower()
    if "entire entry" in lowered:
        _, _, after = lowered.partition("entire entry")
        if "except" in after:
            clauses = text[lowered.index("except", lowered.index("entire entry")) :].split(";")
            parsed = [(_paragraphs(base, clause), bool(_CONDITION.search(clause))) for clause in clauses]
            if parsed and all(paths is not None and not paths[1] for paths, _ in parsed):
                excepted = tuple(p for paths, _ in parsed for p in (paths[0] if paths else ()))
                iffy = frozenset(p for paths, cond in parsed if cond for p in (paths[0] if paths else ()))
                return ParagraphScope(ScopeKind.ENTIRE_EXCEPT, excepted, conditional, text, iffy)
            return ParagraphScope(ScopeKind.UNPARSED, (), conditional, text)
        return ParagraphScope(ScopeKind.ENTIRE, (), conditional, text)
    parsed_list = _paragraphs(base, text)
    if parsed_list and parsed_list[0]:
        included, carved = parsed_list
        return ParagraphScope(ScopeKind.PARAGRAPHS, included, conditional, text, carved_out=carved)
    return ParagraphScope(ScopeKind.UNPARSED, (), conditional, text)
