"""Scoring features: small functions with one signature, each documented and weighted in one declarative list.

Every feature takes a :class:`Pair` (the query and one candidate entry with its best-matching name) and returns a
value in [0, 1]. The score is ``clip(sum(weight × value), 0, 1)``. Features with a negative weight are *qualifiers*:
they only ever lower a score (``country_mismatch``). The docstring of each feature is what a user sees in a hit's
explanation, so it says what the value means in plain words.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from exportctl.lists.model import EntryType, ListEntry
from exportctl.screening.entry_kinds import PERSON_WORDS
from exportctl.screening.legal_forms import split_legal_forms
from exportctl.screening.normalize import LATIN, SKELETON, AnalyzedName, NameVariant, fold_latin
from exportctl.screening.places import place_words
from exportctl.screening.scoring import NameMatch
from exportctl.screening.scripts import (
    ARABIC,
    OTHER,
    UNKNOWN_SPELLING,
    arabic_organisation_word,
    is_patronymic,
    patronymic_father,
    script_of,
)
from exportctl.screening.trailing_country import names_country
from exportctl.screening.vessel_names import SHIP_WORDS


@dataclass(frozen=True)
class Query:
    """What is screened: a name, and optionally the country (ISO alpha-2), an address and identifiers.

    ``named_country``: the state the name says it is a body of ("Federal Security Service of Russia"), read from the
    name when no country is given: it contradicts an entry of another country whose matched name does not name it
    (:func:`country_mismatch`), and confirms nothing, its words being the name's own."""

    name: str
    country: str | None = None
    address: str | None = None
    identifiers: tuple[str, ...] = ()
    named_country: str | None = None


@dataclass(frozen=True)
class Pair:
    """A query and one candidate entry, with how the query matched the entry's best name."""

    query: Query
    analyzed: AnalyzedName
    entry: ListEntry
    match: NameMatch
    name_forms: frozenset[str]
    kind: EntryType  # the entry's type, or one inferred from the lists (entry_kinds): the qualifiers read it
    matched_name: str = ""  # the listed name as written (the best-matching one)
    given_name_only: bool = False  # that name is one word, which the lists use as a given name (index.given_name_only)
    written_as_person: bool = False  # the query is written "FAMILY, Given" (:func:`written_as_person`)


def name_similarity(pair: Pair) -> float:
    """Rarity-weighted similarity of the aligned name tokens (legal forms excluded): rare tokens such as "Huawei"
    count far more than common ones such as "Technologies"; typos and same-sounding spellings count as near-equal; a
    listed person's middle names count half (often left out: "Ali SEPEHR" for "SEPEHR, Ali Majd"), and the words of
    a country's long name in a listed name together as the rarest of them (Democratic People's Republic of Korea)."""
    return pair.match.similarity


def legal_form(pair: Pair) -> float:
    """Legal forms agree (+1: "Co., Ltd." = "Company Limited" = 有限公司; +0.5: generic "Company" vs "Co., Ltd.") or
    disagree (-1: "LLC" vs "JSC"); 0 when either name has none. Weak evidence: it says little about who a party is.

    A name read from another script agrees with any generic English form: which one a Chinese company's English
    name gives its 有限公司 is its translator's choice (沈阳飞机工业(集团)有限公司 is the Military End-User List's
    Shenyang Aircraft *Corporation*; at 0.5 against 1.0, another list's alias SHENYANG AIRCRAFT CO. LTD. of another
    entry ranked first)."""
    query_forms, name_forms = pair.analyzed.forms, pair.name_forms
    if not query_forms or not name_forms:
        return 0.0
    if query_forms & name_forms:
        return 1.0
    if query_forms <= _GENERIC_COMPANY and name_forms <= _GENERIC_COMPANY:
        return 1.0 if pair.match.variant.kind != LATIN else 0.5  # "Company" vs "Co., Ltd.": compatible, not the same
    return -1.0


# English generic company words that translations use interchangeably ("Company" for "Co., Ltd." or "Corporation")
_GENERIC_COMPANY = frozenset({"co", "ltd", "co_ltd", "corp", "inc"})


def _entry_countries(entry: ListEntry) -> set[str]:
    countries = {entry.country} if entry.country else set()
    countries.update(a.country for a in entry.addresses if a.country)
    return {c.upper() for c in countries}


