"""The screening index: every primary name and alias of every entry, analysed once, with blocking keys.

A query must be scored against a *small* candidate set, not 20,000 names. Blocking works token by token: a query
token reaches the vocabulary tokens that are equal to it, one deletion away from it (SymSpell-style: covers a
dropped, doubled, transposed or substituted letter), sound the same (metaphone), or share its consonant skeleton
(Arabic script). Each reached token votes for the names that contain it with its rarity (IDF), so "Huawei" brings
its 30 names and "Technologies" — in thousands of names — is not used for blocking at all; the best-voted names are
the candidates. Each vocabulary word's votes are worked out once at build
(:class:`VocabularyVotes`, here; :mod:`.blocking` uses them), so a query pays that only for words the lists do not have.
Everything is plain Python containers and a few flat numpy arrays, so the index pickles (Dask ships it once per
worker; the CLI caches it on disk per snapshot).
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import math
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from itertools import chain

import jellyfish
import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist, cpdist

from exportctl.lists.model import EntryType, ListEntry
from exportctl.screening import palladius, world_words
from exportctl.screening.acronyms import Acronyms, learn_acronyms
from exportctl.screening.alias_markers import named_parts
from exportctl.screening.designations import long_designation_spans, opening_short_name
from exportctl.screening.entry_kinds import ListedNames, known_kinds
from exportctl.screening.equivalents import CHINESE_JURISDICTIONS, learn_equivalents
from exportctl.screening.gc_pause import cyclic_gc_paused
from exportctl.screening.honorifics import HONORIFIC_WEIGHT, is_honorific
from exportctl.screening.legal_forms import split_legal_forms
from exportctl.screening.lexicon import is_russian_word, learn_lexicon
from exportctl.screening.normalize import (
    FUNCTION_WORDS,
    LATIN,
    SKELETON,
    AnalyzedName,
    NameVariant,
    analyze,
    fold_latin,
)
from exportctl.screening.person_names import MAX_POSITIONS, MIDDLE_NAME_SHARE, middle_name_mask
from exportctl.screening.same_party import Reading, learn_parties
from exportctl.screening.scripts import has_arabic, is_patronymic, skeleton
from exportctl.screening.similarity import (
    FLOOR_32,
    INITIAL_SIMILARITY,
    PHONETIC_MIN,
    PHONETIC_SIMILARITY,
    PREFIX_SIMILARITY,
    SHORT_FLOOR_32,
    SHORT_NAME_ONE_EDIT,
    is_initial,
)
from exportctl.screening.synonyms import SYNONYM_SIMILARITY, synonym_class
from exportctl.screening.trailing_country import country_code

INDEX_FORMAT = 128  # bump whenever the index layout or the analysis changes: caches of another format are rebuilt
DISTINCT_MAX_NAMES = 100  # a word in this many names or more is a common one (tech: 242; terra: 22)
BLOCKING_MAX_DF = 400  # tokens in more names than this are too common to select candidates with
_MAX_ANALYSED_VARIANTS = 2  # list names in Chinese/Cyrillic/Arabic script: index the two best readings


# one indexed reading of a name: text, legal forms, kind of reading, token ids, its distinct token ids
_NameRow = tuple[str, frozenset[str], str, tuple[int, ...], tuple[int, ...]]

_TRAILING_ACRONYM = re.compile(r"^(?P<name>.*\S)\s*\((?P<acronym>[A-Z][A-Z0-9&\-]{2,11})\)$")
_INNER_ACRONYM = re.compile(r"^(?P<name>.*\S)\s*\((?P<acronym>[A-Z][A-Z0-9&\-]{2,11})\)\s*(?P<rest>[^()]*\w[^()]*)$")
_INITIALS_SKIP = frozenset({"and", "of", "the", "for"})
ACRONYM_NOT_WORD = 6  # letters from which an English word in brackets is that word, not an acronym (ELVIS is one)
INITIALISM_LETTERS = (2, 6)  # the lengths of a one-word name that may be another name's initials


def _abbreviates(acronym: str, words: str) -> bool:
    """Whether the acronym's letters are initials of the words, in order, from the first word on ("XPCC":
    Xinjiang Production and Construction Corps; "CSIC": China Shipbuilding Industry Group Co.)."""
    initials = [w[0] for w in re.findall(r"[^\W_]+", words.casefold()) if w not in _INITIALS_SKIP]
    letters = [c for c in acronym.casefold() if c.isalpha()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    at = 0
    for letter in letters:
        while at < len(initials) and initials[at] != letter:
            at += 1
        if at == len(initials):
            return False
        at += 1
    return True


def acronym_parts(name: str) -> tuple[str, ...]:
    """A listed name ending in its acronym in parentheses, "National University of Defense Technology (NUDT)",
    is two names of one party: the words without the acronym (whose letters would otherwise count as a word the
    query lacks) and the acronym alone. An acronym inside a name that abbreviates the words before it, "Xinjiang
    Production and Construction Corps (XPCC) Public Security Bureau", gives the name without it and the acronym
    with the words after it ("XPCC Public Security Bureau"); "Kvantek (HK) Limited" abbreviates nothing and stays
    as it is, and a legal form in parentheses, "(FZC)", is no acronym, nor an English word ("(HOLDING)"); a country,
    "(UAE)", gives the name without it only. () for any other name."""
    stripped = name.strip()
    match = _TRAILING_ACRONYM.match(stripped)
    if match is not None:
        word = match["acronym"].casefold()
        if split_legal_forms([word])[1]:
            return ()  # "… (MSAS)(FZC)": a legal form, not the party's acronym
        if country_code(word):
            return (match["name"],)  # "Enerquip Ltd. (UAE)": the name, and where it is; no name "UAE"
        if len(word) >= ACRONYM_NOT_WORD and world_words.is_english_word(word):
            return ()  # "ELLISSA SAL (HOLDING)": a word of the name, not a second name "HOLDING"
        return (match["name"], match["acronym"])
    match = _INNER_ACRONYM.match(stripped)
    if match is None or not _abbreviates(match["acronym"], match["name"]):
        return ()
    rest = match["rest"].strip()
    return (f"{match['name']} {rest}", f"{match['acronym']} {rest}")


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


def _reweighted_words(text: str, words: tuple[str, ...], person: bool, country: str | None) -> tuple[int, int]:
    """A listed name's middle names (.person_names) and country's long name (:func:`_designation_bits`) among its
    words."""
    return (middle_name_mask(text, words, country) if person else 0), _designation_bits(words)


def _designation_bits(words: tuple[str, ...]) -> int:
    """The positions of the words of a country's long name among a name's words, as bits (0: none)."""
    return sum(
        1 << i
        for start, length in long_designation_spans(words)
        for i in range(start, start + length)
        if i < MAX_POSITIONS
    )


def _short_named(name: str) -> list[str]:
    """The name with the long name of the state that opens it read as the short name (.designations)."""
    short = opening_short_name(name)
    return [short] if short else []


def preload_query_tables() -> None:
    """Read the tables that queries consult (the world's words, the Palladius syllables) now, where a process gets its
    index, rather than in its first query."""
    world_words.preload()
    palladius.preload()


@dataclass
class ScreeningIndex:
    """Names of list entries with token statistics and blocking keys. Build with :meth:`build`."""

    entries: list[ListEntry]
    snapshot_key: str
    notes: tuple[str, ...] = ()  # what the caller should know about the data (e.g. as-of substitutions)
    unknown: dict[str, str] | None = None  # as-of index: entry id -> why the files cannot say it was listed then
    format: int = INDEX_FORMAT
    name_entry: list[int] = field(default_factory=list)  # name id -> entry index
    name_text: list[str] = field(default_factory=list)
    name_forms: list[frozenset[str]] = field(default_factory=list)
    name_kind: list[str] = field(default_factory=list)
    name_tokens: list[tuple[int, ...]] = field(default_factory=list)  # name id -> token ids
    vocab: dict[str, int] = field(default_factory=dict)
    usage: dict[str, int] = field(default_factory=dict)  # token -> how many names use it (choosing glosses)
    tokens: list[str] = field(default_factory=list)
    postings: list[list[int]] = field(default_factory=list)  # token id -> name ids, while building
    idf: list[float] = field(default_factory=list)
    token_phonetic: list[int] = field(default_factory=list)  # token id -> phonetic key id (-1: none)
    phonetic_ids: dict[str, int] = field(default_factory=dict)
    by_delete: dict[str, list[int]] = field(default_factory=dict)
    by_phonetic: dict[int, list[int]] = field(default_factory=dict)
    by_skeleton: dict[str, list[int]] = field(default_factory=dict)
    by_trigram: dict[str, npt.NDArray[np.int32]] = field(default_factory=dict)
    edit_keys_built: bool = field(default=False, repr=False)  # by_delete and by_trigram (not pickled: rebuilt)
    token_skeleton: list[str] = field(default_factory=list)
    # consonant skeleton -> the rarity of the names holding any word with those consonants: what a word read from
    # Arabic script (its vowels guessed) weighs when no listed spelling fits its vowelled pattern (compute_token_votes)
    skeleton_idf: dict[str, float] = field(default_factory=dict)
    max_idf: float = 1.0
    equivalents: dict[str, tuple[str, ...]] = field(default_factory=dict)  # brand -> its learnt equivalents
    lexicon: dict[str, str] = field(default_factory=dict)  # Russian word (BGN) -> English word, learnt (.lexicon)
    acronyms: Acronyms = field(default_factory=Acronyms)  # runs of words and their initialisms, learnt (.acronyms)
    hyphened: dict[str, tuple[str, ...]] = field(default_factory=dict)  # AL-QAIDA's "alqaida" -> (al, qaida)
    name_token_matrix: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros((0, 0), dtype=np.int32))
    # every pair of words that stand side by side in a listed name, as first × (pad + 1) + second, sorted
    adjacent_pairs: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    idf_array: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    phonetic_array: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    postings_flat: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    postings_offsets: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    name_weight: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))  # sum of a name's token IDFs
    name_function_weight: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))  # its function words'
    name_length: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    # the share of its rarity each word of a name keeps in how much of the name a query holds, for the names where
    # one is not 1 (a listed person's middle names, .person_names; a country's long name, which weighs as its
    # rarest word, .designations): name id -> row of word_shares (-1: every word in full)
    reweighted_row: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    word_shares: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros((0, 0)))
    pad_token: int = 0
    token_has_digit: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool))
    # name id -> whether the lists wrote it in Arabic script (read by the transliteration an Arabic query has too)
    arabic_name: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool))
    # name id -> a name of a few words (up to 5) that holds one word twice (ZHAO, Dong Dong; MATA MATA, Noel)
    name_repeats: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool))
    # name id -> a name of a person (its entry's type, or the type inferred for it: entry_kinds)
    person_name: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool))
    # name id -> a one-word name that is the initials of another name of its entry (KAI: Korea Automation Industry)
    initialism: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool))
    name_entry_array: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    entry_kinds: list[EntryType] = field(default_factory=list)  # entry index -> its type, or one inferred (entry_kinds)
    # entry index -> its party among several lists' entries (.same_party; NO_PARTY: none), and each party's entries
    party_of: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    parties: tuple[tuple[int, ...], ...] = ()
    padded_tokens: list[str] = field(default_factory=list)
    padded_skeletons: list[str] = field(default_factory=list)
    padded_lengths: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    padded_initials: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))  # first letter
    padded_synonyms: npt.NDArray[np.int16] = field(default_factory=lambda: np.zeros(0, dtype=np.int16))  # .synonyms
    function_word: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool))  # FUNCTION_WORDS
    world_word: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool))  # .world_words
    vocabulary_votes: VocabularyVotes | None = field(default=None, repr=False)
    token_cache: dict[object, object] = field(default_factory=dict, repr=False)  # per process, never pickled
    _synonyms_of: dict[int, list[int]] | None = field(default=None, repr=False)  # class -> token ids, when first asked

    @classmethod
    def build(
        cls,
        entries: Iterable[ListEntry],
        snapshot_key: str = "",
        notes: tuple[str, ...] = (),
        unknown: dict[str, str] | None = None,
    ) -> ScreeningIndex:
        """Analyse every name of every entry and build postings, rarity weights and blocking keys."""
        # the entries' raw source fields are not needed to screen or explain, and would double the cached index
        kept = [_without_raw(e) if e.raw else e for e in entries]
        index = cls(entries=kept, snapshot_key=snapshot_key, notes=tuple(notes), unknown=unknown)
        # the world's words are read now, not at the build's peak (index.world_word asks them): 18 MB less at it, and
        # the first query does not pay for them
        preload_query_tables()
        with cyclic_gc_paused():
            # consolidated lists repeat names (the CSL copies the Entity List, the UK list the UN's): a name is
            # analysed once (analysis is a pure function of the text) and its readings reused for every copy
            analysed: dict[str, list[_NameRow]] = {}
            for entry_no, entry in enumerate(index.entries):
                for name in entry.names:
                    rows = analysed.get(name)
                    if rows is None:
                        # "… Technology (NUDT)": the name, and the name and its acronym apart too; "X D/B/A Y":
                        # each name it holds (.alias_markers); "ISLAMIC REPUBLIC OF IRAN X" as "Iran X" (.designations)
                        parts = [
                            dataclasses.replace(analyze(part), text=name)
                            for part in (*acronym_parts(name), *named_parts(name), *_short_named(name))
                        ]
                        rows = analysed[name] = [row for a in (analyze(name), *parts) for row in index._rows(a)]
                    index._add_rows(entry_no, rows)
            index._learn_acronyms()  # the lists' own initialisms, read into queries (.acronyms)
            index._finish()
            index.hyphened = hyphened_words(analysed, index.vocab)
            index.vocabulary_votes = VocabularyVotes.build(index)
        # one collection now moves the new objects to the oldest generation, rather than several during the first
        # queries (they would each walk the whole index: a 70 ms stall in one of them)
        gc.collect()
        return index

    def _learn_parties(self) -> tuple[npt.NDArray[np.int32], tuple[tuple[int, ...], ...]]:
        """One party's entries on several lists (.same_party), by the Latin-script readings of each entry's names:
        an organisation's primary name, a person's every name."""
        readings: list[list[Reading]] = [[] for _ in self.entries]
        primaries = [entry.primary_name for entry in self.entries]
        person = [kind == EntryType.INDIVIDUAL for kind in self.entry_kinds]
        for row, (entry_no, kind) in enumerate(zip(self.name_entry, self.name_kind, strict=True)):
            if kind != LATIN:
                continue
            primary = self.name_text[row] == primaries[entry_no]
            if primary or person[entry_no]:
                readings[entry_no].append((self.name_tokens[row], primary))
        return learn_parties(self.entries, self.entry_kinds, readings)

    def _initialisms(self) -> npt.NDArray[np.bool_]:
        """Which names are one word that spells the initials of another name of the same entry: an initialism, read
        letter by letter (KAI for Korea Automation Industry, SAMI for State Authority for Military Industry)."""
        found = np.zeros(len(self.name_tokens), dtype=bool)
        for name_id in np.flatnonzero(self.name_length == 1).tolist():
            word = self.tokens[self.name_tokens[name_id][0]]
            if INITIALISM_LETTERS[0] <= len(word) <= INITIALISM_LETTERS[1] and word.isalpha():
                names = self.entries[self.name_entry[name_id]].names
                found[name_id] = any(len(name.split()) > 1 and _abbreviates(word, name) for name in names)
        return found

    def _rows(self, analyzed: AnalyzedName) -> list[_NameRow]:
        """The indexed readings of an analysed name (its tokens as ids: new tokens join the vocabulary)."""
        rows: list[_NameRow] = []
        for variant in analyzed.variants[:_MAX_ANALYSED_VARIANTS]:
            if variant.kind == SKELETON:
                continue
            ids = tuple(self._token_id(t) for t in variant.tokens)
            rows.append((analyzed.text, analyzed.forms, variant.kind, ids, tuple(set(ids))))
        return rows

    def _add_rows(self, entry_no: int, rows: list[_NameRow]) -> None:
        for text, forms, kind, ids, distinct in rows:
            name_id = len(self.name_text)
            self.name_entry.append(entry_no)
            self.name_text.append(text)
            self.name_forms.append(forms)
            self.name_kind.append(kind)
            self.name_tokens.append(ids)
            for token_id in distinct:
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
        self.idf = [
            math.log(1 + n_names / len(p)) * _word_weight(token)
            for token, p in zip(self.tokens, self.postings, strict=True)
        ]
        for token, weight in _initial_weights(self.tokens, self.name_tokens, n_names).items():
            self.idf[self.vocab[token]] = weight
        function_words = [self.vocab[w] for w in sorted(FUNCTION_WORDS) if w in self.vocab]
        if function_words:  # one weight for all (see FUNCTION_WORDS)
            least = min(self.idf[t] for t in function_words)
            for t in function_words:
                self.idf[t] = least
        self.max_idf = math.log(1 + n_names)
        self.usage = {token: len(p) for token, p in zip(self.tokens, self.postings, strict=True)}
        self._learn_equivalents()
        organisations = (e.names for e in self.entries if e.entry_type != EntryType.INDIVIDUAL)
        russian_token = [is_russian_word(token) for token in self.tokens]  # once per word, not per occurrence
        russian = [any(russian_token[t] for t in ids) for ids in self.name_tokens]
        other_words = {
            self.tokens[t]
            for name_id, ids in enumerate(self.name_tokens)
            if self.name_kind[name_id] == LATIN and not russian[name_id]
            for t in ids
        }
        self.lexicon = learn_lexicon(organisations, other_words)
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
        self.skeleton_idf = {
            skel: math.log(1 + n_names / max(_holders(self.postings, ids), 1)) for skel, ids in self.by_skeleton.items()
        }
        # names as a padded matrix of token ids; the pad is an extra empty token with weight 0
        self.pad_token = len(self.tokens)
        width = max((len(t) for t in self.name_tokens), default=1)
        matrix = np.full((len(self.name_tokens), width), self.pad_token, dtype=np.int32)
        self.name_length = np.array([len(t) for t in self.name_tokens], dtype=np.int32)
        cells = int(self.name_length.sum())
        # row by row, each name's ids then the pad: the cells before each row's length, in row-major order
        matrix[np.arange(width) < self.name_length[:, None]] = np.fromiter(
            chain.from_iterable(self.name_tokens), dtype=np.int32, count=cells
        )
        self.name_token_matrix = matrix
        ordered = np.sort(matrix, axis=1)
        twice = ((ordered[:, 1:] == ordered[:, :-1]) & (ordered[:, 1:] < self.pad_token)).any(axis=1)
        self.name_repeats = twice & (self.name_length <= REPEATS_WORDS)
        # the pairs are picked from the int32 matrix before widening: two int64 copies of it cost 130 MB at peak
        both = matrix[:, 1:] < self.pad_token  # a pad is only ever followed by pads: the left word is a word too
        left, right = matrix[:, :-1][both].astype(np.int64), matrix[:, 1:][both].astype(np.int64)
        self.adjacent_pairs = np.unique(left * (self.pad_token + 1) + right)
        self.name_entry_array = np.array(self.name_entry, dtype=np.int64)
        self.arabic_name = np.array([has_arabic(text) for text in self.name_text], dtype=bool)
        listed = ListedNames(self.name_entry, self.name_tokens, self.name_text, self.name_forms, self.vocab)
        kinds = known_kinds(self.entries, listed)
        self.entry_kinds = kinds.types
        self.party_of, self.parties = self._learn_parties()
        # names that are one given name and nothing else (MARTIN, NICOLAS: aliases of listed people, OFAC's "weak")
        given = np.zeros(len(self.tokens) + 1, dtype=bool)
        given[list(kinds.given_names)] = True
        one_word = self.name_length == 1
        self.given_name_only = one_word & given[matrix[:, 0]]
        # an organisation's name of one distinctive word among common ones (TERRA TECH, GROUP GRAND, ASCENT
        # HOLDINGS): another word the lists know is no misspelling of that word (scoring._aligned)
        self.common_word = np.array([len(p) >= DISTINCT_MAX_NAMES for p in self.postings] + [True], dtype=bool)
        persons = np.array([kind == EntryType.INDIVIDUAL for kind in self.entry_kinds], dtype=bool)
        self.person_name = persons[self.name_entry_array] if len(persons) else np.zeros(0, dtype=bool)
        distinct = (~self.common_word[matrix]).sum(axis=1)
        self.one_distinct_word = (self.name_length >= 2) & (distinct == 1) & ~self.person_name
        self.initialism = self._initialisms()
        self.padded_tokens = [*self.tokens, ""]
        self.padded_skeletons = [*self.token_skeleton, ""]
        self.token_has_digit = np.array([any(ch.isdigit() for ch in t) for t in self.padded_tokens], dtype=bool)
        self.padded_lengths = np.array([len(t) for t in self.padded_tokens], dtype=np.int32)
        self.padded_initials = np.array([ord(t[0]) if t else 0 for t in self.padded_tokens], dtype=np.int32)
        self.padded_synonyms = np.array([synonym_class(t) for t in self.padded_tokens], dtype=np.int16)
        self.function_word = np.array([t in FUNCTION_WORDS for t in self.padded_tokens], dtype=bool)
        self.world_word = np.array(
            [t.isalpha() and world_words.is_world_word(t) for t in self.padded_tokens], dtype=bool
        )
        self.idf_array = np.array([*self.idf, 0.0], dtype=np.float64)
        self._share_words(matrix)
        self.name_weight = self.idf_array[matrix].sum(axis=1)
        rows = np.flatnonzero(self.reweighted_row >= 0)
        reweighted = self.name_weights(rows, matrix[rows])
        self.name_weight[rows] = reweighted.sum(axis=1)
        function = self.function_word[matrix]  # what a name's function words weigh of it (without_function_words)
        self.name_function_weight = np.where(function, self.idf_array[matrix], 0.0).sum(axis=1)
        self.name_function_weight[rows] = np.where(function[rows], reweighted, 0.0).sum(axis=1)
        self.phonetic_array = np.array([*self.token_phonetic, -1], dtype=np.int64)
        # postings as one array + offsets: a few arrays pickle and load far faster than 25,000 small ones
        self.postings_offsets = np.cumsum([0, *(len(p) for p in self.postings)], dtype=np.int64)
        self.postings_flat = np.fromiter(
            chain.from_iterable(self.postings), dtype=np.int32, count=int(self.postings_offsets[-1])
        )
        self.postings = []

    def _share_words(self, matrix: npt.NDArray[np.int32]) -> None:
        """:attr:`word_shares` from each Latin reading's middle names and long country name: a middle name keeps
        :data:`.person_names.MIDDLE_NAME_SHARE`, a long country name's words max / sum of their rarities."""
        middle_bits: list[int] = []
        designation_bits: list[int] = []
        found: dict[tuple[str, tuple[int, ...], bool, str | None], tuple[int, int]] = {}
        for text, kind, ids, entry_no in zip(
            self.name_text, self.name_kind, self.name_tokens, self.name_entry, strict=True
        ):
            bits = (0, 0)
            if kind == LATIN:  # once for the copies of a name that consolidated lists repeat
                entry = self.entries[entry_no]
                person = entry.entry_type == EntryType.INDIVIDUAL
                key = (text, ids, person, entry.country)
                if key not in found:
                    words = tuple(self.tokens[t] for t in ids)
                    found[key] = _reweighted_words(text, words, person, entry.country)
                bits = found[key]
            middle_bits.append(bits[0])
            designation_bits.append(bits[1])
        middle = np.array(middle_bits, dtype=np.uint64)
        designation = np.array(designation_bits, dtype=np.uint64)
        held = np.flatnonzero((middle | designation) != 0)
        self.reweighted_row = np.full(len(middle), -1, dtype=np.int32)
        self.reweighted_row[held] = np.arange(len(held), dtype=np.int32)
        width = min(matrix.shape[1], MAX_POSITIONS)
        shift = np.arange(width, dtype=np.uint64)
        in_middle = ((middle[held][:, None] >> shift) & np.uint64(1)).astype(bool)
        in_designation = ((designation[held][:, None] >> shift) & np.uint64(1)).astype(bool)
        words = self.idf_array[matrix[held, :width]] * in_designation
        spread = words.max(axis=1) / np.maximum(words.sum(axis=1), 1e-9)  # the long name weighs as its rarest word
        self.word_shares = np.ones((len(held), matrix.shape[1]))
        self.word_shares[:, :width] = np.where(in_middle, MIDDLE_NAME_SHARE, 1.0) * np.where(
            in_designation, spread[:, None], 1.0
        )

    def name_weights(
        self, name_ids: npt.NDArray[np.int64], tokens_of: npt.NDArray[np.int32]
    ) -> npt.NDArray[np.float64]:
        """What each word of the names ``name_ids`` (their rows ``tokens_of`` of the token matrix) weighs in how
        much of the name a query holds: its rarity, and a share of it for a listed person's middle name and for a
        word of a country's long name (:attr:`word_shares`)."""
        weights: npt.NDArray[np.float64] = self.idf_array[tokens_of]  # a new array: changed in place below
        rows = self.reweighted_row[name_ids]
        held = rows >= 0
        if held.any():
            weights[held] *= self.word_shares[rows[held], : weights.shape[1]]
        return weights

    def _learn_acronyms(self) -> None:
        """Runs of words and their initialisms from organisations' names (see :mod:`.acronyms`)."""
        organisation = [entry.entry_type != EntryType.INDIVIDUAL for entry in self.entries]
        by_entry = self._readings_by_entry(lambda name_id, entry_no: organisation[entry_no])
        self.acronyms = learn_acronyms((self.entries[e].primary_name, names) for e, names in by_entry.items())

    def _readings_by_entry(self, kept: Callable[[int, int], bool]) -> dict[int, list[tuple[str, ...]]]:
        """Each entry's indexed readings (as words) that ``kept`` (name id, entry number) keeps."""
        by_entry: dict[int, list[tuple[str, ...]]] = {}
        for name_id, entry_no in enumerate(self.name_entry):
            if kept(name_id, entry_no):
                by_entry.setdefault(entry_no, []).append(tuple(self.tokens[t] for t in self.name_tokens[name_id]))
        return by_entry

    def _learn_equivalents(self) -> None:
        """Brand equivalents from each Chinese organisation's Latin-script names (see :mod:`.equivalents`)."""
        chinese = [
            entry.entry_type != EntryType.INDIVIDUAL
            and bool({entry.country, *(a.country for a in entry.addresses)} & CHINESE_JURISDICTIONS)
            for entry in self.entries
        ]
        by_entry = self._readings_by_entry(
            lambda name_id, entry_no: self.name_kind[name_id] == LATIN and chinese[entry_no]
        )
        # In how many distinct names a word stands: a name that consolidated lists repeat (the CSL's copy of an
        # Entity List entry, the UK list's copy of a UN one) is one name, not two.
        needed = {token for names in by_entry.values() for name in names for token in name}
        frequency = {
            token: len({self.name_tokens[name_id] for name_id in self.postings[self.vocab[token]]}) for token in needed
        }
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
        arrays = {gram: np.array(ids, dtype=np.int32) for gram, ids in by_trigram.items()}
        self.by_delete, self.by_trigram = by_delete, arrays  # whole: another thread sees old or new, never half
        self.edit_keys_built = True

    def side_by_side(self, first: str, second: str) -> bool:
        """Whether some listed name has these two words next to each other, in this order."""
        a, b = self.vocab.get(first), self.vocab.get(second)
        if a is None or b is None:
            return False
        pairs = self.__dict__.get("_pair_set")
        if pairs is None:  # a set of the sorted array's keys, built on first use (a lookup, not a binary search)
            pairs = self.__dict__["_pair_set"] = frozenset(self.adjacent_pairs.tolist())
        return a * (self.pad_token + 1) + b in pairs

    def postings_of(self, token_id: int) -> npt.NDArray[np.int32]:
        """The ids of the names that contain a token."""
        return self.postings_flat[self.postings_offsets[token_id] : self.postings_offsets[token_id + 1]]

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["token_cache"] = {}
        state["_synonyms_of"] = None
        state["by_delete"] = state["by_trigram"] = {}
        state["edit_keys_built"] = False
        state.pop("_by_prefix", None)
        state.pop("_pair_set", None)
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
        found.update(self.synonym_ids(token))  # another word of its class (.synonyms): iranian for iran
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
            holders = [self.by_trigram[gram] for gram in grams if gram in self.by_trigram]
            need = max(3, len(grams) // 3)
            if len(holders) >= need:  # counted in numpy: common trigrams ("ion") stand in thousands of words
                held = np.sort(np.concatenate(holders))  # a word in ``need`` lists is ``need`` times in a row
                tail = held[need - 1 :]
                found.update(tail[tail == held[: len(held) - need + 1]].tolist())  # the set drops repeats
        return found

    def synonym_ids(self, token: str) -> tuple[int, ...]:
        """The vocabulary's words of the token's synonym class (:mod:`.synonyms`), itself included; () for none."""
        number = synonym_class(token)
        if number < 0:
            return ()
        if self._synonyms_of is None:
            self._synonyms_of = {}
            for token_id, found in enumerate(self.padded_synonyms[: len(self.tokens)].tolist()):
                if found >= 0:
                    self._synonyms_of.setdefault(found, []).append(token_id)
        return tuple(self._synonyms_of.get(number, ()))

    def words_beginning(self, prefix: str) -> tuple[npt.NDArray[np.int64], int]:
        """The vocabulary tokens that begin with ``prefix`` (itself included), and how many names hold them (a sum
        over the tokens, so at most an overcount). The sorted vocabulary is built on first use: only a name cut at a
        field's length asks (:mod:`.truncation`)."""
        order = self.__dict__.get("_by_prefix")
        if order is None:
            ranked = sorted(range(len(self.tokens)), key=self.tokens.__getitem__)
            counts = np.diff(self.postings_offsets)[ranked]
            order = ([self.tokens[t] for t in ranked], np.array(ranked, dtype=np.int64), np.cumsum([0, *counts]))
            self.__dict__["_by_prefix"] = order
        texts, ids, cumulative = order
        lo = bisect.bisect_left(texts, prefix)
        hi = bisect.bisect_left(texts, prefix + "\U0010ffff", lo)
        return ids[lo:hi], int(cumulative[hi] - cumulative[lo])

    def skeleton_tokens(self, skel: str) -> set[int]:
        """Vocabulary tokens with the same consonant skeleton (for Arabic-script queries)."""
        found = set(self.by_skeleton.get(skel, ()))
        if len(skel) >= 3:
            for key in {skel[:i] + skel[i + 1 :] for i in range(len(skel))}:
                found.update(self.by_skeleton.get(key, ()))
        return found


_HYPHENS = "-‐‑–"  # hyphen-minus, hyphen, non-breaking hyphen, en dash (as the lists write compounds)
_HYPHENED = re.compile(rf"(?<![\w-])[^\W_]+(?:[{_HYPHENS}][^\W_]+)+(?![\w-])")
_MIN_HYPHENED = 5  # letters of a hyphened word written together: shorter ones are mostly codes (A-1, MG-3)


def hyphened_words(names: Iterable[str], vocab: Collection[str]) -> dict[str, tuple[str, ...]]:
    """The words the lists write with hyphens, as they would be written together: "alqaida" for AL-QAIDA, "mgflot"
    for MG-FLOT, "rttekhpriemka" for RT-TEKHPRIEMKA -> their parts as indexed. A query that drops the hyphen has one
    unknown word, which no cut into two words of 4+ letters (:mod:`.compounds`) gives back: "al" and "rt" are too
    short to cut off in general, but written so in a listed name they are its words. A joined form the vocabulary
    has as a word of its own is left out (it is found as itself); the first listed compound keeps a joined form."""
    found: dict[str, tuple[str, ...]] = {}
    for name in names:
        if not any(hyphen in name for hyphen in _HYPHENS):
            continue
        for compound in _HYPHENED.findall(name):
            parts = tuple(fold_latin(compound))
            joined = "".join(parts)
            if len(parts) >= 2 and len(joined) >= _MIN_HYPHENED and joined.isalpha() and joined not in vocab:
                found.setdefault(joined, parts)
    return found


def _without_raw(entry: ListEntry) -> ListEntry:
    """The entry without its raw source fields: a shallow copy (``dataclasses.replace`` would re-run ``__init__``,
    a second of the build for the 55,000 entries of the bundled lists)."""
    copy = object.__new__(ListEntry)
    copy.__dict__.update(entry.__dict__)
    copy.__dict__["raw"] = {}
    return copy


# a patronymic says less than a given name or surname (it is the father's given name) and is often left out of a
# query: "Alexey Miller" for MILLER, Alexey Borisovich
PATRONYMIC_WEIGHT = 0.5
# English articles, conjunctions and prepositions (normalize.FUNCTION_WORDS, a closed class): each weighs as the
# commonest of them, for a translation picks one as it pleases ("Islamic State in Iraq", "of Iraq"); by its own rarity
# "in" (5.8) weighed more than ISLAMIC (5.2), and "of" (3.7) less. A reading from a language that has none (Russian,
# Chinese), or from another script (whose translation drops them: normalize._unworded), is not asked for them
# (without_function_words)


def without_function_words(reading: NameVariant) -> bool:
    """Whether a reading comes from a script whose languages write no English function words (Russian, Chinese,
    Arabic: "Министерство обороны Российской Федерации" is read "ministry defense russian federation") and holds
    none: the listed name's "of" and "the" are then no words it left out. They weigh as the commonest of them
    (:data:`FUNCTION_WORDS`), 3.7 each: asked for, they took a fifth of the Ministry of Defence of the Russian
    Federation, whose Russian name then scored 0.76, and the UK's bare MINISTRY OF DEFENCE (Syria's) above it.
    Scoring and blocking's ranking leave them out of such a reading's share of the name found. Not for a consonant
    skeleton, which finds candidates and never decides alone: read so, جودي عويضة (a person) found THE VOICE OF
    JUDEA on two words' consonants."""
    return reading.kind not in (LATIN, SKELETON) and not any(t in FUNCTION_WORDS for t in reading.tokens)


# a title the query writes weighs half what a listed one does: registers write titles as courtesy ("Prof. 'ALI,
# Ahmad"), the lists where the person is known by one (AL-BAGHDADI, Sheikh); at the listed weight an unmatched title
# took a fifth of a name of two common words and dropped it from 1.0 to 0.86
QUERY_TITLE_SHARE = 0.5


def _holders(postings: list[list[int]], token_ids: list[int]) -> int:
    """How many names hold at least one of the words."""
    if len(token_ids) == 1:
        return len(postings[token_ids[0]])
    return len(set().union(*(postings[t] for t in token_ids)))


def _word_weight(token: str) -> float:
    """The share of its rarity a word keeps: less for a patronymic or a title (honorifics.HONORIFIC_WEIGHT)."""
    if is_patronymic(token):
        return PATRONYMIC_WEIGHT
    return HONORIFIC_WEIGHT if is_honorific(token) else 1.0


def _initial_weights(tokens: list[str], name_tokens: list[tuple[int, ...]], n_names: int) -> dict[str, float]:
    """The weight of each one-letter word: the rarity of names with *a word beginning with* that letter.

    A one-letter word is an initial: "A. S. ESSA" says that some words begin with A and S, which most names allow.
    Weighed as a rare word (few names hold the bare letter: "b" weighed 7.6, more than ALI at 4.2), the initials
    outweighed the surname, and "S. B. K. B. S. ELSSEID" matched B S COMPANY (0.78) on its letters."""
    holders: dict[str, int] = {t: 0 for t in tokens if is_initial(t)}
    if not holders:
        return {}
    first = [t[:1] for t in tokens]
    for ids in name_tokens:
        for letter in {first[t] for t in ids}:
            if letter in holders:
                holders[letter] += 1
    return {letter: math.log(1 + n_names / max(count, 1)) for letter, count in holders.items()}


REPEATS_WORDS = 5  # a listed name of up to this many words that repeats one is credited once per repetition

UNKNOWN_ROMANISED_WEIGHT = 1.0  # weight of an unknown token of a romanised reading, relative to the rarest token


def misspelling(token: str, listed: str, similarity: float) -> bool:
    """Whether an unknown word is a listed word misspelt, so weighs as that word: one edit in up to 8 letters, two in
    longer words, or a word of its synonym class. A word two edits from a common one is another word: "Lanjin" is no
    Nanjing (6.8 of 11.8) but a rare name, and it weighs as one: "Lanjin Electronic Network" is not the listed
    "Electronic Network Inc.", whose words are the query's commonest."""
    if similarity >= SYNONYM_SIMILARITY:
        return True
    longer = max(len(token), len(listed))
    edits = round((1.0 - similarity) * longer)
    return edits <= (1 if longer <= SHORT_NAME_ONE_EDIT else 2)


@dataclass(frozen=True)
class TokenVotes:
    """What one query token contributes to blocking: its weight, the names it votes for and how strongly."""

    weight: float
    names: npt.NDArray[np.int32]
    votes: npt.NDArray[np.float64]
    common: tuple[int, ...]  # reached tokens too common to block with
    best: float  # the highest similarity this token reaches with any listed token blocking found (0: none)
    unreached: float  # the most it may score with a listed token it does not vote for (sounds alike, unreached)

    @property
    def ceiling(self) -> float:
        """The highest similarity this token may score with any listed token."""
        return max(self.best, self.unreached)


def _unreached_ceiling(
    index: ScreeningIndex, token: str, sound_key: str, skeleton_mode: bool, best: float, reached: Collection[int]
) -> float:
    """How similar an *unknown* query token may still be to a listed token that blocking did not reach.

    Blocking reaches every listed token within one edit (symmetric deletes) and, for sound keys of 3+ letters, every
    token that sounds the same; scoring also accepts a token 2+ edits away (a similarity of at most n/(n+2) for a
    token of n letters, over the floor from 5 letters) and one with a short sound key (0.85). Ignoring those made a
    higher threshold lose hits that score above it ("JRIJKS" for "JIRJIS", "qihu" for "qihoo"). A token of the
    vocabulary is found as itself (``best`` 1), and its own 2-edit variants in other names remain the documented
    approximation; but a short sound key counts for a known word too: "hwei" (a listed word) scores 0.85 against
    HUAWEI, which it never votes for, and a threshold of 0.85 had lost HUAWEI INVESTMENT & HOLDING (0.946).
    """
    if any(ch.isdigit() for ch in token):  # a number: numbers must be equal
        return 0.0
    if best >= 1.0:  # known
        return _sounds_alike_unreached(index, token, sound_key, reached)
    if is_initial(token) and not skeleton_mode:  # an initial: any word it begins
        return INITIAL_SIMILARITY
    n = len(token)
    if skeleton_mode:  # skeletons reach only equal ones and one deletion: an insertion or substitution is missed
        return n / (n + 1) if n >= 3 else 0.0
    edits = n / (n + 2) if n >= 5 else 0.0  # under the short-token floor below 5 letters
    return max(edits, _short_sound_ceiling(index, sound_key))


def _short_sound_ceiling(index: ScreeningIndex, sound_key: str) -> float:
    """Scoring's credit for a listed word with the same short sound key (1–2 letters), which blocking never votes
    with (such keys sound like half the vocabulary)."""
    return PHONETIC_SIMILARITY if 0 < len(sound_key) < 3 and sound_key in index.phonetic_ids else 0.0


def _sounds_alike_unreached(index: ScreeningIndex, token: str, sound_key: str, reached: Collection[int]) -> float:
    """:func:`_short_sound_ceiling` for a known word, only when some listed word with its short sound key is beyond
    its votes and similar enough for scoring to credit (``reached``: the words it votes with): many short words reach
    all of theirs within one edit, and a bound counting 0.85 for every one of them kept names no word can lift."""
    if not _short_sound_ceiling(index, sound_key):
        return 0.0
    beyond = [index.tokens[t] for t in index.by_phonetic.get(index.phonetic_ids[sound_key], ()) if t not in reached]
    if not beyond:
        return 0.0
    similar = cdist([token], beyond, scorer=OSA.normalized_similarity, score_cutoff=PHONETIC_MIN)[0]
    return PHONETIC_SIMILARITY if bool((similar >= PHONETIC_MIN).any()) else 0.0


@dataclass(frozen=True)
class VocabularyVotes:
    """Every vocabulary token's blocking votes, computed once at index build (a few flat arrays: they pickle and
    load fast). A query word found in the vocabulary — most words of most names — then costs a lookup, not the
    ~50 µs of finding its look-alikes and their names; an unknown word is still worked out when it comes."""

    offsets: npt.NDArray[np.int64]  # token id -> its slice of names / votes
    names: npt.NDArray[np.int32]
    votes: npt.NDArray[np.float64]
    common_offsets: npt.NDArray[np.int64]  # token id -> its slice of common
    common: npt.NDArray[np.int64]
    weight: npt.NDArray[np.float64]
    best: npt.NDArray[np.float64]
    unreached: npt.NDArray[np.float64]

    @classmethod
    def build(cls, index: ScreeningIndex) -> VocabularyVotes:
        """What :func:`compute_token_votes` gives every vocabulary token, with the similarities of all (token, reached
        token) pairs from one rapidfuzz call and the names gathered in one numpy pass (a per-token loop took 3 s)."""
        if not index.tokens:
            return cls._one_by_one(index)
        reached = [sorted(index.similar_tokens(token)) for token in index.tokens]  # sorted: as compute_token_votes
        owner = np.repeat(np.arange(len(reached), dtype=np.int64), [len(r) for r in reached])
        other = np.array([t for r in reached for t in r], dtype=np.int64)
        tokens = index.tokens
        sims = cpdist(
            [tokens[t] for t in owner.tolist()],
            [tokens[t] for t in other.tolist()],
            scorer=OSA.normalized_similarity,
            score_cutoff=PHONETIC_MIN,
        ).astype(np.float64)
        classes = index.padded_synonyms.astype(np.int64)
        same_class = (classes[owner] >= 0) & (classes[owner] == classes[other])
        sims = np.where(same_class, np.maximum(sims, SYNONYM_SIMILARITY), sims)  # as compute_token_votes
        lengths = np.array([len(t) for t in tokens], dtype=np.int64)
        short = (lengths[owner] <= 4) | (lengths[other] <= 4)
        scored = sims >= np.where(short, SHORT_FLOOR_32, FLOOR_32)
        owner, other, sims = owner[scored], other[scored], sims[scored]
        best = np.zeros(len(tokens))
        np.maximum.at(best, owner, sims)
        weight = np.array(index.idf, dtype=np.float64)
        titles = [t for t, text in enumerate(tokens) if is_honorific(text)]
        weight[titles] *= QUERY_TITLE_SHARE  # as compute_token_votes weighs a title the query writes
        if best.min() < 1.0:  # every word reaches itself (similarity 1): else the general path
            return cls._one_by_one(index)
        frequency = index.postings_offsets[other + 1] - index.postings_offsets[other]
        common = frequency > BLOCKING_MAX_DF
        voting = ~common
        v_owner, v_other, v_count = owner[voting], other[voting], frequency[voting]
        starts = index.postings_offsets[v_other]
        total = int(v_count.sum())
        ends = np.cumsum(v_count)
        gather = np.arange(total, dtype=np.int64) + np.repeat(starts - (ends - v_count), v_count)
        per_owner = np.bincount(v_owner, weights=v_count, minlength=len(tokens)).astype(np.int64)
        per_owner_common = np.bincount(owner[common], minlength=len(tokens))
        return cls(
            offsets=np.concatenate([[0], np.cumsum(per_owner)]).astype(np.int64),
            names=index.postings_flat[gather],
            votes=np.repeat(weight[v_owner] * sims[voting], v_count),
            common_offsets=np.concatenate([[0], np.cumsum(per_owner_common)]).astype(np.int64),
            common=other[common],
            weight=weight,
            best=best,
            unreached=np.array(
                [_sounds_alike_unreached(index, t, phonetic(t), set(r)) for t, r in zip(tokens, reached, strict=True)],
                dtype=np.float64,
            ),
        )

    @classmethod
    def _one_by_one(cls, index: ScreeningIndex) -> VocabularyVotes:
        computed = [compute_token_votes(index, token, False, False) for token in index.tokens]
        return cls(
            offsets=np.cumsum([0, *(len(v.names) for v in computed)], dtype=np.int64),
            names=np.concatenate([v.names for v in computed] or [np.zeros(0, dtype=np.int32)]),
            votes=np.concatenate([v.votes for v in computed] or [np.zeros(0)]),
            common_offsets=np.cumsum([0, *(len(v.common) for v in computed)], dtype=np.int64),
            common=np.array([t for v in computed for t in v.common], dtype=np.int64),
            weight=np.array([v.weight for v in computed], dtype=np.float64),
            best=np.array([v.best for v in computed], dtype=np.float64),
            unreached=np.array([v.unreached for v in computed], dtype=np.float64),
        )

    def of(self, token_id: int) -> TokenVotes:
        """The votes of a vocabulary token, exactly as :func:`compute_token_votes` gives them."""
        lo, hi = int(self.offsets[token_id]), int(self.offsets[token_id + 1])
        c_lo, c_hi = int(self.common_offsets[token_id]), int(self.common_offsets[token_id + 1])
        return TokenVotes(
            float(self.weight[token_id]),
            self.names[lo:hi],
            self.votes[lo:hi],
            tuple(self.common[c_lo:c_hi].tolist()),
            float(self.best[token_id]),
            float(self.unreached[token_id]),
        )


_NO_NAMES = np.zeros(0, dtype=np.int32)
_NO_VOTES = np.zeros(0)


def _gathered_votes(
    index: ScreeningIndex, voting: list[tuple[int, float]], weight: float
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float64], tuple[int, ...]]:
    """The names of the voting tokens (in their order, each token's postings in a row) with each one's vote
    (``weight`` × the token's similarity), and the tokens too common to vote. One numpy gather, not a slice per
    token: an Arabic skeleton reaches a hundred spellings."""
    if not voting:
        return _NO_NAMES, _NO_VOTES, ()
    if len(voting) <= _FEW_VOTERS:
        return _few_votes(index, voting, weight)
    ids = np.fromiter((t for t, _ in voting), dtype=np.int64, count=len(voting))
    sims = np.fromiter((s for _, s in voting), dtype=np.float64, count=len(voting))
    starts = index.postings_offsets[ids]
    counts = index.postings_offsets[ids + 1] - starts
    common = counts > BLOCKING_MAX_DF
    if common.any():
        keep = ~common
        common_ids = tuple(ids[common].tolist())
        starts, counts, sims = starts[keep], counts[keep], sims[keep]
    else:
        common_ids = ()
    total = int(counts.sum())
    if not total:
        return _NO_NAMES, _NO_VOTES, common_ids
    ends = np.cumsum(counts)
    gather = np.arange(total, dtype=np.int64) + np.repeat(starts - (ends - counts), counts)
    return index.postings_flat[gather], np.repeat(weight * sims, counts), common_ids


_FEW_VOTERS = 8  # up to this many voting tokens, a slice each costs less than numpy's gather


def _few_votes(
    index: ScreeningIndex, voting: list[tuple[int, float]], weight: float
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float64], tuple[int, ...]]:
    names: list[npt.NDArray[np.int32]] = []
    votes: list[float] = []
    counts: list[int] = []
    common: list[int] = []
    for token_id, sim in voting:
        postings = index.postings_of(token_id)
        if len(postings) > BLOCKING_MAX_DF:
            common.append(token_id)
        else:
            names.append(postings)
            votes.append(weight * sim)
            counts.append(len(postings))
    if not names:
        return _NO_NAMES, _NO_VOTES, tuple(common)
    return np.concatenate(names), np.repeat(np.array(votes, dtype=np.float64), counts), tuple(common)


