"""Recall on ways of writing a listed name that the dev files do not hold, drawn from the lists themselves.

For a random sample of listed names (a fixed seed; no evaluation file is read), each kind rewrites the name the way
people and registers write names, and the rewritten name is screened against the full index at the default
threshold:

* ``initials`` — a person's given names as initials ("M. THACI" for THACI, Menduh);
* ``title`` — a courtesy title in front ("Dr. Ali Mohamed RAGE");
* ``arabic_compound`` — a compound of a person's Arabic name written another way Latin script writes it: Abd al-X
  (Abdul Rahman, Abd ar-Rahman, Abdurrahman, Abdelrahman), X al-Din (Jalaluddin, Jalal ud-Din, Jalaleddine), or bin
  as ibn (the benchmark's own spellings, new in the twenty-fourth session);
* ``title_two_words`` — a title in front of a name of two words, where it weighs most ("Sheikh Hassan NASRALLAH",
  "Mr. Viktor BOUT");
* ``joined`` — two neighbouring words of an organisation's name run together ("GLORYHARVEST");
* ``split`` — a long word of an organisation's name cut in two ("GLORY HAR VEST" is not made: the cut is at the
  middle of a word of at least 8 letters);
* ``abbreviated`` — one common organisation word abbreviated the way business writing does ("Intl", "Mfg", "Univ");
* ``hyphen`` — two neighbouring words joined by a hyphen;
* ``kind_word`` — the word that says what the organisation is written as another English rendering does (a Russian
  завод as Plant, Factory or Works; an airline as Air, Airlines or Airways): "Kazan Helicopter Factory" for KAZAN
  HELICOPTER PLANT, "Mahan Airlines" for MAHAN AIR;
* ``form_typo`` — a typo in a word of a written-out legal form ("LOWELL LyMITED", "JOINT STOCK COMPAY …");
* ``branch_office`` — the name of a branch or representative office of the organisation ("… Representative
  Office", "… (Branch Office)"): part of the company, not another party;
* ``no_punctuation`` — lower case, punctuation dropped without a space ("al-qaida" as "alqaida");
* ``run_together`` — two neighbouring words run together where one is short (and, of, for, a number, an acronym:
  "OILAND", "UNIT6000", "AtbElectronica");
* ``also_known_as`` — the name after a made-up trade name and an alias marker ("Northwind Supplies d/b/a …");
* ``dropped_word`` — one inner word of an organisation's name of four words or more left out ("LIMITED LIABILITY
  BODOR" for LIMITED LIABILITY COMPANY BODOR);
* ``two_typos`` — a typo (a letter replaced, left out or added) in each of two words of five letters or more;
* ``one_word_typo`` — a typo (a letter replaced, left out or added, or two swapped) after the first letter of a name
  that is one word of eight letters or more besides its legal form ("PJSC MOSOTTREST" for PJSC MOSTOTREST), where
  nothing else confirms the name;
* ``designation`` — the country in an organisation's name written as another of its designations ("… OF THE
  DPRK" as "… of the Democratic People's Republic of Korea", "… OF THE RUSSIAN FEDERATION" as "… of Russia"): an
  official name, ISO's name, the short name or an initialism, from ISO 3166 and the customary names (the engine's own
  closed class, :mod:`exportctl.screening.designations`);
* ``digits_for_letters`` — one or two letters of the name's longest word written as the digits they look like
  ("R0SNEFT", "HUAWE1"), as an OCR misreading or a name slipped past a filter writes them;
* ``own_language_country`` — a country named in an organisation's name written in the country's own language, as a
  subsidiary writes it ("HUAWEI SWEDEN" as "Huawei Sverige"; CLDR's names through Babel);
* ``ship_prefix`` — a listed vessel's name with a prefix (MV, M/V, MT, M/T, M.T., Tanker) or an IMO number after it
  ("MT MONA", "JANET (IMO 9171565)"), as trade and payment documents write ships;
* ``web_address`` — the organisation's web address in place of its name: its words without legal forms, up to
  three, run together or hyphened, under a common domain ("www.rosoboronexport.ru", "mahan-air.com");
* ``country_after`` — the name with the entry's listed country after it ("…, Russia", "… (Iran)");
* ``country_run_on`` — a name that ends in its legal form with the entry's country after it and no separator
  ("… CO LTD CHINA"; new in the twenty-fourth session);
* ``with_address`` — the name followed by the entry's listed address in the same field, after a comma or on the
  next line (a customer file's one column, a payment message's name and address lines);
* ``cut_at_35`` — a name longer than 37 characters cut at 35, a SWIFT MT or Fedwire name line (often inside a word);
* ``reference_after`` — a name that ends in its legal form with a payment's or an order's reference after it and no
  separator ("… CO LTD INV 20231234", "… LLC /REF/ 4455"; new in the twenty-fifth session);
* ``german_romanised`` / ``french_romanised`` / ``dutch_romanised`` — a Russian person's name that the lists give
  in Cyrillic, romanised the way German (Duden: Jewgeni Wiktorowitsch Prigoschin), French (Evgueni Viktorovitch
  Prigojine) and Dutch (Jevgeni Viktorovitsj Prigozjin) writing does, not as the lists do (Yevgeniy Viktorovich
  PRIGOZHIN): European users write names so.

* ``turkish_abbreviated`` — a Turkish trade name's words abbreviated as the companies write them ("… San. ve Tic.
  Ltd. Şti." for … SANAYI VE TICARET LIMITED SIRKETI), in names with two such words or more.

A case is right when the best hit is its own entry or an entry with one of its Latin names (one party on several
lists), as in ``screening_native_script.py``. Usage: ``python benchmarks/screening_variants.py``.
"""

