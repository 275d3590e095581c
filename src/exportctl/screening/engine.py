"""Screening one name, or many: normalise → block → score features → explain.

The default threshold, :data:`DEFAULT_THRESHOLD` = 0.74, is the lowest that keeps false positives on the
development negatives at or below 1 % with 95 % confidence (the upper end of the Wilson interval), both dev files
pooled (``benchmarks/screening_quality.py --sweep``, baseline in ``benchmarks/baselines/screening_quality.txt``):
4,408 negatives, 26 flagged at 0.74 (0.59 %, interval up to 0.86 %), 33 at 0.72 (0.75 %, up to 1.05 %); on
the 2026 corpus of 55,294 entries 28 at 0.74 (up to 0.92 %). Scores are
comparable across queries: 1.0 means every rare word agrees on both sides (legal forms and country only nudge it);
each feature's part is shown in the hit. Raise the threshold to see fewer, surer hits; lower it (e.g. 0.6) for a
wider review net.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import pycountry

from exportctl.errors import InputError
from exportctl.screening.acronyms import with_acronyms
from exportctl.screening.compounds import with_rejoined_words, without_unlisted_syllables
from exportctl.screening.equivalents import with_equivalents
from exportctl.screening.explain import FeatureContribution, Hit, ScreeningResult
from exportctl.screening.features import FEATURES, Pair, Query, max_bonus, written_as_person
from exportctl.screening.index import ScreeningIndex
from exportctl.screening.lexicon import with_lexicon
from exportctl.screening.match import NameMatch, match_many
from exportctl.screening.name_field import field_readings
from exportctl.screening.normalize import MAX_NAME_CHARS, AnalyzedName, analyze
from exportctl.screening.pinyin_names import with_pinyin_terms
from exportctl.screening.respelling import with_respelt_words, with_yo_respelt
from exportctl.screening.same_party import NO_PARTY
from exportctl.screening.scripts import unread_scripts
from exportctl.screening.trailing_places import with_trailing_places_dropped
from exportctl.screening.truncation import cut_length, with_cut_readings
from exportctl.screening.units import with_unit_words_dropped

DEFAULT_THRESHOLD = 0.74
MIN_NAME_CHARS = 2  # a single Latin letter matches every name with an initial: refuse rather than flood
_SCORED_PER_QUERY = 25
_BLOCKING_MARGIN = 0.07
_SOURCE_RANK = {"uk-ofsi": 1, "ofac-consolidated": 1, "csl": 2}  # lists that copy others' designations


@lru_cache(maxsize=512)
def normalize_country(value: str | None) -> str | None:
    """ISO 3166 alpha-2 for a country hint ("cn", "China", "CHN"); None when empty; InputError when unknown."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        found = pycountry.countries.lookup(text)
    except LookupError:
        found = None  # raised out here, the error has no context (a LookupError whose frames would hold the caller)
    if found is None:
        raise InputError(f"unknown country {text!r}: give an ISO 3166 code such as CN or RU", field="country")
    return str(found.alpha_2)


_WEIGHTS = tuple(f.weight for f in FEATURES)


@lru_cache(maxsize=4096)
def _contribution(position: int, value: float) -> FeatureContribution:
    """One feature's contribution (immutable, and most values are 0 or 1: shared rather than rebuilt per hit)."""
    feature = FEATURES[position]
    return FeatureContribution(feature.name, value, feature.weight, feature.doc)


def _check_threshold(threshold: float) -> None:
    if not 0.0 <= threshold <= 1.0:
        raise InputError(f"threshold must be between 0 and 1, got {threshold}", field="threshold")


def screen_query(
    index: ScreeningIndex, query: Query, *, threshold: float = DEFAULT_THRESHOLD, limit: int = 10
) -> ScreeningResult:
    """Screen one :class:`Query`; hits at or above ``threshold``, best first, at most ``limit``."""
    result = screen_queries(index, [query], threshold=threshold, limit=limit)[0]
    if isinstance(result, InputError):
        raise result
    return result


