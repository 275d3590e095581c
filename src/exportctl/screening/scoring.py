"""Scoring: rarity-weighted, aligned-token similarity of a query reading to each of its candidate names.

Every query token is aligned with its most similar token of each candidate name (rapidfuzz's optimal-string-alignment
similarity, where a transposition is one edit; 0 below a floor; numbers must be equal; at least 0.85 when the two
tokens sound alike: :mod:`.similarity`). Similarity is weighted by rarity (IDF) on both sides:

* ``coverage`` — how much of the *query* is found in the candidate (rare query tokens count most);
* ``completeness`` — how much of the *candidate* is found in the query.

All candidates of a batch are scored in one vectorised pass (numpy); each query still gets exactly the numbers it
would get alone: element-wise work is shared, and every sum runs over one candidate's own row or column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist

from exportctl.screening.index import ScreeningIndex, phonetic, without_function_words
from exportctl.screening.normalize import LATIN, SKELETON, NameVariant, joined_words
from exportctl.screening.same_party import NO_PARTY
from exportctl.screening.similarity import (
    ANY_WORD,
    FLOOR_32,
    INITIAL_SIMILARITY,
    PHONETIC_MIN,
    PHONETIC_SIMILARITY,
    PREFIX_SIMILARITY,
    SHORT_NAME_ONE_EDIT,
    SHORT_TOKEN_FLOOR,
    TOKEN_FLOOR,
    combine,
    credits,
    is_initial,
    pinyin_budget,
    pinyin_letters_kept,
    spelling_fixed,
    unique_inverse,
    word_rule,
)
from exportctl.screening.synonyms import SYNONYM_SIMILARITY, synonym_class
from exportctl.screening.world_words import distinct_words, is_another_word, is_world_word

SHORT_NAME_EXACT = 5  # a short name's word of up to this many letters must be exact, up to 8 one edit away
SKELETON_MIN_CONSONANTS = 3  # a one-word Arabic-script name with fewer consonants cannot decide a match alone


@dataclass(frozen=True)
class NameMatch:
    """How one query reading matched one listed name."""

    name_id: int
    similarity: float
    coverage: float
    completeness: float
    variant: NameVariant
    support: tuple[float, ...] = ()  # each reading's best similarity to this entry, best reading first (breaks ties)
    through: int = NO_PARTY  # the entry whose name this is, when another list's copy of the same party (.same_party)


Scored = tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]


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
        distinct, where = unique_inverse(cells.ravel().astype(np.int64))
        return [_Block(name_ids, weights, cells, where, distinct, _raw(index, variant, distinct))]
    starts = [0, *accumulate(len(name_ids) for name_ids, _ in found)]
    all_ids = np.concatenate([name_ids for name_ids, _ in found])
    widths = np.maximum.reduceat(index.name_length[all_ids], starts[:-1]).tolist()
    matrix = index.name_token_matrix[all_ids]
    tokens_of = [matrix[starts[b] : starts[b + 1], :width] for b, width in enumerate(widths)]
    cells = np.array([t.size for t in tokens_of])
    stride = len(index.padded_tokens)
    keys = np.concatenate([t.ravel() for t in tokens_of]) + np.repeat(np.arange(len(found)) * stride, cells)
    unique, inverse = unique_inverse(keys)
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


def _element_positions(
    searched: list[NameVariant], blocks: list[_Block]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """For each element of the flattened blocks: its query token (row over all readings) and candidate token."""
    sizes = np.array([b.raw.size for b in blocks])
    columns = np.array([b.raw.shape[1] for b in blocks])
    block_of = np.repeat(np.arange(len(blocks)), sizes)
    position = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    row_in_block = position // columns[block_of]
    first_row = np.cumsum([0, *(len(v.tokens) for v in searched)])[:-1]
    rows = first_row[block_of] + row_in_block
    first_column = np.cumsum(columns) - columns
    tokens = np.concatenate([b.distinct for b in blocks])[
        first_column[block_of] + position - row_in_block * columns[block_of]
    ]
    return rows, tokens


# first letters (ASCII code -> bits): _STABLE, one no romanisation scheme changes (b f l m n p r v); _V_OR_W, v or w
_STABLE, _V_OR_W = 1, 2
_INITIAL_CLASS = np.zeros(128, dtype=np.int8)
for _letter in "bflmnpr":
    _INITIAL_CLASS[ord(_letter)] = _STABLE
_INITIAL_CLASS[ord("v")] = _STABLE | _V_OR_W
_INITIAL_CLASS[ord("w")] = _V_OR_W


def _token_pairs(
    index: ScreeningIndex, searched: list[NameVariant], blocks: list[_Block], letters: Sequence[bool] = ()
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """The aligned-token similarity of every (query token, distinct candidate token) of every block, flattened
    block by block: one numpy pass for the whole batch (each element is computed exactly as for one reading).

    Also the *strict* similarity used for short names (:func:`edit_budget`): 0 for a pair further apart than the
    longer token's edit budget, and no credit for sounding alike beyond it."""
    query = [t for variant in searched for t in variant.tokens]
    if len(blocks) == 1:  # one query (screen): the same elements, without the batch's index arithmetic
        rows = np.repeat(np.arange(len(query)), blocks[0].raw.shape[1])
        tokens = np.tile(blocks[0].distinct, len(query))
    else:
        rows, tokens = _element_positions(searched, blocks)
    raw = np.concatenate([b.raw.ravel() for b in blocks])
    # numbers must be equal: "14th" is not "16th", "360" is not "366"
    numeric = np.array([any(ch.isdigit() for ch in t) for t in query])[rows] | index.token_has_digit[tokens]
    raw = np.where(numeric & (raw < 1.0), 0.0, raw)
    query_length = np.array([len(t) for t in query])[rows]
    listed_length = index.padded_lengths[tokens]
    short = np.minimum(query_length, listed_length) <= 4
    pair = np.where(raw >= np.where(short, SHORT_TOKEN_FLOOR, TOKEN_FLOOR), raw, 0.0)
    codes = [
        index.phonetic_ids.get(phonetic(t), -2) if variant.kind != SKELETON else -3
        for variant in searched
        for t in variant.tokens
    ]  # skeleton readings have no sound keys (-3 equals no token's code)
    sounds_alike = (np.array(codes)[rows] == index.phonetic_array[tokens]) & (raw >= PHONETIC_MIN)
    credited = np.where(sounds_alike, np.maximum(pair, PHONETIC_SIMILARITY), pair)
    longer = np.maximum(query_length, listed_length)
    within = raw >= 1.0 - edit_budget(longer) / np.maximum(longer, 1) - 1e-6
    # a name written in Latin letters is mistyped after its first letter: one differing there is another name
    # (Powell is not LOWELL, Morgan not TORGAN), unless the two sound alike (Cristal, Kristal). Romanised readings
    # differ there by scheme (Qassem, Kassem; Tsvetkov, Cvetkov)
    initials_query = np.array([ord(t[0]) if v.kind == LATIN else -1 for v in searched for t in v.tokens])[rows]
    within &= (initials_query < 0) | (initials_query == index.padded_initials[tokens]) | sounds_alike
    # in a name of any length too where no transliteration changes the letter (Payne is not WAYNE, Howell not
    # POWELL, Hines not LINES): one of the two begins with b f l m n p r v, and they are not v and w (Wladimir,
    # Vladimir). Other first letters stand for one sound in several schemes (Zhuravlyov, Jouravliov; Khamenei,
    # Hamenei; Qassem, Kassem; Walid, French Oualid), and a word run into another (shipmanagement, management;
    # alnaser, naser) is no misspelling of it
    if (initials_query >= 0).any():  # a Latin word: the listed word's first letter may be the fixed one
        query_class = _INITIAL_CLASS[np.clip(initials_query, 0, 127)]  # no Latin word (-1): class 0
        listed_initials = index.padded_initials[tokens]
        listed_class = _INITIAL_CLASS[np.minimum(listed_initials, 127)]
        other_name = (
            (initials_query >= 0)
            & (initials_query != listed_initials)
            & (((query_class | listed_class) & _STABLE) > 0)
            & ((query_class & listed_class & _V_OR_W) == 0)
            & (np.abs(query_length - listed_length) <= 1)
            & ~sounds_alike
        )
        if other_name.any():
            credited = np.where(other_name, 0.0, credited)
    # a word the lists know is that word, not a misspelling of another: a one-word "Aguilar" is not AGUILAS, nor
    # "Smith" SMIT (a typo seldom makes another listed word; where it does, the name's other words decide); so is a
    # word the world's languages use, or two English ones written together that differ from the listed word by a
    # whole one, unless the two sound alike, as one name's spellings do ("Caron" is no CARBON, "Diallo" no Diablo,
    # TECHPRECISION no Testprecision; "Cristall" may be KRISTAL: .world_words)
    kinds = np.array([v.kind for v in searched for _ in v.tokens])  # each query word's reading's kind
    latin = kinds == LATIN
    known = (latin & np.array([t in index.vocab for t in query]))[rows]
    within &= ~known | (raw >= 1.0)
    # two words of the world's languages are two words, not one misspelt, in a name of any length: "Decent Holding"
    # is no ASCENT HOLDINGS, "Housing Finance" no HOLDING FINANCE. Not one edit apart (a typo that makes a word), nor
    # where they sound alike, share their consonants (Mohammed, MOHAMAD) or differ only in their last letters
    # (technology, TECHNOLOGIES; centre, CENTER): spellings and endings of one word (world_words.distinct_words)
    two_words = (credited > 0.0) & (raw < 1.0) & ~sounds_alike & latin[rows] & index.world_word[tokens]
    if two_words.any():
        query_world = np.zeros(len(query), dtype=bool)  # looked up only for the words that have such a pair
        for k in np.unique(rows[two_words]).tolist():
            query_world[k] = is_world_word(query[k])  # a Latin reading's word (two_words holds only those)
        two_words &= query_world[rows]
        for at in np.flatnonzero(two_words).tolist():
            if not distinct_words(query[int(rows[at])], index.tokens[int(tokens[at])]):
                two_words[at] = False
        if two_words.any():
            credited = np.where(two_words, 0.0, credited)
            within &= ~two_words
    doubtful = within & (raw < 1.0) & ~sounds_alike  # looked up only where the answer can change a pair: few
    if doubtful.any():
        worded = np.zeros(len(rows), dtype=bool)
        for at in np.flatnonzero(doubtful).tolist():
            row = int(rows[at])
            worded[at] = bool(latin[row]) and is_another_word(query[row], index.tokens[int(tokens[at])])
        within &= ~worded | (raw >= 1.0)
    # a word that ends with the other whole after a syllable or more is another word, not a misspelling (GEOPHYSICS
    # is no PHYSICS, UKRTELECOM no TELECOM, microelectronics no ELECTRONICS): a typo adds no three letters before a
    # word. Two letters may be an article run in (alhassan); letters after a word are often its own derivation
    # (revolution, REVOLUTIONARY; engineer, ENGINEERING), which the lists write both ways. Not where the letters
    # before are a word written apart: the query's word before it (Юр'евіч read "yur evich", YURYEVICH), or a word
    # that a listed name has before the shorter one (shipmanagement: SHIP MANAGEMENT)
    affixed = (credited > 0.0) & (raw < 1.0) & (np.abs(query_length - listed_length) >= AFFIX_LETTERS)
    affixed &= (kinds != SKELETON)[rows]
    if affixed.any():
        first_rows = set(np.cumsum([0, *(len(v.tokens) for v in searched)]).tolist())
        for at in np.flatnonzero(affixed).tolist():
            row = int(rows[at])
            before = None if row in first_rows else query[row - 1]
            if _another_word(index, query[row], index.tokens[int(tokens[at])], before):
                credited[at] = 0.0
                within[at] = False
    spelt = [v.kind == SKELETON or (bool(letters) and letters[k]) for k, v in enumerate(searched)]  # no initials
    # a word read from Arabic script is a word: no listed one-letter word (an initial, a brand's letter) is its
    # spelling, though the letter has its consonant (غوى, k: the C of IBDA-C)
    lettered = (kinds == SKELETON)[rows] & (listed_length == 1)
    if lettered.any():
        credited = np.where(lettered, 0.0, credited)
    initials = np.array(
        [ord(t) if is_initial(t) and not spelt[k] else -1 for k, v in enumerate(searched) for t in v.tokens]
    )
    if (initials >= 0).any():
        credited = _initials_credited(index, rows, tokens, initials, credited)
    # words of one synonym class (plant / factory, air / airlines): a kind word said otherwise (.synonyms)
    classes = np.array([_class_of(v, i) for v in searched for i in range(len(v.tokens))])
    if (classes >= 0).any():
        synonyms = (classes[rows] >= 0) & (classes[rows] == index.padded_synonyms[tokens])
        credited = np.where(synonyms, np.maximum(credited, SYNONYM_SIMILARITY), credited)
        within = within | synonyms
    fixed = np.array([spelling_fixed(variant, t) for variant in searched for t in variant.tokens])
    if fixed.any():  # a romanised Chinese word: "xian" is not "tian" (another character), "haerbin" may be "Harbin"
        first = np.array([ord(t[0]) for t in query])[rows] == index.padded_initials[tokens]
        pinyin_ok = first & (raw >= 1.0 - pinyin_budget(longer) / np.maximum(longer, 1) - 1e-6)
        texts = index.padded_tokens
        for k in np.flatnonzero(fixed[rows] & pinyin_ok & (raw < 1.0)).tolist():  # few: the near spellings
            pinyin_ok[k] = pinyin_letters_kept(query[rows[k]], texts[tokens[k]])
        differs = fixed[rows] & ~pinyin_ok
        credited = np.where(differs, 0.0, np.where(fixed[rows], pair, credited))  # no sound-alike credit either
        within = within & ~differs
    # a brand read through its learnt equivalent (.equivalents) must be that brand as written: a second, fuzzy step
    # after a learnt one is a guess on a guess ("Schmidt" read as its equivalent Simite is no SIMIT)
    learnt = np.array([t in {to for _, to in v.replaced} for v in searched for t in v.tokens])
    if learnt.any():
        exact = ~learnt[rows] | (raw >= 1.0)
        credited, within = np.where(exact, credited, 0.0), within & exact
    strict = np.where(within, credited, 0.0).astype(np.float32)
    if any(variant.cut for variant in searched):
        _credit_prefixes(index, searched, blocks, credited, strict)
    return credited, strict