from __future__ import annotations

import functools
import random
import re
import time
from collections.abc import Callable

from pypinyin.contrib.tone_convert import to_normal
from pypinyin.pinyin_dict import pinyin_dict
from pypinyin.style.cyrillic import converter

from exportctl.errors import InputError
from exportctl.lists.model import EntryType, ListEntry
from exportctl.screening import ScreeningIndex, designations, screen
from exportctl.screening.legal_forms import FORM_WORDS
from exportctl.screening.normalize import analyze
from screening_corpus import bundled_entries
from screening_native_script import _same_party
from screening_quality import wilson

SEED = 11
PER_KIND = 300

_ABBREVIATED = {
    "international": "Intl",
    "national": "Natl",
    "manufacturing": "Mfg",
    "industries": "Inds",
    "trading": "Trdg",
    "group": "Grp",
    "university": "Univ",
    "institute": "Inst",
    "academy": "Acad",
    "holdings": "Hldgs",
    "management": "Mgmt",
    "services": "Svcs",
}
_TITLES = ("Dr.", "Mr.", "Mrs.", "Prof.")
_MORE_TITLES = ("Dr.", "Mr.", "Prof.", "Sheikh", "Haji", "Mullah", "Ayatollah", "Colonel")


def _person_parts(name: str) -> tuple[list[str], list[str]]:
    """(family names, given names) of a listed person's name ("FAMILY, Given" or "Given FAMILY")."""
    if "," in name:
        family, given = name.split(",", 1)
        return family.split(), given.split()
    words = name.split()
    return words[-1:], words[:-1]


def _initials(name: str, rng: random.Random) -> str | None:
    family, given = _person_parts(name)
    if not given or not all(g[:1].isalpha() for g in given):
        return None
    return " ".join([f"{g[0]}." for g in given] + family)


def _middle_names_dropped(name: str, rng: random.Random) -> str | None:
    """A person's first given name and family name only, as a customer file or a letter writes them ("Ali SEPEHR"
    for "SEPEHR, Ali Majd"): the second given names, patronymics and father's names left out."""
    family, given = _person_parts(name)
    if len(given) < 2:
        return None
    return f"{' '.join(family)}, {given[0]}" if "," in name else " ".join([given[0], *family])


def _title(name: str, rng: random.Random) -> str | None:
    family, given = _person_parts(name)
    return f"{rng.choice(_TITLES)} {' '.join(given + family)}"


def _title_two_words(name: str, rng: random.Random) -> str | None:
    family, given = _person_parts(name)
    if len(family) + len(given) != 2:
        return None
    return f"{rng.choice(_MORE_TITLES)} {' '.join(given + family)}"


def _joined(name: str, rng: random.Random) -> str | None:
    words = name.split()
    pairs = [i for i in range(len(words) - 1) if words[i].isalpha() and words[i + 1].isalpha()]
    pairs = [i for i in pairs if len(words[i]) >= 4 and len(words[i + 1]) >= 4]
    if not pairs:
        return None
    i = rng.choice(pairs)
    return " ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]])


def _split(name: str, rng: random.Random) -> str | None:
    words = name.split()
    long = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 8]
    if not long:
        return None
    i = rng.choice(long)
    middle = len(words[i]) // 2
    return " ".join([*words[:i], words[i][:middle], words[i][middle:], *words[i + 1 :]])


def _one_word_replaced(name: str, rng: random.Random, table: dict[str, str]) -> str | None:
    """The name with one of its words that ``table`` holds (compared without punctuation or case) replaced."""
    words = name.split()
    found = [i for i, w in enumerate(words) if re.sub(r"\W", "", w).casefold() in table]
    if not found:
        return None
    i = rng.choice(found)
    return " ".join([*words[:i], table[re.sub(r"\W", "", words[i]).casefold()], *words[i + 1 :]])