def screen_queries(
    index: ScreeningIndex, queries: Sequence[Query], *, threshold: float = DEFAULT_THRESHOLD, limit: int = 10
) -> list[ScreeningResult | InputError]:
    """Screen a batch of queries, each exactly as :func:`screen_query` would; an unusable one gets its InputError.

    Blocking runs once for the whole batch (:func:`~exportctl.screening.match.match_many`), which is what makes a
    file screen several times faster per name than one query at a time.
    """
    _check_threshold(threshold)
    prepared: list[_Prepared | InputError] = []
    for query in queries:
        try:
            prepared.append(_prepare(index, query, threshold))
        except InputError as error:  # without its traceback, which would make a cycle with this frame (see rows)
            prepared.append(error.with_traceback(None))
    usable = [p for p in prepared if isinstance(p, _Prepared)]
    matches = iter(match_many(index, [(p.analyzed, p.floor) for p in usable], _SCORED_PER_QUERY))
    return [p if isinstance(p, InputError) else _result(index, p, next(matches), threshold, limit) for p in prepared]


# a hit being ranked: the unclipped total, each reading's similarity, the hit, the words the names share, its entry
_Scored = tuple[float, tuple[float, ...], Hit, int, int]
# a candidate under the threshold, kept unexplained: its entry, match, feature values, unclipped total and score
_Unscored = tuple[int, NameMatch, list[float], float, float]


@dataclass(frozen=True)
class _Prepared:
    """A query checked and analysed, with how much the features besides the name can add."""

    query: Query
    analyzed: AnalyzedName
    bonus: float
    floor: float  # the least name similarity worth scoring
    notes: tuple[str, ...] = ()  # what the preparation read into the query


def _prepare(index: ScreeningIndex, query: Query, threshold: float) -> _Prepared:
    if not query.name or not query.name.strip():
        raise InputError("the name to screen is empty", field="name")
    analyzed = _analysed(index, query.name)
    field = field_readings(query.name[:MAX_NAME_CHARS])
    notes = field.notes
    if field.country and query.country is None:  # "X, United Arab Emirates": the field's country is the query's
        query = replace(query, country=field.country)
        notes = (*notes, f"country {field.country} read from the name field")
    elif field.named_country and query.country is None:  # "Ministry of Defence of Chile"
        query = replace(query, named_country=field.named_country)
        notes = (
            *notes,
            f"the name ends with a state ({field.named_country}): an entry of another country whose matched name "
            "does not name that state scores lower",
        )
    if field.parts:  # "X a.k.a. Y", "X, 16 Ivana Babushkina, Moscow": each name on its own too, after the whole
        analyzed = _with_readings_of(analyzed, [_analysed(index, part) for part in field.parts])
    length = cut_length(query.name)
    if length:
        cut = with_cut_readings(analyzed)
        if cut is not analyzed:
            analyzed = cut
            notes = (
                *notes,
                f"name {length} characters long, a payment message field's length: also read as "
                "cut there, its last word as the start of a listed word",
            )
    if analyzed.is_empty:
        raise InputError(f"the name {query.name[:80]!r} has no letters or digits to match on", field="name")
    if sum(len(t) for t in analyzed.variants[0].tokens) < MIN_NAME_CHARS and not analyzed.scripts:
        raise InputError(f"the name {query.name[:80]!r} is too short to screen (one letter)", field="name")
    bonus = max_bonus(query, analyzed)
    # blocking bounds a name's similarity only roughly (a 3-edit variant of a known word is scored, not reached), so a
    # threshold above the default prunes no more than the default does: raising it only removes hits ("teran
    # airline", a known word two edits from VETERAN, found Veteran Airline at 0.85 with 0.74 and nothing with 0.78)
    floor = min(threshold, DEFAULT_THRESHOLD) - bonus - _BLOCKING_MARGIN
    return _Prepared(query, analyzed, bonus, floor, notes)