def _credit_prefixes(
    index: ScreeningIndex,
    searched: list[NameVariant],
    blocks: list[_Block],
    credited: npt.NDArray[np.float32],
    strict: npt.NDArray[np.float32],
) -> None:
    """The last word of a reading of a name cut at a field's length counts :data:`.similarity.PREFIX_SIMILARITY`
    against each listed word it begins (:mod:`.truncation`), and nothing against another longer word, in place: a
    stub is the start of a word, not a misspelling of it ("registrats" is no REGISTRATOR; the reading as written
    still judges it so)."""
    texts = index.padded_tokens
    start = 0
    for variant, block in zip(searched, blocks, strict=True):
        columns = block.raw.shape[1]
        if variant.cut:
            stub = variant.tokens[-1]
            distinct = [texts[t] for t in block.distinct.tolist()]
            begins = np.fromiter((text.startswith(stub) for text in distinct), bool, count=columns)
            longer = np.fromiter((len(text) > len(stub) for text in distinct), bool, count=columns)
            row = slice(start + (len(variant.tokens) - 1) * columns, start + len(variant.tokens) * columns)
            for pairs in (credited, strict):
                pairs[row] = np.where(
                    begins, np.maximum(pairs[row], PREFIX_SIMILARITY), np.where(longer, 0.0, pairs[row])
                )
        start += block.raw.size