def _abbreviated(name: str, rng: random.Random) -> str | None:
    return _one_word_replaced(name, rng, _ABBREVIATED)


# how other renderings write an organisation's kind word (the benchmark's own table: how people write names)
_OTHER_RENDERING = {
    "plant": "Factory",
    "factory": "Plant",
    "works": "Plant",
    "air": "Airlines",
    "airlines": "Airways",
    "airways": "Airlines",
    "airline": "Airways",
}


def _kind_word(name: str, rng: random.Random) -> str | None:
    return _one_word_replaced(name, rng, _OTHER_RENDERING)


# how Latin script writes the compounds of Arabic names (the benchmark's own spellings: how people write names)
_ABD_WRITTEN = re.compile(
    r"\b(?:abd[ -](?:a|e|u)[lrsndtz][ -]|ab(?:d|du)(?:ul|el|al|oul|ur|us|un)[ -]?)(?P<x>[a-z']{3,})", re.IGNORECASE
)
_ABD_SPELLINGS = ("Abd al-{X}", "Abdul {X}", "Abdel{x}", "Abdul-{X}", "Abd el {X}", "Abdul{x}")
_SUN_SPELLINGS = ("Abd a{c}-{X}", "Abdu{c}{x}", "Abdu{c} {X}")  # before a sun letter: ar-Rahman, Abdurrahman
_DIN_WRITTEN = re.compile(
    r"\b(?P<x>[a-z]{3,}?)(?:[ -](?:al|ad|ud|ed|el)[ -]din|(?:uddin|eddine|eddin|uddeen))\b", re.IGNORECASE
)
_DIN_SPELLINGS = ("{X} al-Din", "{X}uddin", "{X} ud-Din", "{X}eddine", "{X} ad-Din")


def _arabic_compound(name: str, rng: random.Random) -> str | None:
    """One compound of an Arabic name written another way Latin script writes it: Abd al-X (Abdul Rahman, Abd
    ar-Rahman, Abdurrahman, Abdelrahman), X al-Din (Jalaluddin, Jalal ud-Din, Jalaleddine), bin as ibn."""
    options: list[str] = []
    abd = _ABD_WRITTEN.search(name)
    slavic = ("ov", "ova", "ev", "eva", "ich", "vna", "in", "ina")  # Abdurakhmanov, Abdualievich: a Russian name
    if abd and not abd["x"].casefold().startswith(("lah", "llah", "la ")) and not abd["x"].casefold().endswith(slavic):
        x = abd["x"].strip("'").capitalize()
        spellings = _ABD_SPELLINGS + (_SUN_SPELLINGS if x[0].lower() in "rsndtz" else ())
        written = [sp.format(X=x, x=x.lower(), c=x[0].lower()) for sp in spellings]
        options += [name[: abd.start()] + w + name[abd.end() :] for w in written]
    din = _DIN_WRITTEN.search(name)
    if din:
        x = din["x"].capitalize()
        options += [name[: din.start()] + sp.format(X=x) + name[din.end() :] for sp in _DIN_SPELLINGS]
    if re.search(r"\bbin\b", name, re.IGNORECASE):
        options.append(re.sub(r"\bbin\b", "ibn", name, count=1, flags=re.IGNORECASE))
    options = [o for o in options if o.casefold() != name.casefold()]
    return rng.choice(options) if options else None


def _hyphen(name: str, rng: random.Random) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None
    i = rng.randrange(len(words) - 1)
    return " ".join([*words[:i], f"{words[i]}-{words[i + 1]}", *words[i + 2 :]])


# the words of written-out legal forms, as names spell them (the benchmark's own list: how people write names)
_FORM_WORDS = ("limited", "company", "corporation", "incorporated", "liability", "joint", "stock", "public")


def _form_typo(name: str, rng: random.Random) -> str | None:
    """One letter of a written-out legal form's word dropped, doubled, swapped with the next, or another vowel
    (never the first letter): "LOWELL LyMITED", "JOINT STOCK COMPAY PLANT LEGMASH"."""
    words = name.split()
    found = [i for i, w in enumerate(words) if re.sub(r"\W", "", w).casefold() in _FORM_WORDS]
    if not found:
        return None
    i = rng.choice(found)
    word = re.sub(r"\W", "", words[i])
    at = rng.randrange(1, len(word) - 1)
    edit = rng.choice(("drop", "double", "swap", "vowel"))
    if edit == "drop":
        typo = word[:at] + word[at + 1 :]
    elif edit == "double":
        typo = word[:at] + word[at] + word[at:]
    elif edit == "swap":
        typo = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    else:
        vowel = rng.choice([v for v in "aeiouy" if v != word[at].lower()])
        typo = word[:at] + (vowel.upper() if word[at].isupper() else vowel) + word[at + 1 :]
    return " ".join([*words[:i], typo, *words[i + 1 :]])