def _analysed(index: ScreeningIndex, name: str) -> AnalyzedName:
    """A name analysed with every reading the index's data gives (equivalents, lexicon, cuts, respellings, units)."""
    analyzed = with_pinyin_terms(analyze(name, index.usage), index.usage)
    analyzed = with_lexicon(with_equivalents(analyzed, index.equivalents), index.lexicon, index.usage)
    rejoined = without_unlisted_syllables(with_rejoined_words(analyzed, index), index)
    respelt = with_yo_respelt(with_respelt_words(rejoined, index), index)
    dropped = with_trailing_places_dropped(with_unit_words_dropped(respelt))
    return with_acronyms(dropped, index.acronyms)


def _with_readings_of(analyzed: AnalyzedName, others: list[AnalyzedName]) -> AnalyzedName:
    variants = list(analyzed.variants)
    for other in others:
        variants.extend(v for v in other.variants if v not in variants)
    return replace(
        analyzed,
        variants=tuple(variants),
        forms=analyzed.forms.union(*(o.forms for o in others)),
        scripts=analyzed.scripts.union(*(o.scripts for o in others)),
    )


def _result(
    index: ScreeningIndex,
    prepared: _Prepared,
    matches: list[tuple[int, NameMatch]],
    threshold: float,
    limit: int,
) -> ScreeningResult:
    """Score the query's candidate entries with every feature; keep the hits, best first."""
    query, analyzed, bonus = prepared.query, prepared.analyzed, prepared.bonus
    notes: list[str] = [*index.notes, *prepared.notes]
    if len(query.name) > MAX_NAME_CHARS:
        notes.append(f"name longer than {MAX_NAME_CHARS} characters: only its start was screened")
    unread = unread_scripts(query.name[:MAX_NAME_CHARS])
    if unread:
        notes.append(
            f"written partly or wholly in {' and '.join(unread)} script, which exportctl reads only letter by letter: "
            "a listed party may be missed (no hit is not 'not listed'); screen the name's Latin-script form too"
        )
    hits: list[_Scored] = []
    below: list[_Unscored] = []  # under the threshold, of a party listed by several lists: lifted if a copy is above
    best_totals: list[float] = []  # min-heap of the ``limit`` best totals so far
    person = written_as_person(analyzed)
    for entry_no, match in matches:
        if match.similarity < threshold - bonus:
            break  # best first: no later candidate can reach the threshold
        if len(best_totals) >= limit and match.similarity + bonus < best_totals[0]:
            break  # candidates come best first: none of the rest can enter the top ``limit``
        entry = index.entries[entry_no]
        pair = Pair(
            query,
            analyzed,
            entry,
            match,
            index.name_forms[match.name_id],
            index.entry_kinds[entry_no],
            matched_name=index.name_text[match.name_id],
            given_name_only=bool(index.given_name_only[match.name_id]),
            written_as_person=person,
        )
        values = [f.function(pair) for f in FEATURES]
        total = sum(value * weight for value, weight in zip(values, _WEIGHTS, strict=True))
        score = min(1.0, max(0.0, total))
        if score >= threshold:
            if len(best_totals) < limit:
                heapq.heappush(best_totals, total)
            else:
                heapq.heappushpop(best_totals, total)
            hits.append(_scored(index, entry_no, match, values, total, score))
        elif len(index.party_of) and index.party_of[entry_no] != NO_PARTY:
            below.append((entry_no, match, values, total, score))
    if len(index.party_of) and any(index.party_of[item[4]] != NO_PARTY for item in hits):
        hits = _parties_alike(index, hits, below)
    # ties: a listed name with as many words as the query's reading first (a word the query repeats aligns twice with
    # one listed word: هلال هلال is Hilal HILAL before HALEEL LTD, سعيد سعيد Said SAID before an alias SAID);
    # an entry of the designating list comes before its copy in a consolidated one (the CSL, the UK list's copies of
    # UN designations, OFAC's consolidated non-SDN file) when they score the same; then the unclipped total, how well
    # each reading of the query matches, the most faithful reading first (a transliteration before the consonant
    # skeletons, which cannot tell Bushra from Bashar), then the id
    hits.sort(
        key=lambda item: (
            -item[2].score,
            -item[3],
            _SOURCE_RANK.get(item[2].source, 0),
            -item[0],
            tuple(-s for s in item[1]),
            item[2].entry_id,
        )
    )
    best = tuple(item[2] for item in hits[:limit])
    notes.extend(
        f"{h.entry_id}: matched through {h.matched_name!r}, a name {h.name_of} gives the same party (the two "
        "lists give it one name and no differing country)"
        for h in best
        if h.name_of
    )
    unknown = index.unknown or {}  # an as-of index's entries whose listing on its date is unknown: review
    notes.extend(
        f"{h.entry_id}: listed then? unknown → review: {unknown[h.entry_id]}" for h in best if h.entry_id in unknown
    )
    return ScreeningResult(query.name, best, query.country, threshold, tuple(notes))


