"""The screening index: every primary name and alias of every entry, analysed once, with blocking keys.

A query must be scored against a *small* candidate set, not 20,000 names. Blocking works token by token: a query
token reaches the vocabulary tokens that are equal to it, one deletion away from it (SymSpell-style: covers a
dropped, doubled, transposed or substituted letter), sound the same (metaphone), or share its consonant skeleton
(Arabic script). Each reached token votes for the names that contain it with its rarity (IDF), so "Huawei" brings
its 30 names and "Technologies" — in thousands of names — is not used for blocking at all; the best-voted names are
the candidates. Each vocabulary word's votes are worked out once at build
(:class:`~exportctl.screening.match.VocabularyVotes`), so a query pays that only for words the lists do not have.
Everything is plain Python containers and a few flat numpy arrays, so the index pickles (Dask ships it once per
worker; the CLI caches it on disk per snapshot).
"""

from __future__ import annotations

import dataclasses
import gc
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import jellyfish
import numpy as np
import numpy.typing as npt

from exportctl.lists.model import EntryType, ListEntry
from exportctl.screening.equivalents import CHINESE_JURISDICTIONS, learn_equivalents
from exportctl.screening.gc_pause import cyclic_gc_paused
from exportctl.screening.normalize import LATIN, SKELETON, AnalyzedName, analyze
from exportctl.screening.scripts import skeleton

if TYPE_CHECKING:
    from exportctl.screening.match import VocabularyVotes

INDEX_FORMAT = 6  # bump whenever the index layout or the analysis changes: caches of another format are rebuilt
BLOCKING_MAX_DF = 400  # tokens in more names than this are too common to select candidates with
_MAX_ANALYSED_VARIANTS = 2  # list names in Chinese/Cyrillic/Arabic script: index the two best readings


def deletes(token: str) -> set[str]:
    """Every string one deletion away from ``token`` (for tokens of 4+ letters; shorter ones would match anything)."""
    if len(token) < 4:
        return set()
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


def trigrams(token: str) -> set[str]:
    """Character trigrams of a token padded with ``^``/``$`` (blocking for tokens with several typos)."""
    padded = f"^{token}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)} if len(token) >= 5 else set()


def phonetic(token: str) -> str:
    """Metaphone key of a token ("Koynov" and "Koynow" share KNF…); empty for digits."""
    return jellyfish.metaphone(token) if token.isalpha() and len(token) > 2 else ""