def _branch_office(name: str, rng: random.Random) -> str | None:
    """The name of a branch or representative office of the organisation (part of it, not another party)."""
    return f"{name}{rng.choice((' Representative Office', ' (Branch Office)', ' Branch', ', Liaison Office'))}"


def _no_punctuation(name: str, rng: random.Random) -> str | None:
    """Lower case, punctuation dropped without a space (AL-QAIDA as alqaida, MG-FLOT as mgflot), as some registers
    and keyboards write names."""
    return re.sub(r"[^\w\s]", "", name).casefold()


def _run_together(name: str, rng: random.Random) -> str | None:
    """Two neighbouring words run together where one is short (and, of, for, a number, an acronym): the cut the
    general rule (:mod:`exportctl.screening.compounds`, words of 4+ letters) does not make; in mixed case when the
    name is (the case then marks the cut: "AtbElectronica")."""
    words = name.split()
    pairs = [
        i
        for i in range(len(words) - 1)
        if words[i].isalnum() and words[i + 1].isalnum() and min(len(words[i]), len(words[i + 1])) <= 3
    ]
    if not pairs:
        return None
    i = rng.choice(pairs)
    first, second = words[i], words[i + 1]
    if rng.random() < 0.5 and first.isalpha() and second.isalpha():
        first, second = first.capitalize() if len(first) > 3 else first.upper(), second.capitalize()
    return " ".join([*words[:i], first + second, *words[i + 2 :]])


# made-up trade names a customer file may give beside the listed one (the benchmark's own, no listed party's)
_TRADE_NAMES = ("Northwind Supplies", "Bluebird Components", "Harbor Lane Logistics", "Quillfeather Goods")
_ALIAS_MARKERS = ("d/b/a", "a.k.a.", "f/k/a", "formerly known as", "trading as")


def _also_known_as(name: str, rng: random.Random) -> str | None:
    """The listed name after another name and an alias marker, as a customer file writes a party's other names
    into its name field: "Northwind Supplies d/b/a PHOENIX ELECTRONICS"."""
    return f"{rng.choice(_TRADE_NAMES)} {rng.choice(_ALIAS_MARKERS)} {name}"


def _country_after(entry: ListEntry, rng: random.Random) -> str | None:
    """The listed name with its country after it, as a customer file writes it ("…, Russia", "… (Iran)")."""
    country = entry.country_name or next((a.country_name for a in entry.addresses if a.country_name), None)
    if not country:
        return None
    return rng.choice((f"{entry.primary_name}, {country}", f"{entry.primary_name} ({country})"))


# the words a name's legal form ends with, as names write them (the benchmark's own list)
_FORM_ENDINGS = ("ltd", "ltd.", "limited", "llc", "l.l.c", "inc", "inc.", "corp", "corp.", "corporation", "co.",
                 "gmbh", "s.a.", "sa", "jsc", "pjsc", "fze", "fzco", "company", "plc", "pte", "bv", "b.v.")  # fmt: skip


def _country_run_on(entry: ListEntry, rng: random.Random) -> str | None:
    """A name ending in its legal form with the entry's country run on after it, no separator, as a name field
    running into its address does ("HUAWEI TECHNOLOGIES CO LTD CHINA"); capitals or as written."""
    country = entry.country_name or next((a.country_name for a in entry.addresses if a.country_name), None)
    words = entry.primary_name.replace(",", " ").split()
    if not country or not words or words[-1].casefold() not in _FORM_ENDINGS:
        return None
    name = f"{' '.join(words)} {country.split(',')[0]}"
    return name.upper() if rng.random() < 0.5 else name


_REFERENCES = ("INV {n}", "REF {n}", "/REF/ {n}", "PO {n}", "INVOICE NO {n}", "{n}")  # as payment fields write them


def _reference_after(entry: ListEntry, rng: random.Random) -> str | None:
    """A name ending in its legal form with a payment's or an order's reference run on after it, no separator, as a
    payment message's name field does ("HUAWEI TECHNOLOGIES CO LTD INV 20231234"); capitals or as written."""
    words = entry.primary_name.replace(",", " ").split()
    if not words or words[-1].casefold() not in _FORM_ENDINGS:
        return None
    reference = rng.choice(_REFERENCES).format(n=rng.randint(1000, 99_999_999))
    name = f"{' '.join(words)} {reference}"
    return name.upper() if rng.random() < 0.5 else name


def _with_address(entry: ListEntry, rng: random.Random) -> str | None:
    """The listed name followed by its listed address in the same field, after a comma or on the next line (a
    customer file's one column, a payment message's name and address lines)."""
    address = next((a.full for a in entry.addresses if a.full and len(a.full) > 10), None)
    if not address:
        return None
    return f"{entry.primary_name}{rng.choice((', ', chr(10)))}{address}"


