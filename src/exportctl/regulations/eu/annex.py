"""Annex I of Regulation (EU) 2021/821 (the EU dual-use list) as bundled: control entries with their paragraphs.

The bundled JSON (``exportctl/data/eu``, consolidated version 02021R0821-20251115) holds each entry's verbatim text,
one line per paragraph, note or technical note, each line opening with its code (``3B001.f.1 Align and expose…``,
``3B001.e Note: …``). :func:`parse_entry` turns those lines into :class:`Paragraph` objects keyed by their path;
notes stay attached to the paragraph they follow. Paragraphs reading "Not used" are kept and marked, so a code that
names one is explained, not silently accepted. The GEAs (Annex II) are parsed in :mod:`.gea`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from exportctl.regulations.eu.codes import EuCode
from exportctl.regulations.eu.gea import CommonExclusions, Gea, parse_common_exclusions, parse_geas
from exportctl.regulations.provenance import DatasetInfo

EU_DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "eu"
ANNEX_FILE = "dual_use_annex_i_2025-11-15.json"

ANNEX_I = DatasetInfo(
    name="eu_annex_i",
    citation="Regulation (EU) 2021/821, Annex I (list of dual-use items) and Annex II (Union general export "
    "authorisations EU001-EU008)",
    file=f"eu/{ANNEX_FILE}",
    source=(
        "consolidated version 02021R0821-20251115 from EUR-Lex, as JSON in github rikiosso/exports-watch "
        "data/annex.json (file commit 0fb5427ea885af2f284f7ad6b025376ac4ffdc11), retrieved 2026-08-18"
    ),
    content_from=date(2025, 11, 15),
    content_to=date(2026, 8, 18),
    notes="384 entries 0A001-9E102 with verbatim text; GEAs EU001-EU008; no Annex IV; no national lists or sanctions.",
)

_LINE = re.compile(r"^(?P<base>\d[A-E]\d{3})(?P<path>(?:\.[a-z0-9]+)*)\.?\s+(?P<text>.*)$", re.DOTALL)
_NOTE = re.compile(r"^(?:Notes?\b|N\.\s?B\.|Technical Notes?\b|Nota\b)", re.IGNORECASE)
_NOT_USED = re.compile(r"^Not used\s*[;.:]?\s*$", re.IGNORECASE)


class AnnexFormatError(ValueError):
    """The bundled Annex I file does not have the layout this parser reads (names the entry and line)."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a control entry (``path`` () is the entry's heading)."""

    path: tuple[str, ...]
    text: str
    notes: tuple[str, ...] = ()

    @property
    def not_used(self) -> bool:
        return bool(_NOT_USED.match(self.text))


@dataclass(frozen=True, slots=True)
class ControlEntry:
    """One Annex I entry (``3B001``) with its paragraphs in text order, keyed by path."""

    code: str
    category: str
    paragraphs: Mapping[tuple[str, ...], Paragraph]
    verbatim_text: str

    @property
    def heading(self) -> str:
        return self.paragraphs[()].text

    @property
    def product_group(self) -> str:
        return self.code[1]

    def paragraph(self, path: tuple[str, ...]) -> Paragraph | None:
        return self.paragraphs.get(path)

    def children(self, path: tuple[str, ...]) -> list[Paragraph]:
        n = len(path) + 1
        return [p for key, p in self.paragraphs.items() if len(key) == n and key[:-1] == path]

    def has_below(self, path: tuple[str, ...]) -> bool:
        """True when some paragraph lies at or below ``path`` (a path naming a heading of sub-paragraphs)."""
        n = len(path)
        return any(key[:n] == path for key in self.paragraphs)


