"""Stable ids for list entries whose source has no id of its own.

Snapshots of the same list must give the same party the same ``source_id``, so that diffs show "changed" rather
than "removed + added". Where the source has no id (Entity List, DPL, MEU, FCC) the id is derived from content that
rarely changes: the normalised primary name, plus the ISO country where the source's country is reliable.
Normalisation folds case, accents, scripts (anyascii) and punctuation, so "AL-NASER  AIRLINES" and
"Al Naser Airlines" give the same key.

True duplicates (same key twice in one file, e.g. one DPL row per address of a denied person) get a suffix from a
short hash of a tie-break text (the first address line); rows identical even in that get "~2", "~3" in file order.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from anyascii import anyascii

_MAX_SLUG = 80


def normalise_name(name: str) -> str:
    """Lower-case ASCII words of ``name`` joined by single spaces ("Huawei Technologies Co., Ltd." → "huawei…")."""
    ascii_text = anyascii(name).lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text).split())


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def name_key(name: str, country: str | None = None) -> str:
    """A readable key: the name slug (hash-shortened when long), then ``@cc`` when a country is given."""
    normal = normalise_name(name) or short_hash(name)
    slug = normal.replace(" ", "-")
    if len(slug) > _MAX_SLUG:
        slug = f"{slug[: _MAX_SLUG - 9].rstrip('-')}-{short_hash(normal)}"
    return f"{slug}@{country.lower()}" if country else slug


def assign_ids(keys: Sequence[str], tiebreaks: Sequence[str]) -> list[str]:
    """Make ``keys`` unique: duplicated keys get ``~hash(tiebreak)``, remaining collisions ``~2``, ``~3``…"""
    counts = Counter(keys)
    first_pass = [
        key if counts[key] == 1 else f"{key}~{short_hash(normalise_name(tiebreak), 6)}"
        for key, tiebreak in zip(keys, tiebreaks, strict=True)
    ]
    seen: Counter[str] = Counter()
    result: list[str] = []
    for candidate in first_pass:
        seen[candidate] += 1
        result.append(candidate if seen[candidate] == 1 else f"{candidate}~{seen[candidate]}")
    return result