def country_match(pair: Pair) -> float:
    """1 when the query's country is among the entry's countries (its own or an address's); 0 otherwise."""
    country = (pair.query.country or "").upper()
    return 1.0 if country and country in _entry_countries(pair.entry) else 0.0


def country_mismatch(pair: Pair) -> float:
    """Qualifier: 1 when the query gives a country and the entry lists countries but not that one; also when the
    name ends with "of" a state ("Ministry of Defence of Chile") that the entry's countries and its matched listed
    name do not name."""
    country = (pair.query.country or "").upper()
    countries = _entry_countries(pair.entry)
    named = pair.query.named_country
    if not country and named and countries and named not in countries:
        return 0.0 if names_country(pair.matched_name, named) else 1.0
    return 1.0 if country and countries and country not in countries else 0.0


def address_similarity(pair: Pair) -> float:
    """Token-set similarity (0–1) of the query's address to the closest listed address; 0 without an address."""
    if not pair.query.address or not pair.entry.addresses:
        return 0.0
    best = max(fuzz.token_set_ratio(pair.query.address, a.full, processor=str.casefold) for a in pair.entry.addresses)
    return best / 100.0


def _id_key(value: str) -> str:
    return re.sub(r"[^0-9a-z]", "", value.casefold())


def identifier_match(pair: Pair) -> float:
    """1 when an identifier of the query (passport, registration, IMO number …) equals one listed for the entry."""
    wanted = {_id_key(v) for v in pair.query.identifiers if _id_key(v)}
    return 1.0 if wanted and any(_id_key(i.value) in wanted for i in pair.entry.identifiers) else 0.0


def cross_script(pair: Pair) -> float:
    """1 when the name matched through a romanisation or translation (pinyin, Cyrillic transliteration, Arabic
    consonant skeleton, translated organisation words) rather than as written; such matches are less certain.
    0 when the listed name is written in the query's own script with the same words (the UK list's Cyrillic names,
    the UN list's original-script names): nothing was romanised to find it."""
    if pair.match.variant.kind == LATIN:
        return 0.0
    native = _native_words(pair.analyzed.text)
    return 0.0 if native and native == _native_words(pair.matched_name) else 1.0


_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=65536)
def _native_words(text: str) -> tuple[str, ...]:
    """The words of a name in a non-Latin script (Han, Cyrillic, Arabic), in any order; () when it has none or any
    other word: "Московский Физико-Технический институт" and "институт московский физико технический" agree."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if not words or any(script_of(word[0]) == OTHER for word in words):
        return ()
    return tuple(sorted(words))


def brand_equivalent(pair: Pair) -> float:
    """1 when the name matched only after a brand of the query was replaced by the one the lists give as the same
    in another entry's aliases (Langchao = Inspur, Shuguang = Sugon); the replaced words are listed in the hit."""
    return 1.0 if pair.match.variant.replaced else 0.0


def _about_the_name(pair: Pair) -> list[NameVariant]:
    """The query's readings that say something of the name that matched: not those holding its words and more, the
    whole field around a name read on its own ("ALI ABDULLAH ALHAY, HOME 46, … PRIVATE HOSPITAL, BAGHDAD": the
    hospital is on the address, the name is a man's)."""
    matched = set(pair.match.variant.tokens)
    return [v for v in pair.analyzed.variants if not matched < set(v.tokens)]


# kinds of organisation (a closed class): a query that names one is not a person
ORGANISATION_WORDS = frozenset(
    "university universities college institute institutes academy school hospital clinic ministry bank company "
    "corporation group laboratory laboratories center centre council authority bureau department factory plant "
    "association foundation organization organisation office agency committee society federation union museum "
    "library airlines airways industries trading holding holdings".split()
)


_NO_ORGANISATION = frozenset({EntryType.INDIVIDUAL, EntryType.VESSEL, EntryType.AIRCRAFT})