PREFIX_MAX_HOLDERS = 4000  # a stub that begins words of more names than this votes for none (the bound counts it)


def compute_prefix_votes(index: ScreeningIndex, token: str, own: TokenVotes) -> TokenVotes:
    """What the last word of a name cut at a field's length contributes to blocking (:mod:`.truncation`): its own
    votes, and those of the vocabulary words it begins at :data:`.similarity.PREFIX_SIMILARITY`. It weighs as the
    rarity of the names holding a word so beginning: "pe" begins words of thousands of names and says little,
    "registrats" begins a few. ``own``: the token's votes as written."""
    ids, holders = index.words_beginning(token)
    if not len(ids):  # begins no listed word: an unknown word as written
        return own
    weight = math.log(1 + index.name_count / min(max(holders, 1), max(index.name_count, 1)))
    common: tuple[int, ...] = ()
    if holders > PREFIX_MAX_HOLDERS:
        names, votes = _NO_NAMES, _NO_VOTES
        unreached = max(own.unreached, PREFIX_SIMILARITY)
    else:
        names, votes, common = _gathered_votes(index, [(t, PREFIX_SIMILARITY) for t in ids.tolist()], weight)
        unreached = own.unreached
    scale = weight / own.weight if own.weight > 0 else 0.0
    return TokenVotes(
        weight,
        np.concatenate([own.names, names]),
        np.concatenate([own.votes * scale, votes]),
        tuple(dict.fromkeys((*own.common, *common))),
        max(own.best, PREFIX_SIMILARITY),
        unreached,
    )