@dataclass(frozen=True, eq=False)
class AnnexI:
    """The bundled Annex I, the GEAs and the texts the determination cites. Compared by identity (cache key)."""

    entries: Mapping[str, ControlEntry]
    geas: tuple[Gea, ...]
    common_exclusions: CommonExclusions
    docs: Mapping[str, str]  # doc_type -> verbatim text (article_4, article_5, definitions…)
    attribution: str
    corpus_version: str
    info: DatasetInfo = ANNEX_I

    def get(self, base: str) -> ControlEntry | None:
        return self.entries.get(base)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[ControlEntry]:
        return iter(self.entries.values())

    def gea(self, code: str) -> Gea:
        return next(g for g in self.geas if g.code == code)

    def resolve(self, code: EuCode) -> tuple[ControlEntry | None, Paragraph | None]:
        """The entry and (when a path is given) the paragraph ``code`` names; None where the Annex has none."""
        entry = self.entries.get(code.base)
        if entry is None:
            return None, None
        return entry, entry.paragraph(code.paragraphs)


def parse_entry(record: Mapping[str, Any]) -> ControlEntry:
    """One JSON entry → :class:`ControlEntry`. Continuation lines (a table row, a sentence the source split) join
    the paragraph they follow; a line whose code is another entry's is a format error."""
    code = str(record["entry_code"])
    paragraphs: dict[tuple[str, ...], Paragraph] = {}
    last: tuple[str, ...] | None = None
    for number, line in enumerate(str(record["verbatim_text"]).split("\n"), start=1):
        match = _LINE.match(line.strip())
        if match is None or match["base"] != code:
            raise AnnexFormatError(f"{ANNEX_FILE}: entry {code} line {number}: line does not open with {code}")
        path = tuple(match["path"].split(".")[1:])
        text = match["text"].strip()
        if _NOTE.match(text):
            key = path if path in paragraphs else (last if last is not None else ())
            if key in paragraphs:
                p = paragraphs[key]
                paragraphs[key] = Paragraph(p.path, p.text, (*p.notes, text))
                continue
            # a note on a path with no paragraph of its own (e.g. "1C010.1 Note 2"): attach to the previous one
            raise AnnexFormatError(f"{ANNEX_FILE}: entry {code} line {number}: note before any paragraph")
        if path in paragraphs:  # a continuation of that paragraph (table rows, split sentences)
            p = paragraphs[path]
            paragraphs[path] = Paragraph(p.path, f"{p.text}\n{text}", p.notes)
        else:
            paragraphs[path] = Paragraph(path, text)
        last = path
    if () not in paragraphs:
        raise AnnexFormatError(f"{ANNEX_FILE}: entry {code}: no heading line")
    return ControlEntry(code, str(record["category"]), paragraphs, str(record["verbatim_text"]))


def parse_annex(data: Mapping[str, Any]) -> AnnexI:
    """Parse the whole bundled file (entries, GEAs, common exclusions, documents)."""
    entries: dict[str, ControlEntry] = {}
    for record in data["entries"]:
        entry = parse_entry(record)
        if entry.code in entries:
            raise AnnexFormatError(f"{ANNEX_FILE}: entry {entry.code} appears twice")
        entries[entry.code] = entry
    if len(entries) != int(data["entry_count"]):
        raise AnnexFormatError(f"{ANNEX_FILE}: {len(entries)} entries parsed, entry_count says {data['entry_count']}")
    docs: dict[str, str] = {}
    for doc in data["docs"]:
        kind = str(doc["doc_type"])
        docs[kind] = f"{docs[kind]}\n{doc['verbatim_text']}" if kind in docs else str(doc["verbatim_text"])
    return AnnexI(
        entries=entries,
        geas=parse_geas(data["geas"]),
        common_exclusions=parse_common_exclusions(str(data["gea_common_list"])),
        docs=docs,
        attribution=str(data["attribution"]),
        corpus_version=str(data["corpus_version"]),
    )


@lru_cache(maxsize=1)
def load_annex_i() -> AnnexI:
    """Load (once per process) the bundled Annex I."""
    data = json.loads((EU_DATA_DIR / ANNEX_FILE).read_text(encoding="utf-8"))
    return parse_annex(data)