def person_for_organisation(pair: Pair) -> float:
    """Qualifier: 1 when the query names an organisation (a legal form, or a word such as university, institute,
    ministry, bank) and the listed entry is a person, a vessel or an aircraft (as its list says, or for an entry of no
    type, as the lists say through another entry with its name or its name's shape: entry_kinds): a university is not
    a man who shares its place name, nor "Enthera SRL" the tanker ETHERA. A form that the listed name holds too is a
    word of that name ("Iyad Ag Ghali": ag is "son of", not AG)."""
    if pair.kind not in _NO_ORGANISATION:
        return 0.0
    if any(ORGANISATION_WORDS.intersection(v.tokens) for v in _about_the_name(pair)):
        return 1.0
    # a "form" the listed person's own name holds is a word of the name when the query has a person's words beside
    # it: the Tuareg "ag" (son of) of Iyad Ag Ghali, the surname PAO of PAO, Yu Liang; "Ghali AG" is a company
    if pair.analyzed.forms:
        own_word = pair.analyzed.forms <= pair.name_forms and len(pair.analyzed.variants[0].tokens) >= 2
        return 0.0 if own_word else 1.0
    if ARABIC in pair.analyzed.scripts and arabic_organisation_word(pair.analyzed.text):
        return 1.0  # حزب الله is a party, not KHAN, Hizb Ullah Astam (both 0.97 on the name)
    return 0.0


def one_word_name(pair: Pair) -> float:
    """Qualifier: 1 when a listed person, vessel or aircraft matched through a name of one word (an alias such as
    Joe or Patty, the tanker JANET) and the query has more words that name holds nothing of (not initials, numbers
    or a vessel's prefix): "Joe Carpenter" is not everyone the lists call Joe, nor "Janet Rowan" a ship; nor is a
    company with a legal form and that one word ("Martin GmbH" is not the person a.k.a. MARTIN). Also a listed
    organisation matched through one word by one of two or more names in Arabic script: مائده احمدی (Maedeh Ahmadi)
    is not the Ministry of Defence because مائده can be spelt MoD."""
    variant = pair.match.variant
    organisation = pair.kind not in _NO_ORGANISATION
    if not organisation and pair.analyzed.forms and pair.match.coverage >= 1.0:
        # a company called by a person's one word ("Martin GmbH & Co. KG": KHAKI, Parviz, a.k.a. MARTIN) is no more
        # that person than "Martin Carpenter" is: its legal form is the word the person's name holds nothing of
        return 1.0 if len(_core_tokens(pair.matched_name)) == 1 and person_for_organisation(pair) else 0.0
    if pair.match.coverage >= 1.0 or (organisation and variant.kind != SKELETON):
        return 0.0
    if len(_core_tokens(pair.matched_name)) != 1:  # TIDA CO., LIMITED is a name of one word
        return 0.0
    if organisation:  # an acronym or a brand spelt by one of a person's names (عسل جلالی: SL); a translated
        # organisation word (حركة movement) is no name
        names = [p for p in variant.patterns if p and not p.isalpha() and p != UNKNOWN_SPELLING]
        return 1.0 if len(names) >= 2 else 0.0
    words = [t for t in pair.match.variant.tokens if len(t) > 1 and not t.isdigit() and t not in SHIP_WORDS]
    return 1.0 if len(words) >= 2 else 0.0


def written_as_person(analyzed: AnalyzedName) -> bool:
    """Whether a query is written as a person's name: "FAMILY, Given …" in Latin letters, two to four words, with no
    legal form, no organisation word (bank, university …) and no place after the comma ("BANKS, Kermit"; not
    "Huawei, Shenzhen", nor "Bank, Kermit Savings")."""
    family, comma, given = analyzed.text.partition(",")
    if not comma or analyzed.forms or analyzed.scripts:
        return False
    family_words, given_words = fold_latin(family), fold_latin(given)
    words = [*family_words, *given_words]
    return (
        bool(family_words)
        and bool(given_words)
        and len(words) in PERSON_WORDS
        and ORGANISATION_WORDS.isdisjoint(words)
        and place_words().isdisjoint(given_words)
    )


def organisation_for_person(pair: Pair) -> float:
    """Qualifier: 1 when the query is written as a person's name ("BANKS, Kermit": :func:`written_as_person`) and
    the listed entry is an organisation whose matched name says so (a legal form, or a word such as bank, university,
    company): OJSC KEREMET BANK is no Kermit Banks. The mirror of :func:`person_for_organisation`."""
    if not pair.written_as_person or pair.analyzed.forms or pair.kind == EntryType.INDIVIDUAL:
        return 0.0
    return 1.0 if pair.name_forms or ORGANISATION_WORDS.intersection(_listed_tokens(pair.matched_name)) else 0.0