def compute_token_votes(
    index: ScreeningIndex,
    token: str,
    skeleton_mode: bool,
    romanised: bool,
    credit: Callable[[list[str], list[float]], list[float]] | None = None,
) -> TokenVotes:
    """What one query token contributes to blocking: the vocabulary tokens it reaches and the names they vote for.

    ``credit`` (the listed words, their similarities): the share of its similarity scoring counts for each reached
    word (:func:`.similarity.credits`); a word it gives 0 casts no vote. The weight and the bound (``best``,
    ``unreached``) are those of every reached word: the same weights as without the rule, and a bound that stays an
    upper one."""
    texts = index.token_skeleton if skeleton_mode else index.tokens
    reached = index.skeleton_tokens(token) if skeleton_mode else index.similar_tokens(token)
    # sorted: ties between equally similar tokens must not depend on set order (PYTHONHASHSEED differs per process,
    # e.g. on Dask workers), or the same query could score differently in two processes
    reached_ids = sorted(reached)
    reached_texts = [texts[t] for t in reached_ids]
    # similarities under PHONETIC_MIN are never used (every floor is above it): the cut-off lets rapidfuzz stop early
    sims = (
        cdist([token], reached_texts, scorer=OSA.normalized_similarity, score_cutoff=PHONETIC_MIN)[0]
        if reached_ids
        else np.zeros(0, dtype=np.float32)
    )
    floor = SHORT_FLOOR_32 if len(token) <= 4 else FLOOR_32
    sim_list: list[float] = sims.tolist()  # Python floats: far cheaper to compare than numpy scalars
    synonyms = () if skeleton_mode else index.synonym_ids(token)
    if synonyms:  # a word of its class counts SYNONYM_SIMILARITY in scoring, so it votes so too
        sim_list = [
            max(sim, SYNONYM_SIMILARITY) if t in synonyms else sim for t, sim in zip(reached_ids, sim_list, strict=True)
        ]
    scored = [  # the floor first: most look-alikes fall under it, and only a listed word of 4 letters needs more
        (t, sim)
        for t, text, sim in zip(reached_ids, reached_texts, sim_list, strict=True)
        if sim >= floor and (sim >= SHORT_FLOOR_32 or len(text) > 4)
    ]
    best = max((sim for _, sim in scored), default=0.0)
    sound_key = "" if skeleton_mode else phonetic(token)  # skeletons have no sound keys
    sounds_alike = 0.0  # scoring counts a token that sounds the same 0.85; blocking does not vote with it
    alike = -1  # the listed word it sounds like
    if not skeleton_mode and best < PHONETIC_SIMILARITY:
        code = index.phonetic_ids.get(sound_key, -2)
        alike = next(
            (
                t
                for t, s in zip(reached_ids, sim_list, strict=True)
                if index.token_phonetic[t] == code and s >= PHONETIC_MIN
            ),
            -1,
        )
        if alike >= 0:
            best = sounds_alike = PHONETIC_SIMILARITY
    given = None if credit is None else credit([index.tokens[t] for t, _ in scored], [sim for _, sim in scored])
    exact = None if skeleton_mode else index.vocab.get(token)
    if exact is not None:
        weight = index.idf[exact]
    elif skeleton_mode and (token in index.skeleton_idf or scored):
        # a word read from Arabic script weighs as rare as the names holding its spellings: the listed words with its
        # consonants that fit its vowelled pattern (إباء, b: BAAI and ABBA, not BAAI alone), else any with its
        # consonants; an unknown skeleton as the nearest one it reaches
        near = max(scored, key=lambda item: item[1])[0] if token not in index.skeleton_idf else -1
        weight = index.skeleton_idf[token if near < 0 else texts[near]]
        if near < 0 and given is not None:
            fitting = [t for (t, _), share in zip(scored, given, strict=True) if share >= 1.0 and texts[t] == token]
            if fitting:
                ids = np.array(fitting, dtype=np.int64)
                held = int((index.postings_offsets[ids + 1] - index.postings_offsets[ids]).sum())
                weight = math.log(1 + index.name_count / max(held, 1))
    else:
        near, near_sim = max(scored, key=lambda item: item[1]) if scored else (-1, 0.0)
        if near >= 0 and (skeleton_mode or misspelling(token, texts[near], near_sim)):
            weight = index.idf[near]  # the listed word misspelt weighs as that word
        elif alike >= 0:
            weight = index.idf[alike]  # as does the listed word it sounds like
        else:  # unknown: rare, so it counts — less so when it is a romanisation guess (a brand's pinyin, a skeleton)
            weight = index.max_idf * (UNKNOWN_ROMANISED_WEIGHT if romanised else 1.0)
            weight *= 1.0 if skeleton_mode else _word_weight(token)
    if not skeleton_mode and is_honorific(token):
        weight *= QUERY_TITLE_SHARE
    voting = scored
    if given is not None:
        shares = [(t, sim * share) for (t, sim), share in zip(scored, given, strict=True)]
        voting = [(t, share) for t, share in shares if share > 0.0]
    names, votes, common = _gathered_votes(index, voting, weight)
    return TokenVotes(
        weight,
        names,
        votes,
        common,
        best,
        max(
            sounds_alike,
            _unreached_ceiling(index, token, sound_key, skeleton_mode, best, reached),
        ),
    )