def _dropped_word(name: str, rng: random.Random) -> str | None:
    """One inner word of an organisation's name of four words or more left out, as a clerk shortens it ("NEW
    MONEY EXCHANGE" for NEW ANSARI MONEY EXCHANGE, "LIMITED LIABILITY BODOR" for LIMITED LIABILITY COMPANY BODOR)."""
    words = name.split()
    if len(words) < 4:
        return None
    left_out = rng.randrange(1, len(words) - 1)
    return " ".join(words[:left_out] + words[left_out + 1 :])


def _two_typos(name: str, rng: random.Random) -> str | None:
    """One typo (a letter replaced, left out or added) in each of two words of five letters or more."""
    words = [w for w in name.split() if len(w) >= 5 and w.isalpha()]
    if len(words) < 2:
        return None
    for word in rng.sample(words, 2):
        at = rng.randrange(1, len(word) - 1)
        edit = rng.choice(("replaced", "left out", "added"))
        letter = rng.choice("aeiourstln")
        typo = {
            "replaced": word[:at] + letter + word[at + 1 :],
            "left out": word[:at] + word[at + 1 :],
            "added": word[:at] + letter + word[at:],
        }[edit]
        name = name.replace(word, typo, 1)
    return name


def _one_word_typo(name: str, rng: random.Random) -> str | None:
    """A typo after the first letter of a name that is one word of eight letters or more besides its legal form."""
    tokens = analyze(name).variants[0].tokens
    if len(tokens) != 1 or len(tokens[0]) < 8:
        return None
    word = next((w for w in re.findall(r"[A-Za-z]+", name) if w.casefold() == tokens[0]), None)
    if word is None:
        return None
    at = rng.randrange(1, len(word) - 1)
    letter = rng.choice("aeiourstln")
    return name.replace(
        word,
        rng.choice(
            (
                word[:at] + letter + word[at + 1 :],  # replaced
                word[:at] + word[at + 1 :],  # left out
                word[:at] + letter + word[at:],  # added
                word[:at] + word[at + 1] + word[at] + word[at + 2 :],  # swapped
            )
        ),
        1,
    )


def _digits_for_letters(name: str, rng: random.Random) -> str | None:
    """One or two letters of the longest word written as the digits they look like (O as 0, I as 1, E as 3, S as 5),
    as an OCR misreading or a name slipped past a filter writes them ("R0SNEFT", "HUAWE1")."""
    word = max(name.split(), key=len)
    places = [i for i, ch in enumerate(word) if ch.upper() in _DIGIT_OF]
    if len(word) < 5 or not places:
        return None
    chosen = set(rng.sample(places, min(len(places), rng.choice((1, 2)))))
    written = "".join(_DIGIT_OF[ch.upper()] if i in chosen else ch for i, ch in enumerate(word))
    return name.replace(word, written, 1)


_DIGIT_OF = {"O": "0", "I": "1", "E": "3", "S": "5"}


def _own_language_country(name: str, rng: random.Random) -> str | None:
    """The English name of a country in an organisation's name written in the country's own language, as a
    subsidiary writes it ("HUAWEI SWEDEN" as "Huawei Sverige", "… GERMANY GMBH" as "… Deutschland GmbH"); CLDR's
    names through Babel (``build_country_endonyms.py``)."""
    words = list(_DESIGNATION_WORD.finditer(name))
    folded = [designations.fold(w.group()) for w in words]
    for start in range(len(words)):
        for length in range(min(4, len(words) - start), 0, -1):
            found = designations.designation_of(tuple(folded[start : start + length]))
            if found is None or found[1] != designations.NAME:
                continue
            own = designations.own_names(found[0].code)
            if not own:
                break
            begin, end = words[start].start(), words[start + length - 1].end()
            return f"{name[:begin]}{rng.choice(own)}{name[end:]}"
    return None


def _ship_prefix(name: str, rng: random.Random) -> str | None:
    """A listed vessel's name as trade documents write it: with a prefix (MV, M/V, MT, M/T, M.T., Tanker) or its IMO
    number after it (a made-up one: the lists' entries carry few)."""
    if rng.random() < 0.7:
        return f"{rng.choice(_SHIP_PREFIXES)} {name}"
    return f"{name} (IMO {rng.randrange(9_000_000, 9_999_999)})"


_SHIP_PREFIXES = ("MV", "M/V", "MT", "M/T", "M.T.", "Tanker")


