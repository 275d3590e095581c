"""Candidate selection and rarity-weighted, aligned-token name similarity.

For each reading of the query (see :class:`~exportctl.screening.normalize.NameVariant`) the blocking keys of the
index pick candidate names; then every query token is aligned with its most similar token of each candidate name
(rapidfuzz's optimal-string-alignment similarity, where a transposition is one edit; 0 below a floor; numbers must be
equal; at least 0.85 when the two tokens sound alike). Similarity is weighted by rarity (IDF) on both sides:

* ``coverage`` — how much of the *query* is found in the candidate (rare query tokens count most);
* ``completeness`` — how much of the *candidate* is found in the query.

A query may leave out parts of a listed name ("Hikvision Digital Technology" for "Hangzhou Hikvision Digital
Technology Co., Ltd."), so coverage counts more than completeness. All candidates of a query are scored in one
vectorised pass (numpy), which is what keeps a query well under a millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class NameMatch:
    """How one query reading matched one listed name."""

    name_id: int
    similarity: float
    coverage: float
    completeness: float
    variant: NameVariant
    support: float = 0.0  # sum over the query's readings of their best similarity to this entry (breaks ties)


def token_similarity(a: str, b: str) -> float:
    """Edit similarity of two tokens (optimal string alignment: a transposition is one edit), 0 below the floor."""
    sim = float(OSA.normalized_similarity(a, b))
    floor = SHORT_TOKEN_FLOOR if min(len(a), len(b)) <= 4 else TOKEN_FLOOR
    return sim if sim >= floor else 0.0


@dataclass(frozen=True)
class _TokenVotes:
    """What one query token contributes to blocking: its weight, the names it votes for and how strongly."""

    weight: float
    names: npt.NDArray[np.int32]
    votes: npt.NDArray[np.float64]
    common: tuple[int, ...]  # reached tokens too common to block with
    best: float  # the highest similarity this token can reach with any listed token (0: none)


def _token_votes(index: ScreeningIndex, token: str, skeleton_mode: bool, romanised: bool) -> _TokenVotes:
    cache = index.token_cache
    key = (token, skeleton_mode, romanised)
    cached = cache.get(key)
    if isinstance(cached, _TokenVotes):
        return cached
    texts = index.token_skeleton if skeleton_mode else index.tokens
    reached = index.skeleton_tokens(token) if skeleton_mode else index.similar_tokens(token)
    reached_ids = list(reached)
    sims = cdist([token], [texts[t] for t in reached_ids], scorer=OSA.normalized_similarity)[0] if reached_ids else []
    floor = SHORT_TOKEN_FLOOR if len(token) <= 4 else TOKEN_FLOOR
    scored = [
        (t, float(sim))
        for t, sim in zip(reached_ids, sims, strict=True)
        if sim >= (SHORT_TOKEN_FLOOR if len(texts[t]) <= 4 else floor)
    ]
    best = max((sim for _, sim in scored), default=0.0)
    if not skeleton_mode and best < PHONETIC_SIMILARITY:
        code = index.phonetic_ids.get(phonetic(token), -2)
        if any(index.token_phonetic[t] == code and s >= PHONETIC_MIN for t, s in zip(reached_ids, sims, strict=True)):
            best = PHONETIC_SIMILARITY
    exact = None if skeleton_mode else index.vocab.get(token)
    if exact is not None:
        weight = index.idf[exact]
    elif scored:
        weight = index.idf[max(scored, key=lambda item: item[1])[0]]
    else:  # unknown: rare, so it counts — less so when it is a romanisation guess (a brand's pinyin, a skeleton)
        weight = index.max_idf * (UNKNOWN_ROMANISED_WEIGHT if romanised else 1.0)
    names: list[npt.NDArray[np.int32]] = []
    votes: list[npt.NDArray[np.float64]] = []
    common: list[int] = []
    for token_id, sim in scored:
        postings = index.postings_of(token_id)
        if len(postings) > BLOCKING_MAX_DF:
            common.append(token_id)
        else:
            names.append(postings)
            votes.append(np.full(len(postings), weight * sim))
    result = _TokenVotes(
        weight,
        np.concatenate(names) if names else np.zeros(0, dtype=np.int32),
        np.concatenate(votes) if votes else np.zeros(0),
        tuple(common),
        best,
    )
    if len(cache) > 100_000:
        cache.clear()
    cache[key] = result
    return result


def _candidates(
    index: ScreeningIndex, variant: NameVariant, min_similarity: float = 0.0
) -> tuple[npt.NDArray[np.int64], list[float]]:
    """Blocking: the names voted for by the query tokens' similar vocabulary tokens, and each query token's weight.

    A name's votes bound its coverage from above (common tokens, which do not vote, are counted as if they all
    matched); names whose best possible similarity stays under ``min_similarity`` are not scored at all.
    """
    romanised = variant.kind != LATIN
    per_token = [_token_votes(index, token, variant.kind == SKELETON, romanised) for token in variant.tokens]
    weights = [t.weight for t in per_token]
    if min_similarity > 0.0:  # no name can cover more of the query than its tokens reach: often nothing can hit
        reach = sum(t.weight * t.best for t in per_token) / max(sum(weights), 1e-9)
        if COVERAGE_WEIGHT * reach + 1 - COVERAGE_WEIGHT < min_similarity - BOUND_SLACK:
            return np.zeros(0, dtype=np.int64), weights
    voters = [t.names for t in per_token if len(t.names)]
    vote_weights = [t.votes for t in per_token if len(t.names)]
    if not voters:  # only very common words: block on the rarest of them
        common = [token_id for t in per_token for token_id in t.common]
        if not common:
            return np.zeros(0, dtype=np.int64), weights
        rarest = max(common, key=lambda t: index.idf[t])
        voters = [index.postings_of(rarest)[: BLOCKING_MAX_DF * 4]]
        vote_weights = [np.ones(len(voters[0]))]
    names = np.concatenate(voters)
    unique, inverse = np.unique(names, return_inverse=True)
    shared = np.bincount(inverse, weights=np.concatenate(vote_weights))
    total_weight = max(sum(weights), 1e-9)
    if min_similarity > 0.0:
        common_weight = sum(t.weight for t in per_token if t.common)
        best_case = COVERAGE_WEIGHT * np.minimum(1.0, (shared + common_weight) / total_weight) + 1 - COVERAGE_WEIGHT
        possible = best_case >= min_similarity - BOUND_SLACK
        if not possible.all():
            unique, shared = unique[possible], shared[possible]
            if not len(unique):
                return np.zeros(0, dtype=np.int64), weights
    # rank like the final similarity does: share of the query found, and share of the name found
    votes = COVERAGE_WEIGHT * shared / total_weight + (1 - COVERAGE_WEIGHT) * shared / np.maximum(
        index.name_weight[unique], 1e-9
    )
    wanted = CANDIDATES_PER_SKELETON if variant.kind == SKELETON else CANDIDATES_PER_VARIANT
    if len(unique) > wanted:
        top = np.argpartition(-votes, wanted)[:wanted]
        return unique[top].astype(np.int64), weights
    return unique.astype(np.int64), weights


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


def _score_variant(
    index: ScreeningIndex, variant: NameVariant, min_similarity: float = 0.0
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Candidate name ids with their similarity, coverage and completeness for one reading of the query."""
    if variant.kind == SKELETON:
        variant = _split_compounds(index, variant)
    name_ids, weights = _candidates(index, variant, min_similarity)
    if not len(name_ids):
        empty = np.zeros(0)
        return name_ids, empty, empty, empty
    width = int(index.name_length[name_ids].max())
    tokens_of = index.name_token_matrix[name_ids, :width]  # (K, m), padded with index.pad_token (empty, weight 0)
    texts = index.padded_skeletons if variant.kind == SKELETON else index.padded_tokens
    query = list(variant.tokens)
    raw = cdist(query, [texts[t] for t in tokens_of.ravel().tolist()], scorer=OSA.normalized_similarity)
    raw = raw.reshape(len(query), *tokens_of.shape)  # (n, K, m)
    # numbers must be equal: "14th" is not "16th", "360" is not "366"
    query_digits = np.array([any(ch.isdigit() for ch in t) for t in query])[:, None, None]
    numeric = query_digits | index.token_has_digit[tokens_of][None, :, :]
    raw = np.where(numeric & (raw < 1.0), 0.0, raw)
    query_lengths = np.array([len(t) for t in query])[:, None, None]
    short = np.minimum(query_lengths, index.padded_lengths[tokens_of][None, :, :]) <= 4
    pair = np.where(raw >= np.where(short, SHORT_TOKEN_FLOOR, TOKEN_FLOOR), raw, 0.0)
    if variant.kind != SKELETON:
        query_codes = np.array([index.phonetic_ids.get(phonetic(t), -2) for t in query])[:, None, None]
        sounds_alike = (query_codes == index.phonetic_array[tokens_of][None, :, :]) & (raw >= PHONETIC_MIN)
        pair = np.where(sounds_alike, np.maximum(pair, PHONETIC_SIMILARITY), pair)
    query_weights = np.array(weights)
    coverage = (query_weights @ pair.max(axis=2)) / query_weights.sum()
    name_weights = index.idf_array[tokens_of]
    completeness = (name_weights * pair.max(axis=0)).sum(axis=1) / np.maximum(name_weights.sum(axis=1), 1e-9)
    similarity = COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * completeness
    return name_ids, similarity, coverage, completeness


def match_names(
    index: ScreeningIndex, query: AnalyzedName, limit: int = 25, min_similarity: float = 0.0
) -> list[tuple[int, NameMatch]]:
    """The best-matching entries (at most ``limit``, similarity ≥ ``min_similarity``), best first, each with its
    best-matching name, over every reading of the query."""
    parts = [(variant, *_score_variant(index, variant, min_similarity)) for variant in query.variants]
    parts = [p for p in parts if len(p[1])]
    if not parts:
        return []
    variant_no = np.concatenate([np.full(len(p[1]), i) for i, p in enumerate(parts)])
    name_ids = np.concatenate([p[1] for p in parts])
    similarity = np.concatenate([p[2] for p in parts])
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
        support: dict[int, float] = {}
        for (_, e), s in per_reading.items():
            support[e] = support.get(e, 0.0) + s
    coverage = np.concatenate([p[3] for p in parts])
    completeness = np.concatenate([p[4] for p in parts])
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
        agreement = support[entry_no] if len(parts) > 1 else sim
        variant = parts[int(variant_no[i])][0]
        best.append(
            (entry_no, NameMatch(int(name_ids[i]), sim, float(coverage[i]), float(completeness[i]), variant, agreement))
        )
        if len(best) >= limit:
            break
    return best
