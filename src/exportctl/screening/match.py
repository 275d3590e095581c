"""Candidate selection and rarity-weighted, aligned-token name similarity.

For each reading of the query (see :class:`~exportctl.screening.normalize.NameVariant`) the blocking keys of the
index pick candidate names; then every query token is aligned with its most similar token of each candidate name
(rapidfuzz's optimal-string-alignment similarity, where a transposition is one edit; 0 below a floor; numbers must be
equal; at least 0.85 when the two tokens sound alike). Similarity is weighted by rarity (IDF) on both sides:

* ``coverage`` — how much of the *query* is found in the candidate (rare query tokens count most);
* ``completeness`` — how much of the *candidate* is found in the query.

A query may leave out parts of a listed name ("Hikvision Digital Technology" for "Hangzhou Hikvision Digital
Technology Co., Ltd."), so coverage counts more than completeness. All candidates of a query are scored in one
vectorised pass (numpy), which is what keeps a query well under a millisecond; a batch of queries (a file screen)
goes through blocking and token comparison in one pass per chunk (:func:`match_many`), because with a handful of
candidates per query numpy's per-call cost, not the arithmetic, is what takes the time. Each query still gets
exactly the numbers it would get alone: only element-wise work is shared; sums and dot products stay per reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TypeVar

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist

from exportctl.screening.index import BLOCKING_MAX_DF, ScreeningIndex, phonetic
from exportctl.screening.normalize import LATIN, SKELETON, AnalyzedName, NameVariant

CANDIDATES_PER_VARIANT = 30
BOUND_SLACK = 0.02  # blocking's similarity bound is approximate (a 2-edit typo of a known word is not reached)
UNKNOWN_ROMANISED_WEIGHT = 0.5  # weight of an unknown token of a romanised reading, relative to the rarest token
CANDIDATES_PER_SKELETON = 60  # consonant skeletons are ambiguous: look at more names
COVERAGE_WEIGHT = 0.65  # share of coverage in the name similarity; the rest is completeness
TOKEN_FLOOR = 0.65  # edit similarity below which two tokens are "different" (similarity 0)
SHORT_TOKEN_FLOOR = 0.75  # … for tokens of 4 letters or fewer, where one edit is a different word
PHONETIC_SIMILARITY = 0.85  # tokens that sound the same (and are not far apart in spelling) count this much
PHONETIC_MIN = 0.5


_Int = TypeVar("_Int", np.int32, np.int64)


@dataclass(frozen=True)
class NameMatch:
    """How one query reading matched one listed name."""

    name_id: int
    similarity: float
    coverage: float
    completeness: float
    variant: NameVariant
    support: tuple[float, ...] = ()  # each reading's best similarity to this entry, best reading first (breaks ties)


def token_similarity(a: str, b: str) -> float:
    """Edit similarity of two tokens (optimal string alignment: a transposition is one edit), 0 below the floor."""
    sim = float(OSA.normalized_similarity(a, b))
    floor = SHORT_TOKEN_FLOOR if min(len(a), len(b)) <= 4 else TOKEN_FLOOR
    return sim if sim >= floor else 0.0


# the floors as float32 numbers: similarities come from rapidfuzz as float32, and a similarity of exactly 0.65 is at
# the floor (as when numpy compares a float32 with the floor)
_FLOOR_32 = float(np.float32(TOKEN_FLOOR))
_SHORT_FLOOR_32 = float(np.float32(SHORT_TOKEN_FLOOR))


@dataclass(frozen=True)
class _TokenVotes:
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


def _unreached_ceiling(index: ScreeningIndex, token: str, sound_key: str, skeleton_mode: bool, best: float) -> float:
    """How similar an *unknown* query token may still be to a listed token that blocking did not reach.

    Blocking reaches every listed token within one edit (symmetric deletes) and, for sound keys of 3+ letters, every
    token that sounds the same; scoring also accepts a token 2+ edits away (a similarity of at most n/(n+2) for a
    token of n letters, over the floor from 5 letters) and one with a short sound key (0.85). Ignoring those made a
    higher threshold lose hits that score above it ("JRIJKS" for "JIRJIS", "qihu" for "qihoo"). A token of the
    vocabulary is found as itself (``best`` 1); its own 2-edit variants in other names remain the documented
    approximation.
    """
    if best >= 1.0 or any(ch.isdigit() for ch in token):  # known, or a number (numbers must be equal)
        return 0.0
    n = len(token)
    if skeleton_mode:  # skeletons reach only equal ones and one deletion: an insertion or substitution is missed
        return n / (n + 1) if n >= 3 else 0.0
    edits = n / (n + 2) if n >= 5 else 0.0  # under the short-token floor below 5 letters
    sounds = PHONETIC_SIMILARITY if 0 < len(sound_key) < 3 and sound_key in index.phonetic_ids else 0.0
    return max(edits, sounds)


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
        computed = [_compute_token_votes(index, token, False, False) for token in index.tokens]
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

    def of(self, token_id: int) -> _TokenVotes:
        """The votes of a vocabulary token, exactly as :func:`_compute_token_votes` gives them."""
        lo, hi = int(self.offsets[token_id]), int(self.offsets[token_id + 1])
        c_lo, c_hi = int(self.common_offsets[token_id]), int(self.common_offsets[token_id + 1])
        return _TokenVotes(
            float(self.weight[token_id]),
            self.names[lo:hi],
            self.votes[lo:hi],
            tuple(self.common[c_lo:c_hi].tolist()),
            float(self.best[token_id]),
            float(self.unreached[token_id]),
        )


def _token_votes(index: ScreeningIndex, token: str, skeleton_mode: bool, romanised: bool) -> _TokenVotes:
    cache = index.token_cache
    key = (token, skeleton_mode, romanised)
    cached = cache.get(key)
    if isinstance(cached, _TokenVotes):
        return cached
    known = None if skeleton_mode else index.vocab.get(token)
    vocabulary = index.vocabulary_votes
    if known is not None and vocabulary is not None:  # a known word's votes ignore ``romanised``
        result = vocabulary.of(known)
    else:
        result = _compute_token_votes(index, token, skeleton_mode, romanised)
    if len(cache) > 100_000:
        cache.clear()
    cache[key] = result
    return result


def _compute_token_votes(index: ScreeningIndex, token: str, skeleton_mode: bool, romanised: bool) -> _TokenVotes:
    """What one query token contributes to blocking: the vocabulary tokens it reaches and the names they vote for."""
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
    floor = _SHORT_FLOOR_32 if len(token) <= 4 else _FLOOR_32
    sim_list: list[float] = sims.tolist()  # Python floats: far cheaper to compare than numpy scalars
    scored = [
        (t, sim)
        for t, text, sim in zip(reached_ids, reached_texts, sim_list, strict=True)
        if sim >= (_SHORT_FLOOR_32 if len(text) <= 4 else floor)
    ]
    best = max((sim for _, sim in scored), default=0.0)
    sound_key = "" if skeleton_mode else phonetic(token)  # skeletons have no sound keys
    sounds_alike = 0.0  # scoring counts a token that sounds the same 0.85; blocking does not vote with it
    if not skeleton_mode and best < PHONETIC_SIMILARITY:
        code = index.phonetic_ids.get(sound_key, -2)
        if any(
            index.token_phonetic[t] == code and s >= PHONETIC_MIN for t, s in zip(reached_ids, sim_list, strict=True)
        ):
            best = sounds_alike = PHONETIC_SIMILARITY
    exact = None if skeleton_mode else index.vocab.get(token)
    if exact is not None:
        weight = index.idf[exact]
    elif scored:
        weight = index.idf[max(scored, key=lambda item: item[1])[0]]
    else:  # unknown: rare, so it counts — less so when it is a romanisation guess (a brand's pinyin, a skeleton)
        weight = index.max_idf * (UNKNOWN_ROMANISED_WEIGHT if romanised else 1.0)
    names: list[npt.NDArray[np.int32]] = []
    votes: list[float] = []
    counts: list[int] = []
    common: list[int] = []
    for token_id, sim in scored:
        postings = index.postings_of(token_id)
        if len(postings) > BLOCKING_MAX_DF:
            common.append(token_id)
        else:
            names.append(postings)
            votes.append(weight * sim)
            counts.append(len(postings))
    return _TokenVotes(
        weight,
        np.concatenate(names) if names else np.zeros(0, dtype=np.int32),
        np.repeat(np.array(votes, dtype=np.float64), counts) if votes else np.zeros(0),
        tuple(common),
        best,
        max(sounds_alike, _unreached_ceiling(index, token, sound_key, skeleton_mode, best)),
    )


def _unique(values: npt.NDArray[_Int]) -> tuple[npt.NDArray[_Int], npt.NDArray[np.intp]]:
    """``np.unique(values, return_inverse=True)`` without its generality (a third of the time on small arrays).

    The values are runs already in order (each token's postings, reading after reading), which the stable sort
    (timsort) merges rather than sorts afresh; the inverse comes from the sorting permutation, not from a binary
    search per value: a third of the time of sort + search on a batch's keys."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    inverse = np.empty(len(values), dtype=np.intp)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


@dataclass(frozen=True)
class _Unit:
    """One reading of one query of a batch, with the least similarity worth scoring for that query."""

    variant: NameVariant  # as analysed (what a hit reports)
    searched: NameVariant  # as searched (Persian compounds split)
    min_similarity: float


def _votes_of(
    index: ScreeningIndex, unit: _Unit, per_token: list[_TokenVotes]
) -> tuple[list[npt.NDArray[np.int32]], list[npt.NDArray[np.float64]]]:
    """The names one reading votes for and the vote of each; nothing when no name can reach its threshold."""
    weights = [t.weight for t in per_token]
    if unit.min_similarity > 0.0:  # no name can cover more of the query than its tokens reach: often nothing can hit
        reach = sum(t.weight * t.ceiling for t in per_token) / max(sum(weights), 1e-9)
        if COVERAGE_WEIGHT * reach + 1 - COVERAGE_WEIGHT < unit.min_similarity - BOUND_SLACK:
            return [], []
    voters = [t.names for t in per_token if len(t.names)]
    vote_weights = [t.votes for t in per_token if len(t.names)]
    if not voters:  # only very common words: block on the rarest of them
        common = [token_id for t in per_token for token_id in t.common]
        if not common:
            return [], []
        rarest = max(common, key=lambda t: index.idf[t])
        voters = [index.postings_of(rarest)[: BLOCKING_MAX_DF * 4]]
        vote_weights = [np.ones(len(voters[0]))]
    return voters, vote_weights


def _candidates(index: ScreeningIndex, units: list[_Unit]) -> list[tuple[npt.NDArray[np.int64], list[float]]]:
    """Blocking for a batch of readings: the names voted for by each reading's similar vocabulary tokens, and each
    query token's weight.

    A name's votes bound its coverage from above (common tokens, which do not vote, are counted as if they all
    matched, and unknown tokens as if their unreached look-alikes were there: :func:`_unreached_ceiling`); names whose
    best possible similarity stays under the reading's ``min_similarity`` are not scored.
    All readings are counted and ranked in one numpy pass (key: reading × names + name), which gives each reading
    exactly the numbers it would get alone, without paying numpy's per-call cost once per reading.
    """
    n_names = max(len(index.name_text), 1)
    weights_of: list[list[float]] = []
    pieces: list[npt.NDArray[np.int32]] = []
    piece_votes: list[npt.NDArray[np.float64]] = []
    piece_unit: list[int] = []
    totals: list[float] = []
    unvoted: list[float] = []  # per reading: query weight that may match without voting (see below)
    floors: list[float] = []
    bounded: list[float] = []
    for unit_no, unit in enumerate(units):
        romanised = unit.searched.kind != LATIN
        skeleton_mode = unit.searched.kind == SKELETON
        per_token = [_token_votes(index, token, skeleton_mode, romanised) for token in unit.searched.tokens]
        weights_of.append([t.weight for t in per_token])
        voters, vote_weights = _votes_of(index, unit, per_token)
        pieces.extend(voters)
        piece_votes.extend(vote_weights)
        piece_unit.extend([unit_no] * len(voters))
        totals.append(max(sum(weights_of[-1]), 1e-9))
        # what may match beyond the votes: common tokens (fully), unknown tokens' unreached look-alikes (at most)
        unvoted.append(sum(t.weight if t.common else t.weight * t.unreached for t in per_token))
        floors.append(unit.min_similarity - BOUND_SLACK)
        bounded.append(1.0 if unit.min_similarity > 0.0 else 0.0)
    empty = np.zeros(0, dtype=np.int64)
    if not pieces:
        return [(empty, weights) for weights in weights_of]
    keys = np.concatenate(pieces).astype(np.int64)
    if len(units) > 1:
        lengths = np.array([len(p) for p in pieces])
        keys += np.repeat(np.array(piece_unit, dtype=np.int64) * n_names, lengths)
    unique, inverse = _unique(keys)
    shared = np.bincount(inverse, weights=np.concatenate(piece_votes))  # per reading: the same sums, in the same order
    single = len(units) == 1  # one query (screen): plain numbers rather than gathered arrays, the same values
    unit_of = unique if single else unique // n_names  # (unused for one reading)
    names = unique if single else unique - unit_of * n_names

    def spread(values: list[float]) -> float | npt.NDArray[np.float64]:
        return values[0] if single else np.array(values)[unit_of]

    total_weight = spread(totals)
    best_case = COVERAGE_WEIGHT * np.minimum(1.0, (shared + spread(unvoted)) / total_weight) + 1
    best_case = best_case - COVERAGE_WEIGHT
    possible = np.logical_or(best_case >= spread(floors), np.logical_not(spread(bounded)))
    if not possible.all():
        names, shared, unit_of = names[possible], shared[possible], unit_of[possible]
        if not isinstance(total_weight, float):
            total_weight = total_weight[possible]
    # rank like the final similarity does: share of the query found, and share of the name found
    votes = COVERAGE_WEIGHT * shared / total_weight + (1 - COVERAGE_WEIGHT) * shared / np.maximum(
        index.name_weight[names], 1e-9
    )
    bounds = [0, len(names)] if single else np.searchsorted(unit_of, np.arange(len(units) + 1)).tolist()
    found: list[tuple[npt.NDArray[np.int64], list[float]]] = []
    for unit_no, unit in enumerate(units):
        lo, hi = bounds[unit_no], bounds[unit_no + 1]
        wanted = CANDIDATES_PER_SKELETON if unit.searched.kind == SKELETON else CANDIDATES_PER_VARIANT
        if hi - lo > wanted:
            top = np.argpartition(-votes[lo:hi], wanted)[:wanted]
            found.append((names[lo:hi][top], weights_of[unit_no]))
        else:
            found.append((names[lo:hi], weights_of[unit_no]))
    return found


def _split_compounds(index: ScreeningIndex, variant: NameVariant) -> NameVariant:
    """Split an unknown skeleton in two known ones: Persian writes given names together (محمدجواد Mohammad Javad)."""
    tokens: list[str] = []
    for token in variant.tokens:
        if token in index.by_skeleton or len(token) < 5:
            tokens.append(token)
            continue
        for cut in range(len(token) - 2, 1, -1):
            if token[:cut] in index.by_skeleton and token[cut:] in index.by_skeleton:
                tokens.extend((token[:cut], token[cut:]))
                break
        else:
            tokens.append(token)
    return NameVariant(tuple(tokens), variant.kind)


_Scored = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]