def _web_address(name: str, rng: random.Random) -> str | None:
    """The organisation's web address in place of its name: its words without legal forms or punctuation, up to
    three, run together or hyphened, under a common domain ("ROSOBORONEXPORT OJSC" as "www.rosoboronexport.ru",
    "MAHAN AIR" as "mahan-air.com")."""
    words = [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in FORM_WORDS]
    if not words or len(words) > 3 or sum(map(len, words)) < 4:
        return None
    host = rng.choice(("", "-")).join(words)
    return f"{rng.choice(('', 'www.', 'https://'))}{host}.{rng.choice(_DOMAINS)}"


_DOMAINS = ("com", "ru", "cn", "com.cn", "ir", "co.uk", "ae", "net")


def _designation(name: str, rng: random.Random) -> str | None:
    """The country in an organisation's name written as another of its designations: an official name, ISO's
    name, the short name or an initialism ("… OF THE DPRK" as "… of the Democratic People's Republic of Korea",
    "… OF THE RUSSIAN FEDERATION" as "… of Russia"). Only a designation of two words or more, an initialism, or a
    short name after "of": "Bank of Iran" is written "Bank of the Islamic Republic of Iran", "Iran Air" is not."""
    words = list(_DESIGNATION_WORD.finditer(name))
    folded = [designations.fold(w.group()) for w in words]
    for start in range(len(words)):
        for length in range(min(9, len(words) - start), 0, -1):
            found = designations.designation_of(tuple(folded[start : start + length]))
            if found is None:
                continue
            country, kind = found
            after_of = start > 0 and folded[start - 1] in ("of", "the")
            if kind == designations.ENDONYM or (length == 1 and kind == designations.NAME and not after_of):
                break
            key = tuple(folded[start : start + length])
            other = [n for n in (country.short, *country.others) if designations.words_of(n) != key]
            if not other:
                break
            begin, end = words[start].start(), words[start + length - 1].end()
            return f"{name[:begin]}{rng.choice(other)}{name[end:]}"
    return None


_DESIGNATION_WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*")


def _cut_at_35(entry: ListEntry, rng: random.Random) -> str | None:
    """A name longer than a SWIFT MT or Fedwire name line, cut at its 35 characters (often inside a word)."""
    name = entry.primary_name
    return name[:35] if len(name) > 37 else None


_CYRILLIC_WORD = re.compile(r"^[а-яё-]+$")
_VOWELS = "аеёиоуыэюяьъ"
# the common German (Duden), French and Dutch romanisations of Russian, letter by letter
_ROMAN = {
    "а": ("a", "a", "a"), "б": ("b", "b", "b"), "в": ("w", "v", "v"), "г": ("g", "g", "g"), "д": ("d", "d", "d"),
    "ж": ("sch", "j", "zj"), "з": ("s", "z", "z"), "и": ("i", "i", "i"), "й": ("j", "ï", "j"),
    "к": ("k", "k", "k"), "л": ("l", "l", "l"), "м": ("m", "m", "m"), "н": ("n", "n", "n"), "о": ("o", "o", "o"),
    "п": ("p", "p", "p"), "р": ("r", "r", "r"), "с": ("s", "s", "s"), "т": ("t", "t", "t"), "у": ("u", "ou", "oe"),
    "ф": ("f", "f", "f"), "х": ("ch", "kh", "ch"), "ц": ("z", "ts", "ts"), "ч": ("tsch", "tch", "tsj"),
    "ш": ("sch", "ch", "sj"), "щ": ("schtsch", "chtch", "sjtsj"), "ъ": ("", "", ""), "ы": ("y", "y", "y"),
    "ь": ("", "", ""), "э": ("e", "e", "e"), "ю": ("ju", "iou", "joe"), "я": ("ja", "ia", "ja"),
    "ё": ("jo", "io", "jo"), "е": ("e", "e", "e"), "-": ("-", "-", "-"),
}  # fmt: skip
GERMAN, FRENCH, DUTCH = 0, 1, 2


def _romanised(word: str, language: int) -> str:
    """One Cyrillic word as German, French or Dutch writing romanises it: е is je (ie) at the start and after a
    vowel, с between vowels is ss (German, French), г before е and и is gu (French), a final -ий/-ый is -i/-y, a
    final -ин is -ine (French)."""
    out = []
    for at, letter in enumerate(word):
        before = word[at - 1] if at else ""
        after = word[at + 1] if at + 1 < len(word) else ""
        between_vowels = before in _VOWELS and before not in "ьъ" and after in _VOWELS and bool(before and after)
        if letter == "е" and (not before or before in _VOWELS):
            out.append(("ie" if before else "e") if language == FRENCH else "je")
        elif letter == "с" and language != DUTCH and between_vowels:
            out.append("ss")
        elif letter == "г" and language == FRENCH and after in ("е", "и", "ы"):
            out.append("gu")
        elif letter == "й" and at == len(word) - 1 and before in ("и", "ы"):
            continue  # -ий, -ый: Juri, Dmitri
        elif letter == "ё" and before in "жчшщ":
            out.append("o")  # Gorbatschow
        else:
            out.append(_ROMAN[letter][language])
    text = "".join(out)
    if language == FRENCH and word.endswith("ин"):
        text += "e"  # Poutine, Prigojine
    return text


