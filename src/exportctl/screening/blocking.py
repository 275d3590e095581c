"""Blocking: the few listed names worth scoring for each reading of a query, and the bounds that let it skip the rest.

Each query token brings the votes of the vocabulary tokens it reaches (precomputed per vocabulary word in
:class:`~exportctl.screening.index.VocabularyVotes`, worked out on the fly for an unknown word); a name's votes bound
how much of the query it can cover, so names that cannot reach the query's threshold are never scored. A batch of
queries is blocked in one numpy pass (:func:`candidates`), which gives each reading exactly what it would get alone.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import OSA

from exportctl.screening.index import (
    ScreeningIndex,
    TokenVotes,
    compute_prefix_votes,
    compute_token_votes,
    without_function_words,
)
from exportctl.screening.normalize import COMPOUND_JOIN, JOINED_ARTICLE, LATIN, SKELETON, NameVariant
from exportctl.screening.similarity import (
    ANY_WORD,
    COVERAGE_WEIGHT,
    WordRule,
    compiled,
    credits,
    is_initial,
    similarity_bound,
    unique_inverse,
    word_rule,
)

CANDIDATES_PER_VARIANT = 30


BOUND_SLACK = 0.02  # blocking's similarity bound is approximate (a 2-edit typo of a known word is not reached)


CANDIDATES_PER_SKELETON = 60  # consonant skeletons are ambiguous: look at more names

INITIAL_VOTE = 0.3  # share of its weight an initial votes with (see _muted)

HOLDERS_MAX = 400  # names holding a reading's common words added as candidates: at most as many as a voting word has


def token_votes(
    index: ScreeningIndex, token: str, skeleton_mode: bool, romanised: bool, rule: WordRule = ANY_WORD
) -> TokenVotes:
    """A query word's votes (cached per batch of work), each carrying the share ``rule`` gives its listed word."""
    cache = index.token_cache
    key = (token, skeleton_mode, romanised, rule)
    cached = cache.get(key)
    if isinstance(cached, TokenVotes):
        return cached
    known = None if skeleton_mode else index.vocab.get(token)
    vocabulary = index.vocabulary_votes
    if known is not None and vocabulary is not None and rule == ANY_WORD:  # a known word's votes ignore ``romanised``
        result = vocabulary.of(known)
    elif rule.kind == "prefix":  # the last word of a name cut at a field's length (.truncation)
        result = compute_prefix_votes(index, token, token_votes(index, token, skeleton_mode, romanised))
    elif skeleton_mode and rule.kind == "word":  # a translated word of a skeleton reading votes as that word does
        result = compute_token_votes(index, rule.word, False, romanised, functools.partial(credits, rule, token))
    else:
        shares = None if rule == ANY_WORD else functools.partial(credits, rule, token)
        result = compute_token_votes(index, token, skeleton_mode, romanised, shares)
    if len(cache) > 100_000:
        cache.clear()
    cache[key] = result
    return result


@dataclass(frozen=True)
class Unit:
    """One reading of one query of a batch, with the least similarity worth scoring for that query."""

    variant: NameVariant  # as analysed (what a hit reports)
    searched: NameVariant  # as searched (Persian compounds split)
    min_similarity: float
    letters: bool = False  # Arabic script read letter by letter: a one-letter word is a word (دعاء: d), no initial