def _scored(
    index: ScreeningIndex, entry_no: int, match: NameMatch, values: Sequence[float], total: float, score: float
) -> _Scored:
    """A hit to rank, with its explanation."""
    entry = index.entries[entry_no]
    return (
        total,
        match.support,
        Hit(
            entry_id=entry.entry_id,
            list=str(entry.list.value),
            primary_name=entry.primary_name,
            matched_name=index.name_text[match.name_id],
            score=score,
            country=entry.country,
            license_requirement=entry.license_requirement,
            review_policy=entry.license_review_policy,
            features=tuple(_contribution(position, value) for position, value in enumerate(values)),
            source=entry.source,
            programs=entry.programs,
            federal_register_citations=entry.federal_register_citations,
            equivalents=match.variant.replaced,
            name_of=None if match.through == NO_PARTY else index.entries[match.through].entry_id,
        ),
        min(int(index.name_length[match.name_id]), len(match.variant.tokens)),
        entry_no,
    )


def _rank(item: _Scored) -> tuple[float, int, float, tuple[float, ...]]:
    """How high a hit ranks, its list and id aside: score, words the names share, unclipped total, each reading's
    similarity (the order of the sort in :func:`_result`)."""
    return (item[2].score, item[3], item[0], item[1])


def _parties_alike(index: ScreeningIndex, hits: list[_Scored], below: list[_Unscored]) -> list[_Scored]:
    """A party's copies on several lists score alike (.same_party): a copy that scored less than its party's best
    takes the best's score, name and features (``name_of`` says whose name), one under the threshold too; copies
    that tie rank as the best does, so that the designating list comes first (the Entity List's entry before the UK's
    copy whose Russian name matched)."""
    best: dict[int, _Scored] = {}
    for item in hits:
        party = int(index.party_of[item[4]])
        current = best.get(party)
        if party != NO_PARTY and (current is None or _rank(item) > _rank(current)):
            best[party] = item

    def alike(item: _Scored) -> _Scored:
        top = best.get(int(index.party_of[item[4]]))
        if top is None or top is item:
            return item
        hit = item[2]
        if hit.score < top[2].score:
            lent = top[2]
            hit = replace(
                hit,
                score=lent.score,
                matched_name=lent.matched_name,
                features=lent.features,
                equivalents=lent.equivalents,
                name_of=lent.name_of or lent.entry_id,
            )
        return (top[0], top[1], hit, top[3], item[4])

    lifted = [_scored(index, *item) for item in below if int(index.party_of[item[0]]) in best]
    return [alike(item) for item in [*hits, *lifted]]


def screen(
    index: ScreeningIndex,
    name: str,
    *,
    country: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 10,
) -> ScreeningResult:
    """Screen one name (optionally with a country hint) against the index."""
    return screen_query(index, Query(name, normalize_country(country)), threshold=threshold, limit=limit)