@dataclass
class ScreeningIndex:
    """Names of list entries with token statistics and blocking keys. Build with :meth:`build`."""

    entries: list[ListEntry]
    snapshot_key: str
    notes: tuple[str, ...] = ()  # what the caller should know about the data (e.g. as-of substitutions)
    format: int = INDEX_FORMAT
    name_entry: list[int] = field(default_factory=list)  # name id -> entry index
    name_text: list[str] = field(default_factory=list)
    name_forms: list[frozenset[str]] = field(default_factory=list)
    name_kind: list[str] = field(default_factory=list)
    name_tokens: list[tuple[int, ...]] = field(default_factory=list)  # name id -> token ids
    vocab: dict[str, int] = field(default_factory=dict)
    tokens: list[str] = field(default_factory=list)
    postings: list[list[int]] = field(default_factory=list)  # token id -> name ids, while building
    idf: list[float] = field(default_factory=list)
    token_phonetic: list[int] = field(default_factory=list)  # token id -> phonetic key id (-1: none)
    phonetic_ids: dict[str, int] = field(default_factory=dict)
    by_delete: dict[str, list[int]] = field(default_factory=dict)
    by_phonetic: dict[int, list[int]] = field(default_factory=dict)
    by_skeleton: dict[str, list[int]] = field(default_factory=dict)
    by_trigram: dict[str, list[int]] = field(default_factory=dict)
    edit_keys_built: bool = field(default=False, repr=False)  # by_delete and by_trigram (not pickled: rebuilt)
    token_skeleton: list[str] = field(default_factory=list)
    max_idf: float = 1.0
    equivalents: dict[str, tuple[str, ...]] = field(default_factory=dict)  # brand -> its learnt equivalents
    name_token_matrix: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros((0, 0), dtype=np.int32))
    idf_array: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    phonetic_array: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    postings_flat: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    postings_offsets: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    name_weight: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))  # sum of a name's token IDFs
    name_length: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    pad_token: int = 0
    token_has_digit: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool))
    name_entry_array: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    padded_tokens: list[str] = field(default_factory=list)
    padded_skeletons: list[str] = field(default_factory=list)
    padded_lengths: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    vocabulary_votes: VocabularyVotes | None = field(default=None, repr=False)  # see match.VocabularyVotes
    token_cache: dict[object, object] = field(default_factory=dict, repr=False)  # per process, never pickled

    @classmethod
    def build(cls, entries: Iterable[ListEntry], snapshot_key: str = "", notes: tuple[str, ...] = ()) -> ScreeningIndex:
        """Analyse every name of every entry and build postings, rarity weights and blocking keys."""
        # the entries' raw source fields are not needed to screen or explain, and would double the cached index
        kept = [dataclasses.replace(e, raw={}) if e.raw else e for e in entries]
        index = cls(entries=kept, snapshot_key=snapshot_key, notes=tuple(notes))
        with cyclic_gc_paused():
            for entry_no, entry in enumerate(index.entries):
                for name in entry.names:
                    index._add_name(entry_no, analyze(name))
            index._finish()
            # blocking is match's business (match builds on this module): its per-word work is done once, here
            from exportctl.screening.match import VocabularyVotes

            index.vocabulary_votes = VocabularyVotes.build(index)
        # one collection now moves the new objects to the oldest generation, rather than several during the first
        # queries (they would each walk the whole index: a 70 ms stall in one of them)
        gc.collect()
        return index

    def _add_name(self, entry_no: int, analyzed: AnalyzedName) -> None:
        for variant in analyzed.variants[:_MAX_ANALYSED_VARIANTS]:
            if variant.kind == SKELETON:
                continue
            ids = tuple(self._token_id(t) for t in variant.tokens)
            name_id = len(self.name_text)
            self.name_entry.append(entry_no)
            self.name_text.append(analyzed.text)
            self.name_forms.append(analyzed.forms)
            self.name_kind.append(variant.kind)
            self.name_tokens.append(ids)
            for token_id in set(ids):
                self.postings[token_id].append(name_id)

    def _token_id(self, token: str) -> int:
        token_id = self.vocab.get(token)
        if token_id is None:
            token_id = self.vocab[token] = len(self.tokens)
            self.tokens.append(token)
            self.postings.append([])
        return token_id

    def _finish(self) -> None:
        n_names = max(len(self.name_text), 1)
        self.idf = [math.log(1 + n_names / len(p)) for p in self.postings]
        self.max_idf = math.log(1 + n_names)
        self._learn_equivalents()
        self._build_edit_keys()
        for token_id, token in enumerate(self.tokens):
            code = phonetic(token)
            key_id = self.phonetic_ids.setdefault(code, len(self.phonetic_ids)) if code else -1
            self.token_phonetic.append(key_id)
            if key_id >= 0:
                self.by_phonetic.setdefault(key_id, []).append(token_id)
            skel = skeleton(token) if token.isalpha() else token
            self.token_skeleton.append(skel)
            if skel:
                self.by_skeleton.setdefault(skel, []).append(token_id)
        # names as a padded matrix of token ids; the pad is an extra empty token with weight 0
        self.pad_token = len(self.tokens)
        width = max((len(t) for t in self.name_tokens), default=1)
        matrix = np.full((len(self.name_tokens), width), self.pad_token, dtype=np.int32)
        for name_id, ids in enumerate(self.name_tokens):
            matrix[name_id, : len(ids)] = ids
        self.name_token_matrix = matrix
        self.name_entry_array = np.array(self.name_entry, dtype=np.int64)
        self.name_length = np.array([len(t) for t in self.name_tokens], dtype=np.int32)
        self.padded_tokens = [*self.tokens, ""]
        self.padded_skeletons = [*self.token_skeleton, ""]
        self.token_has_digit = np.array([any(ch.isdigit() for ch in t) for t in self.padded_tokens], dtype=bool)
        self.padded_lengths = np.array([len(t) for t in self.padded_tokens], dtype=np.int32)
        self.idf_array = np.array([*self.idf, 0.0], dtype=np.float64)
        self.name_weight = self.idf_array[matrix].sum(axis=1)
        self.phonetic_array = np.array([*self.token_phonetic, -1], dtype=np.int64)
        # postings as one array + offsets: a few arrays pickle and load far faster than 25,000 small ones
        self.postings_offsets = np.cumsum([0, *(len(p) for p in self.postings)], dtype=np.int64)
        self.postings_flat = np.array([n for p in self.postings for n in p], dtype=np.int32)
        self.postings = []

    def _learn_equivalents(self) -> None:
        """Brand equivalents from each Chinese organisation's Latin-script names (see :mod:`.equivalents`)."""
        chinese = [
            entry.entry_type != EntryType.INDIVIDUAL
            and bool({entry.country, *(a.country for a in entry.addresses)} & CHINESE_JURISDICTIONS)
            for entry in self.entries
        ]
        by_entry: dict[int, list[tuple[str, ...]]] = {}
        for name_id, entry_no in enumerate(self.name_entry):
            if self.name_kind[name_id] == LATIN and chinese[entry_no]:
                by_entry.setdefault(entry_no, []).append(tuple(self.tokens[t] for t in self.name_tokens[name_id]))
        frequency = {token: len(self.postings[token_id]) for token_id, token in enumerate(self.tokens)}
        elsewhere = {
            self.tokens[t]
            for name_id, ids in enumerate(self.name_tokens)
            if not chinese[self.name_entry[name_id]]
            for t in ids
        }
        names = (names for names in by_entry.values() if len(names) > 1)
        self.equivalents = learn_equivalents(names, frequency, elsewhere)

    def _build_edit_keys(self) -> None:
        """Deletion and trigram keys: cheap to derive from the vocabulary, so not pickled, and after a load built only
        when a query word is not in the vocabulary (known words' votes are precomputed): half a second saved on a
        command that screens only listed names."""
        by_delete: dict[str, list[int]] = {}
        by_trigram: dict[str, list[int]] = {}
        for token_id, token in enumerate(self.tokens):
            for key in deletes(token):
                by_delete.setdefault(key, []).append(token_id)
            for gram in trigrams(token):
                by_trigram.setdefault(gram, []).append(token_id)
        self.by_delete, self.by_trigram = by_delete, by_trigram  # whole: another thread sees old or new, never half
        self.edit_keys_built = True

    def postings_of(self, token_id: int) -> npt.NDArray[np.int32]:
        """The ids of the names that contain a token."""
        return self.postings_flat[self.postings_offsets[token_id] : self.postings_offsets[token_id + 1]]

    def document_frequency(self, token_id: int) -> int:
        return int(self.postings_offsets[token_id + 1] - self.postings_offsets[token_id])

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["token_cache"] = {}
        state["by_delete"] = state["by_trigram"] = {}
        state["edit_keys_built"] = False
        return state

    @property
    def name_count(self) -> int:
        return len(self.name_text)

    def similar_tokens(self, token: str) -> set[int]:
        """Vocabulary tokens a query token may stand for: equal, one edit, same sound."""
        if not self.edit_keys_built:
            self._build_edit_keys()
        found: set[int] = set()
        exact = self.vocab.get(token)
        if exact is not None:
            found.add(exact)
        found.update(self.by_delete.get(token, ()))  # the query dropped a letter
        for key in deletes(token):
            if key in self.vocab:
                found.add(self.vocab[key])  # the query added a letter
            found.update(self.by_delete.get(key, ()))  # substitution / transposition
        code = phonetic(token)
        if len(code) >= 3 and code in self.phonetic_ids:  # short codes (KN, TM) sound like half the vocabulary
            found.update(self.by_phonetic.get(self.phonetic_ids[code], ()))
        if exact is None:  # an unknown token: maybe several typos; tokens sharing half its trigrams
            grams = trigrams(token)
            shared: dict[int, int] = {}
            for gram in grams:
                for token_id in self.by_trigram.get(gram, ()):
                    shared[token_id] = shared.get(token_id, 0) + 1
            need = max(3, len(grams) // 3)
            found.update(token_id for token_id, count in shared.items() if count >= need)
        return found

    def skeleton_tokens(self, skel: str) -> set[int]:
        """Vocabulary tokens with the same consonant skeleton (for Arabic-script queries)."""
        found = set(self.by_skeleton.get(skel, ()))
        if len(skel) >= 3:
            for key in {skel[:i] + skel[i + 1 :] for i in range(len(skel))}:
                found.update(self.by_skeleton.get(key, ()))
        return found