def _votes_of(
    index: ScreeningIndex, unit: Unit, per_token: list[TokenVotes], own: list[tuple[tuple[int, ...], float]]
) -> tuple[list[npt.NDArray[np.int32]], list[npt.NDArray[np.float64]]]:
    """The names one reading votes for and the vote of each; nothing when no name can reach its threshold."""
    weights = [t.weight for t in per_token]
    if unit.min_similarity > 0.0:  # no name can cover more of the query than its tokens reach: often nothing can hit
        reach = sum(t.weight * t.ceiling for t in per_token) / max(sum(weights), 1e-9)
        if similarity_bound(min(1.0, reach)) < unit.min_similarity - BOUND_SLACK:
            return [], []
    voters = [t.names for t in per_token if len(t.names)]
    vote_weights = [t.votes for t in per_token if len(t.names)]
    if not voters:  # only very common words: block on the rarest of them (its names are ranked by common_votes)
        common = [token_id for t in per_token for token_id in t.common]
        if not common:
            return [], []
        rarest = max(common, key=lambda t: index.idf[t])
        voters = [index.postings_of(rarest)]
        vote_weights = [np.zeros(len(voters[0]))]
        return voters, vote_weights
    holders = None if unit.searched.kind == SKELETON else _holders_of_common_words(index, per_token, own)
    if holders is not None:
        voters.append(holders)
        vote_weights.append(np.zeros(len(holders)))
    return voters, vote_weights


def _holders_of_common_words(
    index: ScreeningIndex, per_token: list[TokenVotes], own: list[tuple[tuple[int, ...], float]]
) -> npt.NDArray[np.int32] | None:
    """The names that hold a reading's own common words, when those words make at least half of its weight.

    Common words do not vote, so the votes of such a reading come from its rare look-alikes only: "China
    Electronics Technology Group" voted for "Chino" and "Electronica" and never for the listed name made of exactly
    its four words. The names holding the rarest common word, narrowed by each next one while some remain, are
    added as candidates (their common words are counted by :func:`common_votes`); when they are more than a voting
    word could bring, the shortest of them (the names those words cover best). A name may leave out a function word:
    the names that hold the other words are added, narrowed and cut alike ("The Islamic State", narrowed by "the",
    missed the alias ISLAMIC STATE), beside those that hold it too (the words the cut name "JOINT STOCK COMPANY
    INSTITUTE FOR S" has are INSTITUTE FOR, held by fewer names than INSTITUTE alone). ``own``: the reading's own
    common words (:func:`_own_common_tokens`), with their weights."""
    if not own or 2 * sum(weight for _, weight in own) < sum(t.weight for t in per_token):
        return None
    words = [group[0] for group, _ in own]  # one word each (not skeletons)
    held = _holding_all(index, words)
    content = [t for t in words if not index.function_word[t]]
    if content and len(content) < len(words):
        held = np.union1d(held, _holding_all(index, content))
    return held


def _holding_all(index: ScreeningIndex, words: list[int]) -> npt.NDArray[np.int32]:
    """The names holding the rarest of the words, narrowed by each next one while some remain; the
    :data:`HOLDERS_MAX` shortest of them."""
    postings = sorted((index.postings_of(t) for t in words), key=len)
    held = postings[0]
    for other in postings[1:]:
        narrower = np.intersect1d(held, other, assume_unique=True)
        if not len(narrower):
            break
        held = narrower
    if len(held) > HOLDERS_MAX:
        held = np.sort(held[np.argpartition(index.name_weight[held], HOLDERS_MAX)[:HOLDERS_MAX]])
    return held


def _own_common_tokens(
    index: ScreeningIndex, unit: Unit, per_token: list[TokenVotes]
) -> list[tuple[tuple[int, ...], float]]:
    """The query's own words that are too common to vote (in more than BLOCKING_MAX_DF names), with their weight; for
    an unknown word, the common word it most resembles (its typo), weighted by that resemblance: else a one-word name
    such as "TECHNOLOGY" is out of reach of "tcehnology", whose rare look-alikes alone vote."""
    found: list[tuple[tuple[int, ...], float]] = []
    if unit.searched.kind == SKELETON:
        # the common listed words with the same consonants that the written word can spell (علی: ali, aly; not the
        # article al, el, which has no pattern of its own: it would lift every name with an article)
        patterns = unit.searched.patterns or ("",) * len(unit.searched.tokens)
        for token, pattern, votes in zip(unit.searched.tokens, patterns, per_token, strict=True):
            if not pattern:
                continue
            spelt = compiled(pattern)
            group = tuple(
                t for t in votes.common if index.token_skeleton[t] == token and spelt.fullmatch(index.tokens[t])
            )
            if group:
                found.append((group, votes.weight))
        return found
    for token, votes in zip(unit.searched.tokens, per_token, strict=True):
        token_id = index.vocab.get(token)
        if token_id is not None:
            if token_id in votes.common:
                found.append(((token_id,), votes.weight))
        elif votes.common:  # a misspelt common word ("tcehnology"): the common word it most resembles, for less
            sims = [OSA.normalized_similarity(token, index.tokens[t]) for t in votes.common]
            best = max(range(len(sims)), key=lambda i: (sims[i], -votes.common[i]))
            found.append(((votes.common[best],), votes.weight * sims[best]))
    return found