_AL_SUN = re.compile(r"\bAL[- ](?P<letter>SH|TH|DH|[DNRSTZ])(?P<rest>[A-Z]{3,})", re.IGNORECASE)


def _sun_letter_article(name: str, rng: random.Random) -> str | None:
    found = _AL_SUN.search(name)
    if found is None:
        return None
    letter = found["letter"]
    assimilated = f"a{letter.lower()}-{letter.capitalize()}{found['rest'].lower()}"
    return name[: found.start()] + assimilated + name[found.end() :]


_PREPOSITION = re.compile(r"\b(?P<word>of|in|for|at|on|by|from|to|with)\b", re.IGNORECASE)


def _preposition(name: str, rng: random.Random) -> str | None:
    """One preposition of the name said with another, as translations of one name differ (Institute of / for
    Technology; ISLAMIC STATE IN IRAQ on the UN list, OF IRAQ on the SDN)."""
    found = list(_PREPOSITION.finditer(name))
    if not found:
        return None
    chosen = rng.choice(found)
    word = chosen["word"].lower()
    other = rng.choice(["for", "in"]) if word == "of" else "of"
    other = other.upper() if chosen["word"].isupper() else other
    return name[: chosen.start()] + other + name[chosen.end() :]


def _article(name: str, rng: random.Random) -> str | None:
    """The name with "The" before it, as a register or a letter writes an organisation (The National Iranian Oil
    Company)."""
    return None if name.casefold().startswith("the ") else f"The {name}"


# how Turkish trade names abbreviate their words (the benchmark's own table, from the trade registry's usage: "San. ve
# Tic. Ltd. Şti."), written with Turkish letters as the companies write them
_TURKISH_ABBREVIATIONS = {
    "sanayi": "San.",
    "ticaret": "Tic.",
    "pazarlama": "Paz.",
    "ithalat": "İth.",
    "ihracat": "İhr.",
    "insaat": "İnş.",
    "muhendislik": "Müh.",
    "limited sirketi": "Ltd. Şti.",
}
_TURKISH_WORD = re.compile(rf"\b(?:{'|'.join(_TURKISH_ABBREVIATIONS)})\b", re.IGNORECASE)


def _turkish_abbreviated(name: str, rng: random.Random) -> str | None:
    """A Turkish trade name with its trade words abbreviated as the companies write them ("… Dış Tic. Ltd. Şti." for
    … DIS TICARET LIMITED SIRKETI); None for a name without two such words."""
    if len(_TURKISH_WORD.findall(name)) < 2:
        return None
    return _TURKISH_WORD.sub(lambda match: _TURKISH_ABBREVIATIONS[match.group().casefold()], name)


_CHINESE_COUNTRIES = frozenset({"CN", "HK", "MO", "TW"})


@functools.cache
def _pinyin_syllables() -> frozenset[str]:
    return frozenset(
        syllable
        for readings in pinyin_dict.values()
        for syllable in (to_normal(r) for r in readings.split(","))
        if syllable.isascii() and syllable.isalpha() and any(v in syllable for v in "aeiou")
    )


def _syllables_of(word: str) -> list[str] | None:
    """A pinyin word's syllables, the longest first at each step (xiaoming: xiao ming); None when it is no pinyin."""
    table, longest = _pinyin_syllables(), 6
    ends: list[list[str] | None] = [[]] + [None] * len(word)
    for start in range(len(word)):
        found = ends[start]
        if found is None:
            continue
        for stop in range(min(len(word), start + longest), start, -1):
            if word[start:stop] in table and ends[stop] is None:
                ends[stop] = [*found, word[start:stop]]
    return ends[-1]


def _palladius(entry: ListEntry, rng: random.Random) -> str | None:
    if entry.country not in _CHINESE_COUNTRIES:
        return None
    words = entry.primary_name.casefold().replace(",", " ").replace("-", "").split()
    spelt = [_syllables_of(word) for word in words]
    if len(words) < 2 or any(not syllables for syllables in spelt):
        return None
    return " ".join("".join(converter.to_cyrillic(s) for s in syllables or []).capitalize() for syllables in spelt)


def _cyrillic_name(entry: ListEntry) -> str | None:
    for name in entry.names:
        words = name.casefold().replace(",", " ").split()
        if len(words) >= 2 and all(_CYRILLIC_WORD.match(w) for w in words):
            return " ".join(words)
    return None


def _german(name: str, rng: random.Random) -> str | None:
    return " ".join(_romanised(w, GERMAN).capitalize() for w in name.split())


