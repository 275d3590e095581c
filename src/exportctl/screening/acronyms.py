"""Initialisms of the words that organisations' names share, learnt from the lists: RAS for Russian Academy of
Sciences, RAN for Rossiyskoy Akademii Nauk, NII for Nauchno-Issledovatelskiy Institut, CAS for Chinese Academy of
Sciences.

The lists write one organisation both ways: "A.A. Kharkevich Institute for Information Transmission Problems (IITP),
Russian Academy of Sciences (RAS)" and "Institut Problem Peredachi Informatsii RAN" are one entry's names, "IPMT FEB
RAS" and "RZHANOV INSTITUTE OF SEMICONDUCTOR PHYSICS SB RAS" other entries'. A register writes the words out
("Институт проблем передачи информации … Российской академии наук") where the listed name has the initialism, and
edit similarity sees nothing alike in them. A run of words is learnt as its initialism where one
entry's names hold both — the run in one reading, a word spelling its initials (function words left out) in another
reading or beside it — and :data:`MIN_NAMES` entries of distinct primary names give the pair (the consolidated
lists' copies of one entry count once). A query reading that holds a learnt run gives one more reading with the run
written as its initialism (:func:`with_acronyms`); the reading as written stays, so the listed names that spell the
words out are found as before. Listed names are not indexed with their initialisms: such a row is a shorter name
whose initialism, a short word, sounds like ordinary words (JAMA'AT UL DAWA AL-QU'RAN as "jud al quran" was "DURAN,
Jodi" at 0.77).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from exportctl.screening.normalize import SKELETON, AnalyzedName, NameVariant

MIN_NAMES = 2  # a (run, initialism) pair must be given by entries of at least this many distinct primary names
LETTERS = (3, 6)  # an initialism's letters: two would be a word's worth of chance (HK, SB), more than six no word
FUNCTION_WORDS = frozenset({"of", "the", "and", "for"})  # not initialled: Russian Academy of Sciences is RAS
MAX_READINGS = 4  # initialism readings a query gets at most (of its first readings: the most faithful)


@dataclass(frozen=True)
class Acronyms:
    """The learnt runs (their words, function words left out) and initialisms, with the words runs begin with: a
    query none of whose words begins a run (most) is passed over at a set lookup per word."""

    runs: dict[tuple[str, ...], str] = field(default_factory=dict)
    starts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, runs: Mapping[tuple[str, ...], str]) -> Acronyms:
        return cls(dict(runs), frozenset(run[0] for run in runs))


def _runs_from(tokens: tuple[str, ...], start: int) -> Iterator[tuple[int, tuple[str, ...]]]:
    """The runs of a reading that begin at ``start``, shortest first, as their end (exclusive) and words (function
    words left out): none that begins with a function word or holds a one-letter word (M. D. S. are initials
    already), and none of more than :data:`LETTERS` words."""
    if tokens[start] in FUNCTION_WORDS:
        return
    words: list[str] = []
    for position in range(start, len(tokens)):
        token = tokens[position]
        if token in FUNCTION_WORDS:
            continue
        if len(token) == 1 or len(words) == LETTERS[1]:
            return
        words.append(token)
        yield position + 1, tuple(words)


def _runs(tokens: tuple[str, ...]) -> Iterable[tuple[tuple[str, ...], str]]:
    """Every run of :data:`LETTERS` words of a reading, as its words and their initials."""
    for start in range(len(tokens)):
        for _, words in _runs_from(tokens, start):
            if len(words) >= LETTERS[0]:
                yield words, "".join(w[0] for w in words)


def learn_acronyms(entries: Iterable[tuple[str, list[tuple[str, ...]]]]) -> Acronyms:
    """Runs of words and their initialisms from entries given as (primary name, the token readings of its names):
    the pairs that entries of at least :data:`MIN_NAMES` distinct primary names give, and for a run only the
    initialism that most primary names give."""
    witnesses: defaultdict[tuple[tuple[str, ...], str], set[str]] = defaultdict(set)
    for primary, readings in entries:
        words = {t for reading in readings for t in reading if t.isalpha()}
        initialisms = {w for w in words if LETTERS[0] <= len(w) <= LETTERS[1]}
        if not initialisms:
            continue
        key = " ".join(primary.casefold().split())
        for reading in readings:
            # a run's initials stand side by side in the reading's initials: most readings have none of the words
            letters_of = "".join(t[0] for t in reading if t not in FUNCTION_WORDS and len(t) > 1)
            if not any(word in letters_of for word in initialisms):
                continue
            for run, letters in _runs(reading):
                if letters in initialisms and letters not in run:
                    witnesses[(run, letters)].add(key)
    best: dict[tuple[str, ...], tuple[int, str]] = {}
    for (run, letters), names in witnesses.items():
        if len(names) >= MIN_NAMES and (len(names), letters) > best.get(run, (0, "")):
            best[run] = (len(names), letters)
    return Acronyms.of({run: letters for run, (_, letters) in sorted(best.items())})


def initialled(tokens: tuple[str, ...], acronyms: Acronyms) -> tuple[str, ...] | None:
    """The reading with each learnt run written as its initialism (the longest run first, left to right), or None
    when it holds none, is nothing but one run (a name that is only "Russian Academy of Sciences" is found as
    written) or would repeat a word (it writes its initialism already)."""
    if acronyms.starts.isdisjoint(tokens):
        return None
    out: list[str] = []
    at = 0
    found: list[str] = []
    while at < len(tokens):
        end = _longest_run_at(tokens, at, acronyms.runs) if tokens[at] in acronyms.starts else None
        if end is None:
            out.append(tokens[at])
            at += 1
            continue
        found.append(acronyms.runs[tuple(t for t in tokens[at:end] if t not in FUNCTION_WORDS)])
        out.append(found[-1])
        at = end
    if not found or len(out) == 1 or any(out.count(letters) > 1 for letters in found):
        return None  # nothing but the run, or a name that writes its initialism already: "… (PAEC)"
    return tuple(out)


def _longest_run_at(tokens: tuple[str, ...], start: int, acronyms: Mapping[tuple[str, ...], str]) -> int | None:
    """The end (exclusive) of the longest learnt run that begins at ``start``, or None."""
    ends = [end for end, words in _runs_from(tokens, start) if words in acronyms]
    return ends[-1] if ends else None


def with_acronyms(analyzed: AnalyzedName, acronyms: Acronyms) -> AnalyzedName:
    """The analysed query with one more reading for each of its readings (consonant skeletons aside) that holds a
    learnt run, the run written as its initialism (at most :data:`MAX_READINGS`); unchanged when none does."""
    if not acronyms.runs:
        return analyzed
    added: list[NameVariant] = []
    for variant in analyzed.variants:
        tokens = None if variant.kind == SKELETON else initialled(variant.tokens, acronyms)
        if tokens is None:
            continue
        reading = NameVariant(tokens, variant.kind, variant.replaced)
        if reading not in analyzed.variants and reading not in added:
            added.append(reading)
            if len(added) == MAX_READINGS:
                break
    if not added:
        return analyzed
    return replace(analyzed, variants=(*analyzed.variants, *added))