def given_name_alone(pair: Pair) -> float:
    """Qualifier: 1 when a listed person matched through a name that is one given name and nothing else, as the
    lists use the word (MARTIN, an alias of KHAKI, Parviz; NICOLAS; ADAM): a given name alone names nobody, and
    "Martin" is no more Parviz Khaki than any other Martin. OFAC calls such aliases weak (682 of the 686 one-word
    aliases of the SDN's individuals are its weak a.k.a.s); a nickname (PUNISHER) or a rare name is no given name
    and still decides."""
    return 1.0 if pair.given_name_only and pair.kind == EntryType.INDIVIDUAL else 0.0


# kinds of organisation whose names say what they are (a closed class): a university is not a movement, a bank or a
# ship; words of one class stand for each other (大学 is "university", 学院 "institute" or "college")
ORGANISATION_KINDS: dict[str, frozenset[str]] = {
    "education and research": frozenset(
        "university universities universitet college institute institut institutes academy akademiya school "
        "polytechnic laboratory laboratories faculty conservatory lyceum".split()
    ),
    "health": frozenset("hospital hospitals clinic clinics".split()),
    "bank": frozenset("bank banks banking".split()),  # KOREA KWANGSON BANKING CORP is a bank
    "ministry": frozenset("ministry ministries".split()),
    "airline": frozenset("airlines airline airways air".split()),
}


def _kinds(tokens: Iterable[str]) -> set[str]:
    words = set(tokens)
    return {kind for kind, members in ORGANISATION_KINDS.items() if words & members}