@dataclass(frozen=True)
class _Block:
    """One reading's candidates, ready to score: their token matrix and its distinct tokens' raw similarities."""

    name_ids: npt.NDArray[np.int64]
    weights: list[float]
    tokens_of: npt.NDArray[np.int32]  # (K, m), padded with index.pad_token (empty, weight 0)
    where: npt.NDArray[np.intp]  # position of each cell of tokens_of among the distinct tokens
    distinct: npt.NDArray[np.int64]
    raw: npt.NDArray[np.float32]  # (n, D): query token × distinct candidate token


def _blocks(
    index: ScreeningIndex, variants: list[NameVariant], found: list[tuple[npt.NDArray[np.int64], list[float]]]
) -> list[_Block]:
    """The candidates of each reading as a token matrix; candidate names share many tokens (and the pad), so each
    distinct token is compared once with the query (distinct tokens of all readings found in one sort)."""
    if len(found) == 1:  # one query (screen): the same blocks, without the batch's bookkeeping
        (name_ids, weights), variant = found[0], variants[0]
        cells = index.name_token_matrix[name_ids, : int(index.name_length[name_ids].max())]
        distinct, where = _unique(cells.ravel().astype(np.int64))
        return [_Block(name_ids, weights, cells, where, distinct, _raw(index, variant, distinct))]
    starts = [0, *accumulate(len(name_ids) for name_ids, _ in found)]
    all_ids = np.concatenate([name_ids for name_ids, _ in found])
    widths = np.maximum.reduceat(index.name_length[all_ids], starts[:-1]).tolist()
    matrix = index.name_token_matrix[all_ids]
    tokens_of = [matrix[starts[b] : starts[b + 1], :width] for b, width in enumerate(widths)]
    cells = np.array([t.size for t in tokens_of])
    stride = len(index.padded_tokens)
    keys = np.concatenate([t.ravel() for t in tokens_of]) + np.repeat(np.arange(len(found)) * stride, cells)
    unique, inverse = _unique(keys)
    block_of = unique // stride
    distinct_all = unique - block_of * stride
    bounds = np.searchsorted(block_of, np.arange(len(found) + 1)).tolist()
    cell_bounds = [0, *accumulate(cells.tolist())]
    blocks: list[_Block] = []
    for b, (variant, (name_ids, weights)) in enumerate(zip(variants, found, strict=True)):
        distinct = distinct_all[bounds[b] : bounds[b + 1]]
        where = inverse[cell_bounds[b] : cell_bounds[b + 1]] - bounds[b]
        blocks.append(_Block(name_ids, weights, tokens_of[b], where, distinct, _raw(index, variant, distinct)))
    return blocks