def common_votes(
    index: ScreeningIndex, names: npt.NDArray[np.int64], own: list[tuple[tuple[int, ...], float]]
) -> npt.NDArray[np.float64]:
    """How much of a reading's common words (``own``: the listed words that stand for one query word, its weight)
    each of its candidates (sorted name ids) holds as they are. Common words do not pick candidates, but among the
    names the rare words picked they must count: else "Nanjing Institute of Electronic Engineering" ties with every
    other Nanjing name and may not be scored at all, and Khamenei, Ali (علی خامنه‌ای: ل is al, ali, el …) with
    every other Khamenei."""
    found = np.zeros(len(names))
    for group, weight in own:
        held = _holds(index, group[0], names)
        for token_id in group[1:]:
            held |= _holds(index, token_id, names)
        found += held * weight
    return found


def _holds(index: ScreeningIndex, token_id: int, names: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    postings = index.postings_of(token_id)  # sorted name ids
    at = np.minimum(np.searchsorted(postings, names), len(postings) - 1)
    held: npt.NDArray[np.bool_] = postings[at] == names
    return held


def candidates(index: ScreeningIndex, units: list[Unit]) -> list[tuple[npt.NDArray[np.int64], list[float]]]:
    """Blocking for a batch of readings: the names voted for by each reading's similar vocabulary tokens, and each
    query token's weight.

    A name's votes bound its coverage from above (common tokens, which do not vote, are counted as if they all
    matched, and unknown tokens as if their unreached look-alikes were there: :func:`.index.compute_token_votes`);
    names whose best possible similarity stays under the reading's ``min_similarity`` are not scored.
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
    unworded: list[float] = []  # per reading: 1 where the listed names' function words are not asked for
    common: list[list[tuple[tuple[int, ...], float]]] = []  # per reading: its own common words (token ids, weight)
    for unit_no, unit in enumerate(units):
        romanised = unit.searched.kind != LATIN
        skeleton_mode = unit.searched.kind == SKELETON
        per_token = [
            token_votes(index, token, skeleton_mode, romanised, word_rule(unit.searched, position))
            for position, token in enumerate(unit.searched.tokens)
        ]
        initials = [is_initial(token) and not (skeleton_mode or unit.letters) for token in unit.searched.tokens]
        if any(initials):
            per_token = [_muted(t) if i else t for t, i in zip(per_token, initials, strict=True)]
        weights_of.append([t.weight for t in per_token])
        own = _own_common_tokens(index, unit, per_token)
        voters, vote_weights = _votes_of(index, unit, per_token, own)
        common.append(own if voters else [])
        pieces.extend(voters)
        piece_votes.extend(vote_weights)
        piece_unit.extend([unit_no] * len(voters))
        totals.append(max(sum(weights_of[-1]), 1e-9))
        # what may match beyond the votes: common tokens and initials (fully), unknown tokens' unreached look-alikes
        # (at most)
        unvoted.append(
            sum(
                t.weight if t.common or initial else t.weight * t.unreached
                for t, initial in zip(per_token, initials, strict=True)
            )
        )
        floors.append(unit.min_similarity - BOUND_SLACK)
        bounded.append(1.0 if unit.min_similarity > 0.0 else 0.0)
        unworded.append(1.0 if without_function_words(unit.searched) else 0.0)
    empty = np.zeros(0, dtype=np.int64)
    if not pieces:
        return [(empty, weights) for weights in weights_of]
    keys = np.concatenate(pieces).astype(np.int64)
    if len(units) > 1:
        lengths = np.array([len(p) for p in pieces])
        keys += np.repeat(np.array(piece_unit, dtype=np.int64) * n_names, lengths)
    unique, inverse = unique_inverse(keys)
    shared = np.asarray(np.bincount(inverse, weights=np.concatenate(piece_votes)), dtype=np.float64)  # per reading
    single = len(units) == 1  # one query (screen): plain numbers rather than gathered arrays, the same values
    unit_of = unique if single else unique // n_names  # (unused for one reading)
    names = unique if single else unique - unit_of * n_names

    def spread(values: list[float]) -> float | npt.NDArray[np.float64]:
        return values[0] if single else np.array(values)[unit_of]

    total_weight = spread(totals)
    best_case = similarity_bound(np.minimum(1.0, (shared + spread(unvoted)) / total_weight))
    possible = np.logical_or(best_case >= spread(floors), np.logical_not(spread(bounded)))
    if not possible.all():
        names, shared, unit_of = names[possible], shared[possible], unit_of[possible]
        if not isinstance(total_weight, float):
            total_weight = total_weight[possible]
    bounds = [0, len(names)] if single else np.searchsorted(unit_of, np.arange(len(units) + 1)).tolist()
    if any(common):
        added = np.zeros(len(names))
        for unit_no, own in enumerate(common):
            lo, hi = bounds[unit_no], bounds[unit_no + 1]
            if own and hi > lo:
                added[lo:hi] = common_votes(index, names[lo:hi], own)
        shared = shared + added
    # rank like the final similarity does: share of the query found, and share of the name found (without its
    # function words for a reading of a language that has none, as scoring asks)
    name_weight = index.name_weight[names]
    if any(unworded):
        name_weight = name_weight - spread(unworded) * index.name_function_weight[names]
    votes = COVERAGE_WEIGHT * shared / total_weight + (1 - COVERAGE_WEIGHT) * shared / np.maximum(name_weight, 1e-9)
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


def _muted(votes: TokenVotes) -> TokenVotes:
    """An initial's votes, at :data:`INITIAL_VOTE` of their weight. They go to the names holding the bare letter:
    in full, five initials outranked the name that "L. B. K. B. A. ROUINE"'s surname found with the names holding
    an L. or a B.; taken away, "S M A SHIPPING" (only a common word besides) had no candidate. The bound counts an
    initial in full: it stands for any word it begins, which blocking cannot list."""
    return replace(votes, votes=votes.votes * INITIAL_VOTE)


def split_compounds(index: ScreeningIndex, variant: NameVariant) -> NameVariant:
    """Split an unknown skeleton in two known ones: Persian writes given names together (محمدجواد Mohammad Javad).
    Not a compound the analysis joined from words written apart (حزب الله → Hizballah, عبد القادر → Abdelkader):
    split, it would be those words again without their spellings, and the consonants of علیرضا زاکانی would be
    those of Valerevich Chechikhin."""
    tokens: list[str] = []
    patterns: list[str] = []
    given = variant.patterns or ("",) * len(variant.tokens)
    for token, pattern in zip(variant.tokens, given, strict=True):
        if token in index.by_skeleton or len(token) < 5 or COMPOUND_JOIN in pattern or JOINED_ARTICLE in pattern:
            tokens.append(token)
            patterns.append(pattern)
            continue
        for cut in range(len(token) - 2, 1, -1):
            if token[:cut] in index.by_skeleton and token[cut:] in index.by_skeleton:
                tokens.extend((token[:cut], token[cut:]))
                patterns.extend(("", ""))  # where the letters split is not known: no vowel judgement
                break
        else:
            tokens.append(token)
            patterns.append(pattern)
    return NameVariant(tuple(tokens), variant.kind, patterns=tuple(patterns))