CUT_REMAINDER_SHARE = 0.25  # what a listed word after a cut name's end weighs in completeness (1 before it)


def _cut_off(pair: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
    """For a cut reading's (query word × candidate × candidate word) similarities, each candidate word's share of its
    weight in completeness: 1 up to the word the query's last word matched best, :data:`CUT_REMAINDER_SHARE` after
    it; all 1 where the last word matched none. The words after the cut may have been cut off, not left out; yet
    they are not confirmed either: counted at nothing, "the institute o" (of what?) matched The Institute of
    Electronics, Chinese Academy of Sciences at 0.95."""
    last = pair[-1]
    width = last.shape[1]
    at = np.where(last.max(axis=1) > 0, last.argmax(axis=1), width - 1)
    return np.where(np.arange(width)[None, :] <= at[:, None], 1.0, CUT_REMAINDER_SHARE)


AFFIX_LETTERS = 3  # letters before a word that another word ending with it has: another word (see _token_pairs)


def _another_word(index: ScreeningIndex, query: str, listed: str, before: str | None) -> bool:
    """Whether one of the two words ends with the other after letters that are no word written apart (``before``:
    the query's word before ``query``, None for its first)."""
    if len(query) > len(listed):
        return query.endswith(listed) and not index.side_by_side(query[: -len(listed)], listed)
    return listed.endswith(query) and listed[: -len(query)] != before


def _class_of(variant: NameVariant, position: int) -> int:
    """The synonym class of a reading's word: of the word itself, or in a skeleton reading of the English word a
    translated word stands for (its pattern: هواپیمایی is "airline", and AIR is of its class)."""
    if variant.kind != SKELETON:
        return synonym_class(variant.tokens[position])
    pattern = variant.patterns[position] if variant.patterns else ""
    return synonym_class(pattern) if pattern.isalpha() else -1


def _initials_credited(
    index: ScreeningIndex,
    rows: npt.NDArray[np.int64],
    tokens: npt.NDArray[np.int64],
    initials: npt.NDArray[np.int64],
    credited: npt.NDArray[np.float32],
) -> npt.NDArray[np.float32]:
    """A query's initial stands for a listed word it begins ("M. THACI" for THACI, Menduh): it counts
    :data:`INITIAL_SIMILARITY`, less than the word itself, so the other words must carry the match. Not within a
    short name's edit budget: an initial never confirms a one-word name. A *listed* one-letter word is no initial of
    the query's words: it is part of a brand (T-MOTOR is not Toyota Motor)."""
    initial = (initials[rows] == index.padded_initials[tokens]) & (index.padded_lengths[tokens] > 1)
    initial &= ~index.token_has_digit[tokens]
    return np.where(initial, np.maximum(credited, INITIAL_SIMILARITY), credited).astype(np.float32)


def _vowel_agreement(
    index: ScreeningIndex, reading: NameVariant, distinct: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.bool_]]:
    """For a consonant-skeleton reading: 1 where a candidate token is a possible spelling of the query word (its
    vowelled pattern, :func:`~exportctl.screening.scripts.vowelled_pattern`), :data:`.similarity.SKELETON_ONLY`
    where the two share only their consonants ("جامعة" university and "Jimmy"): a skeleton finds candidates, it
    never decides.
    A translated word (its pattern is the English word) counts only against that word, the article (al, el, ul)
    only against an article: the shares of :func:`.similarity.credit`, which blocking's votes carry too.

    Also, for each pair, whether the candidate token fits the query word's pattern in full (a "spelling" rule): such a
    word is a romanisation of the Arabic word and counts fully, though its own skeleton may read a digraph otherwise
    (بريخ BARICH: خ is kh or ch, and the skeleton of "barich" reads ch as the s of French spellings: brs, not brk).
    The pattern, not the skeleton, is what says that a Latin word spells an Arabic one; but only the pattern of one
    word, and only where the skeletons are near already: two words' patterns joined into one (ولی جان, WALIJAN) leave
    so much unsaid between them that طه عليان (Taha Alyan) read as one word spelt TALEON; and a pair of far skeletons
    gains nothing (رضا read with the Persian z, rs, and REDA, rd)."""
    texts = [index.padded_tokens[t] for t in distinct.tolist()]
    factor = np.ones((len(reading.tokens), len(texts)), dtype=np.float32)
    spelt = np.zeros((len(reading.tokens), len(texts)), dtype=bool)
    for row, token in enumerate(reading.tokens):
        rule = word_rule(reading, row)
        if rule != ANY_WORD:
            factor[row] = credits(rule, token, texts, [1.0] * len(texts))
            if rule.kind == "spelling" and not joined_words(rule.word):
                spelt[row] = factor[row] >= 1.0
    return factor, spelt