@functools.lru_cache(maxsize=65536)
def _entry_kinds(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(kind for name in names for kind in _kinds(fold_latin(name)))


def organisation_kind_mismatch(pair: Pair) -> float:
    """Qualifier: 1 when the query names a kind of organisation (a university or institute, a hospital, a bank, a
    ministry, an airline) and no name of the listed entry names that kind: "University of Gezira" is not a
    company called El Jazireh, whose consonants it shares."""
    query_kinds = _kinds(t for v in _about_the_name(pair) if v.kind != SKELETON for t in v.tokens)
    if not query_kinds:
        return 0.0
    return 0.0 if query_kinds & _entry_kinds(pair.entry.names) else 1.0


_SAME_PLACE = 85  # a place word this close to a word of the other name is the same place misspelt (Shangahi)


@functools.lru_cache(maxsize=65536)
def _listed_tokens(name: str) -> tuple[str, ...]:
    return tuple(fold_latin(name))


@functools.lru_cache(maxsize=65536)
def _core_tokens(name: str) -> tuple[str, ...]:
    """A listed name's words without its legal forms (DENISE COMPANY is a name of one word, as the index reads it)."""
    return split_legal_forms(_listed_tokens(name))[0]


def _other_places(tokens: Iterable[str], other: tuple[str, ...]) -> bool:
    """Whether ``tokens`` name a place that the ``other`` name's words do not (as a word, inside a run of words:
    "xi an" holds xian, or misspelt)."""
    places = place_words()
    joined = "".join(other)
    return any(
        token in places and token not in joined and all(fuzz.ratio(token, word) < _SAME_PLACE for word in other)
        for token in tokens
    )


def place_conflict(pair: Pair) -> float:
    """Qualifier: 1 when the query names an organisation's place (a country, a Chinese province or city) that the
    listed organisation's name lacks, and the listed name names another: "Shanghai University of Science and
    Technology" (ShanghaiTech) is not the "University of Science and Technology of China", though every other word
    is the same."""
    if pair.kind == EntryType.INDIVIDUAL or pair.match.variant.kind == SKELETON:
        return 0.0
    query, listed = pair.match.variant.tokens, _listed_tokens(pair.matched_name)
    return 1.0 if _other_places(query, listed) and _other_places(listed, query) else 0.0


# edit similarity of the fathers' names of two spellings of one patronymic (:func:`.scripts.patronymic_father`:
# Gennadyevich / Genadievich 0.83, Fyodorovich / Fedorovich 1.0), above that of two fathers (Anatolyevich /
# Antonovich 0.67 is the closest pair that is not kept apart; Petrovich / Pavlovich 0.25, Aleksandrovich /
# Alekseyevich 0.5); a surname ending like one (PETKEVICH) agrees with itself
SAME_PATRONYMIC = 0.65


def patronymic_conflict(pair: Pair) -> float:
    """Qualifier: 1 when the query and the listed person's names both give a patronymic (the father's name: -ovich,
    -evna …) and they are different names: "Larionova Tatyana Sergeyevna" is not LARIONOVA, Tatiana Petrovna, a
    namesake with another father. Spellings of one patronymic (Sergeyevna, Sergeevna) agree; a name without one
    conflicts with nothing. The person's patronymic is read from all of the entry's names: matched through the alias
    "YERMAKOVA, Maria", ERMAKOVA, Mariya Gennadevna is still not "Yermakova Marfa Aleksandrovna"."""
    if pair.kind != EntryType.INDIVIDUAL:
        return 0.0
    query = [t for t in pair.match.variant.tokens if is_patronymic(t)]
    if not query:
        return 0.0
    names = (pair.entry.primary_name, *pair.entry.aliases)
    listed = {t for name in names for t in _listed_tokens(name) if is_patronymic(t)}
    if not listed:
        return 0.0
    fathers = {patronymic_father(t) for t in listed}
    same = any(OSA.normalized_similarity(patronymic_father(q), t) >= SAME_PATRONYMIC for q in query for t in fathers)
    return 0.0 if same else 1.0


@dataclass(frozen=True)
class Feature:
    """A named, weighted feature function; ``doc`` is its docstring, shown in every hit's explanation."""

    name: str
    weight: float
    function: Callable[[Pair], float]
    doc: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc", " ".join((self.function.__doc__ or "").split()))


def max_bonus(query: Query, analyzed: AnalyzedName) -> float:
    """The most the features other than name similarity can add for this query (to skip hopeless candidates)."""
    bonus = 0.0
    if analyzed.forms:
        bonus += _LEGAL_FORM_WEIGHT
    if query.country:
        bonus += _COUNTRY_WEIGHT
    if query.address:
        bonus += _ADDRESS_WEIGHT
    if query.identifiers:
        bonus += _IDENTIFIER_WEIGHT
    return bonus


_ADDRESS_WEIGHT = 0.05
_IDENTIFIER_WEIGHT = 0.3
_LEGAL_FORM_WEIGHT = 0.03
_COUNTRY_WEIGHT = 0.04

HAND_SET: tuple[Feature, ...] = (
    Feature("name_similarity", 1.0, name_similarity),
    Feature("legal_form", _LEGAL_FORM_WEIGHT, legal_form),
    Feature("country_match", _COUNTRY_WEIGHT, country_match),
    Feature("country_mismatch", -0.15, country_mismatch),
    Feature("address_similarity", _ADDRESS_WEIGHT, address_similarity),
    Feature("identifier_match", _IDENTIFIER_WEIGHT, identifier_match),
    Feature("cross_script", -0.03, cross_script),
    Feature("brand_equivalent", -0.03, brand_equivalent),
    Feature("person_for_organisation", -0.2, person_for_organisation),
    Feature("organisation_for_person", -0.2, organisation_for_person),
    Feature("organisation_kind_mismatch", -0.15, organisation_kind_mismatch),
    Feature("place_conflict", -0.15, place_conflict),
    Feature("one_word_name", -0.15, one_word_name),
    Feature("given_name_alone", -0.3, given_name_alone),
    Feature("patronymic_conflict", -0.15, patronymic_conflict),
)


def fitted_weights() -> dict[str, object]:
    """The weights file written by ``benchmarks/fit_screening_weights.py`` (fitted on pairs generated from the
    lists), with ``in_force`` saying whether the engine uses it: it does only when it screened the dev files better
    than the hand-set weights (docs/screening.md)."""
    path = resources.files("exportctl") / "data" / "screening" / "weights.json"
    if not path.is_file():  # not fitted yet (the fit itself imports this module): the hand-set weights
        return {}
    document: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _in_force() -> tuple[Feature, ...]:
    document = fitted_weights()
    weights = document.get("features")
    if document.get("in_force") is not True or not isinstance(weights, dict):
        return HAND_SET
    if set(weights) != {f.name for f in HAND_SET}:
        raise ValueError("data/screening/weights.json: its features are not the engine's: re-run the fit")
    return tuple(Feature(f.name, float(weights[f.name]), f.function) for f in HAND_SET)


FEATURES: tuple[Feature, ...] = _in_force()