def _french(name: str, rng: random.Random) -> str | None:
    return " ".join(_romanised(w, FRENCH).capitalize() for w in name.split())


def _dutch(name: str, rng: random.Random) -> str | None:
    return " ".join(_romanised(w, DUTCH).capitalize() for w in name.split())


NameRewrite = Callable[[str, random.Random], str | None]
EntryRewrite = Callable[[ListEntry, random.Random], str | None]


def _of_primary_name(rewrite: NameRewrite) -> EntryRewrite:
    return lambda entry, rng: rewrite(entry.primary_name, rng)


def _of_cyrillic_name(rewrite: NameRewrite) -> EntryRewrite:
    return lambda entry, rng: rewrite(_cyrillic_name(entry) or "", rng)


def main() -> None:
    entries = [e for e in bundled_entries() if e.primary_name.isascii()]
    started = time.perf_counter()
    index = ScreeningIndex.build(bundled_entries())
    print(f"index: {len(index.entries)} entries, built in {time.perf_counter() - started:.1f} s")
    persons = [e for e in entries if e.entry_type == EntryType.INDIVIDUAL and len(e.primary_name.split()) >= 2]
    organisations = [e for e in entries if e.entry_type != EntryType.INDIVIDUAL and len(e.primary_name.split()) >= 2]
    vessels = [e for e in entries if e.entry_type == EntryType.VESSEL]
    by_name: dict[str, tuple[list[ListEntry], NameRewrite]] = {
        "initials": (persons, _initials),
        "title": (persons, _title),
        "middle_names_dropped": (persons, _middle_names_dropped),
        "title_two_words": (persons, _title_two_words),
        "arabic_compound": ([e for e in entries if e.entry_type == EntryType.INDIVIDUAL], _arabic_compound),
        "sun_letter_article": (entries, _sun_letter_article),
        "joined": (organisations, _joined),
        "split": (organisations, _split),
        "abbreviated": (organisations, _abbreviated),
        "hyphen": (organisations, _hyphen),
        "kind_word": (organisations, _kind_word),
        "form_typo": (organisations, _form_typo),
        "branch_office": (organisations, _branch_office),
        "no_punctuation": (organisations, _no_punctuation),
        "run_together": (organisations, _run_together),
        "also_known_as": (organisations, _also_known_as),
        "ship_prefix": (vessels, _ship_prefix),
        "dropped_word": (organisations, _dropped_word),
        "two_typos": (organisations, _two_typos),
        "one_word_typo": ([e for e in entries if e.entry_type != EntryType.INDIVIDUAL], _one_word_typo),
        "designation": (organisations, _designation),
        "digits_for_letters": (organisations, _digits_for_letters),
        "web_address": (organisations, _web_address),
        "own_language_country": (organisations, _own_language_country),
        "preposition": (organisations, _preposition),
        "article": (organisations, _article),
        "turkish_abbreviated": (organisations, _turkish_abbreviated),
    }
    kinds = {kind: (pool, _of_primary_name(rewrite)) for kind, (pool, rewrite) in by_name.items()}
    russians = [e for e in bundled_entries() if e.entry_type == EntryType.INDIVIDUAL and _cyrillic_name(e)]
    romanised = {"german_romanised": _german, "french_romanised": _french, "dutch_romanised": _dutch}
    kinds.update({kind: (russians, _of_cyrillic_name(rewrite)) for kind, rewrite in romanised.items()})
    # kinds made from the whole entry: its country, its address
    kinds.update(
        {
            "country_after": (organisations, _country_after),
            "country_run_on": (organisations, _country_run_on),
            "with_address": (organisations, _with_address),
            "cut_at_35": (organisations, _cut_at_35),
            "reference_after": (organisations, _reference_after),
            "palladius": ([e for e in entries if e.entry_type == EntryType.INDIVIDUAL], _palladius),
        }
    )
    by_id = {e.entry_id: e for e in index.entries}
    for kind, (pool, rewrite) in kinds.items():
        rng = random.Random(SEED)
        cases: list[tuple[str, ListEntry]] = []
        for entry in rng.sample(pool, len(pool)):
            query = rewrite(entry, rng)
            if query and query != entry.primary_name:
                cases.append((query, entry))
            if len(cases) >= PER_KIND:
                break
        found = 0
        for query, entry in cases:
            try:
                hits = screen(index, query).hits
            except InputError:  # too little left to screen ("… ENTERPRISE S." cut at 35): not found
                continue
            if hits and _same_party(by_id[hits[0].entry_id], entry):
                found += 1
        low, high = wilson(found, len(cases))
        rate = found / max(len(cases), 1)
        print(f"{kind:<16} {len(cases):>4} names  recall@1 {rate:.3f}  (95 % CI {low:.3f}-{high:.3f})")


if __name__ == "__main__":
    main()