def edit_budget(length: npt.NDArray[np.int32] | npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Edits a short name may differ by, by the longer word's length: none up to 5 letters, one up to 8, two beyond.

    A name of one distinctive word (or an acronym) has nothing else to confirm it: "Sabre" is not "Saber", "Aptiv"
    not "Aktiv", and sounding alike is no excuse. The budget applies when the query reading or the listed name has a
    single word; in longer names a typo in one word is confirmed (or not) by the others."""
    return np.where(length <= SHORT_NAME_EXACT, 0, np.where(length <= SHORT_NAME_ONE_EDIT, 1, 2))


def score_units(
    index: ScreeningIndex,
    searched: list[NameVariant],
    found: list[tuple[npt.NDArray[np.int64], list[float]]],
    written_twice: Sequence[bool] = (),
    letters: Sequence[bool] = (),
) -> list[Scored]:
    """Candidate name ids with their similarity, coverage and completeness, for each reading of a batch.
    ``written_twice``: the readings of a name that may be written twice in one text, in Latin letters and another
    script ("El Harrachi (الحراشي)"), whose repeated words each count in full (see :func:`_once_each`); ``letters``:
    the readings of Arabic script letter by letter, whose one-letter words are no initials (دعاء: d)."""
    live = [i for i, (name_ids, _) in enumerate(found) if len(name_ids)]
    empty = np.zeros(0)
    scored: list[Scored] = [(name_ids, empty, empty, empty) for name_ids, _ in found]
    if not live:
        return scored
    live_readings = [searched[i] for i in live]
    twice = [bool(written_twice) and written_twice[i] for i in live]
    blocks = _blocks(index, live_readings, [found[i] for i in live])
    pairs, strict_pairs = _token_pairs(index, live_readings, blocks, [bool(letters) and letters[i] for i in live])
    aligned: list[npt.NDArray[np.float32]] = []
    start = 0
    for reading, block in zip(live_readings, blocks, strict=True):
        aligned.append(_aligned(index, reading, block, pairs, strict_pairs, start))
        if len(set(reading.tokens)) < len(reading.tokens) <= ONCE_EACH_WORDS and not twice[len(aligned) - 1]:
            aligned[-1] = _once_each(reading.tokens, aligned[-1])
        repeating = index.name_repeats[block.name_ids]
        if repeating.any():
            aligned[-1] = _listed_once_each(block.tokens_of, np.flatnonzero(repeating), aligned[-1], index.pad_token)
        start += block.raw.size
    # readings of the same shape (query words × a name's width) are summed together: each candidate's numbers are
    # computed exactly as alone (sums over one candidate's row or column), with numpy's per-call cost paid once
    by_shape: dict[tuple[int, int], list[int]] = {}
    for position, pair in enumerate(aligned):
        by_shape.setdefault((pair.shape[0], pair.shape[2]), []).append(position)
    cut_off = {m: _cut_off(pair) for m, pair in enumerate(aligned) if live_readings[m].cut}
    unworded = {m for m, reading in enumerate(live_readings) if without_function_words(reading)}
    for members in by_shape.values():
        query_weights = np.array([blocks[m].weights for m in members], dtype=np.float64)  # (readings, n)
        if len(members) == 1:  # one query (screen) or a shape of its own: the same numbers, without the gathers
            stacked, tokens_of = aligned[members[0]], blocks[members[0]].tokens_of
            sizes = [stacked.shape[1]]
            weights = query_weights[0][:, None]
            total: float | npt.NDArray[np.float64] = float(query_weights[0].sum())
        else:
            stacked = np.concatenate([aligned[m] for m in members], axis=1)
            tokens_of = np.concatenate([blocks[m].tokens_of for m in members])
            sizes = [aligned[m].shape[1] for m in members]
            weights = query_weights[np.repeat(np.arange(len(members)), sizes)].T  # (n, candidates)
            total = np.repeat(query_weights.sum(axis=1), sizes)  # each reading's own sum, as alone
        coverage = (weights * stacked.max(axis=2)).sum(axis=0) / total
        name_ids = (
            blocks[members[0]].name_ids if len(members) == 1 else np.concatenate([blocks[m].name_ids for m in members])
        )
        name_weights = index.name_weights(name_ids, tokens_of)
        if any(m in cut_off for m in members):  # a cut name asks only for the listed words up to its cut
            name_weights = name_weights * np.concatenate(
                [cut_off.get(m, np.ones(aligned[m].shape[1:])) for m in members], axis=0
            )
        if any(m in unworded for m in members):  # nor a reading from a language without "of" and "the" for them
            asked = [~index.function_word[blocks[m].tokens_of] if m in unworded else True for m in members]
            name_weights = name_weights * (
                asked[0]
                if len(members) == 1
                else np.concatenate(
                    [np.broadcast_to(a, blocks[m].tokens_of.shape) for a, m in zip(asked, members, strict=True)]
                )
            )
        completeness = (name_weights * stacked.max(axis=0)).sum(axis=1) / np.maximum(name_weights.sum(axis=1), 1e-9)
        similarity = combine(coverage, completeness)
        offsets = [0, *accumulate(sizes)]
        for k, m in enumerate(members):
            lo, hi = offsets[k], offsets[k + 1]
            scored[live[m]] = (blocks[m].name_ids, similarity[lo:hi], coverage[lo:hi], completeness[lo:hi])
    return scored


def _aligned(
    index: ScreeningIndex,
    reading: NameVariant,
    block: _Block,
    pairs: npt.NDArray[np.float32],
    strict_pairs: npt.NDArray[np.float32],
    start: int,
) -> npt.NDArray[np.float32]:
    """One reading's (query word × candidate × candidate word) similarities, with the rules that depend on the
    reading or the candidate: short names' edit budget, Arabic spellings, a short Arabic word's share."""
    size = block.raw.size
    cells = block.where.reshape(block.tokens_of.shape)
    if len(block.weights) == 1:  # a one-word reading: every candidate is judged on that word alone
        pair = strict_pairs[start : start + size].reshape(block.raw.shape)[:, cells]
    else:
        pair = pairs[start : start + size].reshape(block.raw.shape)[:, cells]
        short = index.name_length[block.name_ids] == 1
        if short.any():  # a one-word listed name: the query's word must be within its budget
            strict = strict_pairs[start : start + size].reshape(block.raw.shape)[:, cells]
            pair = np.where(short[None, :, None], strict, pair)
        one_distinct = index.one_distinct_word[block.name_ids]
        if one_distinct.any() and reading.kind == LATIN:
            # the one distinctive word of an organisation's name whose other words are common is no misspelling of
            # another word the lists know (Grande Group is not GROUP GRAND, Decent Holding not ASCENT HOLDINGS): as
            # for a one-word name, but a typo keeps its fuzzy credit (Anvic, ANVIK TECHNOLOGIES)
            known = np.array([t in index.vocab for t in reading.tokens])
            if known.any():
                distinct = one_distinct[:, None] & ~index.common_word[block.tokens_of]
                other = known[:, None, None] & (block.raw[:, cells] < 1.0) & distinct[None, :, :]
                classes = np.array([synonym_class(t) for t in reading.tokens])
                if (classes >= 0).any():  # a word of its class is that word said otherwise (China: SINO IC TECHNOLOGY)
                    listed = index.padded_synonyms[block.tokens_of]
                    other &= ~((classes[:, None, None] >= 0) & (classes[:, None, None] == listed[None, :, :]))
                pair = np.where(other, 0.0, pair).astype(np.float32)
    if reading.kind == SKELETON and any(reading.patterns):
        agreement, spelt = _vowel_agreement(index, reading, block.distinct)
        pair = (pair * agreement[:, cells]).astype(np.float32)
        if spelt.any():  # a spelling of the word is that word, whatever the skeletons of its digraphs (see below)
            near = block.raw[:, cells] >= FLOOR_32  # skeletons within the general floor, if not a short word's
            pair = np.where(spelt[:, cells] & near, np.float32(1.0), pair)
    if reading.kind == SKELETON and len(reading.tokens) == 1 and len(reading.tokens[0]) < SKELETON_MIN_CONSONANTS:
        # one short Arabic word (آرش: r, sh) fits the spelling of many Latin words (Arch, Ares, Aurus): too little
        # to decide on; its share of a match is its share of the consonants a name needs
        pair = (pair * (len(reading.tokens[0]) / SKELETON_MIN_CONSONANTS)).astype(np.float32)
    return pair


ONCE_EACH_WORDS = 5  # a longer text that repeats words is one name written several ways (its aliases, in brackets)


def _once_each(tokens: tuple[str, ...], pair: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """A word that a name of up to :data:`ONCE_EACH_WORDS` words repeats is credited once for each time the
    candidate holds it: its k-th occurrence counts only the k-th best of the candidate's words. One listed word stood
    for both (Mai Mai: MAI, the Moscow Aviation Institute, at 1.0; پارسا پارسا: PARSA COMPANY; the second article of
    عتيد آل مرة al-Murrah)."""
    pair = pair.copy()
    for token in {t for t in tokens if tokens.count(t) > 1}:
        rows = [i for i, t in enumerate(tokens) if t == token]
        ranked = -np.sort(-pair[rows[0]], axis=-1)  # (candidates, candidate words), best first
        for k, row in enumerate(rows[1:], start=1):
            cap = ranked[:, k] if k < ranked.shape[1] else np.zeros(ranked.shape[0], dtype=pair.dtype)
            pair[row] = np.minimum(pair[row], cap[:, None])
    return pair


def _listed_once_each(
    tokens_of: npt.NDArray[np.int32], candidates: npt.NDArray[np.int64], pair: npt.NDArray[np.float32], pad: int
) -> npt.NDArray[np.float32]:
    """:func:`_once_each` from the other side: a word that a listed name of a few words repeats is held once for each
    time the query holds it, its k-th occurrence at most the k-th best of the query's words for it. One query word
    stood for both (赵东 Zhao Dong: ZHAO, Dong Dong at 0.97; Aguilar: AGUILAR AGUILAR Y CIA.)."""
    pair = pair.copy()
    for c in candidates.tolist():
        row = tokens_of[c].tolist()
        for token in {t for t in row if t != pad and row.count(t) > 1}:  # the pad after the name: no word
            columns = [j for j, t in enumerate(row) if t == token]
            ranked = -np.sort(-pair[:, c, columns[0]])  # the query's words for it, best first
            for k, column in enumerate(columns[1:], start=1):
                pair[:, c, column] = np.minimum(pair[:, c, column], ranked[k] if k < len(ranked) else 0.0)
    return pair


def best_entries(
    index: ScreeningIndex, scored: list[tuple[NameVariant, *Scored]], limit: int, min_similarity: float
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
    # best first; at equal similarity a reading that needs no learnt brand equivalent (云从 read "Yun Cong", not
    # "CloudWalk"), then by name id, for stability
    borrowed = np.array([bool(p[0].replaced) for p in parts])[variant_no[kept]]
    order = kept[np.lexsort((name_ids[kept], borrowed, -similarity[kept]))]

    def name_match(i: int, entry_no: int) -> NameMatch:
        sim = float(similarity[i])
        agreement = tuple(support[entry_no]) if len(parts) > 1 else (sim,)
        variant = parts[int(variant_no[i])][0]
        return NameMatch(int(name_ids[i]), sim, float(coverage[i]), float(completeness[i]), variant, agreement)

    best: list[tuple[int, NameMatch]] = []
    seen: set[int] = set()
    through_other: dict[int, int] = {}  # entry -> its place in ``best``, scoring through another copy's name
    for i in order.tolist():
        entry_no = int(entries[i])
        if entry_no in seen:
            at = through_other.pop(entry_no, None)
            if at is not None and similarity[i] >= best[at][1].similarity:  # as good through its own name: its own
                best[at] = (entry_no, name_match(i, entry_no))
            continue
        seen.add(entry_no)
        match = name_match(i, entry_no)
        best.append((entry_no, match))
        party = int(index.party_of[entry_no]) if len(index.party_of) else NO_PARTY
        if party != NO_PARTY:  # the party's copies on other lists score through this name (.same_party)
            for other in index.parties[party]:
                if other not in seen:
                    seen.add(other)
                    through_other[other] = len(best)
                    best.append((other, replace(match, through=entry_no)))
        if len(best) >= limit:
            break
    return best[:limit]