def _raw(index: ScreeningIndex, variant: NameVariant, distinct: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
    """Edit similarity of each query token to each distinct candidate token (n, D)."""
    texts = index.padded_skeletons if variant.kind == SKELETON else index.padded_tokens
    # similarities under PHONETIC_MIN are never used (every floor is above it): rapidfuzz may stop early
    raw: npt.NDArray[np.float32] = cdist(
        list(variant.tokens),
        [texts[t] for t in distinct.tolist()],
        scorer=OSA.normalized_similarity,
        score_cutoff=PHONETIC_MIN,
    )
    return raw


def _element_positions(units: list[_Unit], blocks: list[_Block]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """For each element of the flattened blocks: its query token (row over all readings) and candidate token."""
    sizes = np.array([b.raw.size for b in blocks])
    columns = np.array([b.raw.shape[1] for b in blocks])
    block_of = np.repeat(np.arange(len(blocks)), sizes)
    position = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    row_in_block = position // columns[block_of]
    first_row = np.cumsum([0, *(len(u.searched.tokens) for u in units)])[:-1]
    rows = first_row[block_of] + row_in_block
    first_column = np.cumsum(columns) - columns
    tokens = np.concatenate([b.distinct for b in blocks])[
        first_column[block_of] + position - row_in_block * columns[block_of]
    ]
    return rows, tokens


def _token_pairs(index: ScreeningIndex, units: list[_Unit], blocks: list[_Block]) -> npt.NDArray[np.float32]:
    """The aligned-token similarity of every (query token, distinct candidate token) of every block, flattened
    block by block: one numpy pass for the whole batch (each element is computed exactly as for one reading)."""
    query = [t for unit in units for t in unit.searched.tokens]
    if len(blocks) == 1:  # one query (screen): the same elements, without the batch's index arithmetic
        rows = np.repeat(np.arange(len(query)), blocks[0].raw.shape[1])
        tokens = np.tile(blocks[0].distinct, len(query))
    else:
        rows, tokens = _element_positions(units, blocks)
    raw = np.concatenate([b.raw.ravel() for b in blocks])
    # numbers must be equal: "14th" is not "16th", "360" is not "366"
    numeric = np.array([any(ch.isdigit() for ch in t) for t in query])[rows] | index.token_has_digit[tokens]
    raw = np.where(numeric & (raw < 1.0), 0.0, raw)
    short = np.minimum(np.array([len(t) for t in query])[rows], index.padded_lengths[tokens]) <= 4
    pair = np.where(raw >= np.where(short, SHORT_TOKEN_FLOOR, TOKEN_FLOOR), raw, 0.0)
    codes = [
        index.phonetic_ids.get(phonetic(t), -2) if unit.searched.kind != SKELETON else -3
        for unit in units
        for t in unit.searched.tokens
    ]  # skeleton readings have no sound keys (-3 equals no token's code)
    sounds_alike = (np.array(codes)[rows] == index.phonetic_array[tokens]) & (raw >= PHONETIC_MIN)
    return np.where(sounds_alike, np.maximum(pair, PHONETIC_SIMILARITY), pair)


def _score_units(
    index: ScreeningIndex, units: list[_Unit], found: list[tuple[npt.NDArray[np.int64], list[float]]]
) -> list[_Scored]:
    """Candidate name ids with their similarity, coverage and completeness, for each reading of a batch."""
    live = [i for i, (name_ids, _) in enumerate(found) if len(name_ids)]
    empty = np.zeros(0)
    scored: list[_Scored] = [(name_ids, empty, empty, empty) for name_ids, _ in found]
    if not live:
        return scored
    live_units = [units[i] for i in live]
    blocks = _blocks(index, [u.searched for u in live_units], [found[i] for i in live])
    pairs = _token_pairs(index, live_units, blocks)
    start = 0
    for i, block in zip(live, blocks, strict=True):
        size = block.raw.size
        pair = pairs[start : start + size].reshape(block.raw.shape)[:, block.where.reshape(block.tokens_of.shape)]
        start += size
        query_weights = np.array(block.weights)
        coverage = (query_weights @ pair.max(axis=2)) / query_weights.sum()
        name_weights = index.idf_array[block.tokens_of]
        completeness = (name_weights * pair.max(axis=0)).sum(axis=1) / np.maximum(name_weights.sum(axis=1), 1e-9)
        similarity = COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * completeness
        scored[i] = (block.name_ids, similarity, coverage, completeness)
    return scored


def match_many(
    index: ScreeningIndex, queries: Sequence[tuple[AnalyzedName, float]], limit: int = 25
) -> list[list[tuple[int, NameMatch]]]:
    """:func:`match_names` for a batch of (query, min_similarity): each query gets exactly what it would get alone;
    blocking runs once for the whole batch."""
    units = [
        _Unit(v, _split_compounds(index, v) if v.kind == SKELETON else v, min_similarity)
        for query, min_similarity in queries
        for v in query.variants
    ]
    scored = iter(
        [
            (unit.variant, *part)
            for unit, part in zip(units, _score_units(index, units, _candidates(index, units)), strict=True)
        ]
    )
    return [
        _best_entries(index, [next(scored) for _ in query.variants], limit, min_similarity)
        for query, min_similarity in queries
    ]


def match_names(
    index: ScreeningIndex, query: AnalyzedName, limit: int = 25, min_similarity: float = 0.0
) -> list[tuple[int, NameMatch]]:
    """The best-matching entries (at most ``limit``, similarity ≥ ``min_similarity``), best first, each with its
    best-matching name, over every reading of the query."""
    return match_many(index, [(query, min_similarity)], limit)[0]


def _best_entries(
    index: ScreeningIndex, scored: list[tuple[NameVariant, *_Scored]], limit: int, min_similarity: float
) -> list[tuple[int, NameMatch]]:
    """Each entry once, through its best name over all readings, best first (at most ``limit``)."""
    parts = [p for p in scored if len(p[1])]
    if not parts:
        return []
    if len(parts) == 1:
        _, name_ids, similarity, coverage, completeness = parts[0]
        variant_no = np.zeros(len(name_ids), dtype=np.int64)
    else:
        variant_no = np.concatenate([np.full(len(p[1]), i) for i, p in enumerate(parts)])
        name_ids = np.concatenate([p[1] for p in parts])
        similarity = np.concatenate([p[2] for p in parts])
        coverage = np.concatenate([p[3] for p in parts])
        completeness = np.concatenate([p[4] for p in parts])
    keep = similarity >= min_similarity
    if not keep.any():
        return []
    entries = index.name_entry_array[name_ids]
    if len(parts) > 1:  # agreement over all readings, for the entries that can still be hits
        wanted = np.isin(entries, entries[keep])
        per_reading: dict[tuple[int, int], float] = {}
        readings = zip(variant_no[wanted].tolist(), entries[wanted].tolist(), similarity[wanted].tolist(), strict=True)
        for v, e, s in readings:
            if per_reading.get((v, e), -1.0) < s:
                per_reading[(v, e)] = s
        support: dict[int, list[float]] = {}
        for (v, e), s in per_reading.items():
            support.setdefault(e, [0.0] * len(parts))[v] = s
    kept = np.flatnonzero(keep)
    order = kept[np.lexsort((name_ids[kept], -similarity[kept]))]  # best first; ties by name id, for stability
    best: list[tuple[int, NameMatch]] = []
    seen: set[int] = set()
    for i in order.tolist():
        entry_no = int(entries[i])
        if entry_no in seen:
            continue
        seen.add(entry_no)
        sim = float(similarity[i])
        agreement = tuple(support[entry_no]) if len(parts) > 1 else (sim,)
        variant = parts[int(variant_no[i])][0]
        best.append(
            (entry_no, NameMatch(int(name_ids[i]), sim, float(coverage[i]), float(completeness[i]), variant, agreement))
        )
        if len(best) >= limit:
            break
    return best
