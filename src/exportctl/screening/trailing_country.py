"""A country written after a name: "DECCAN STAR TRADING L.L.C, United Arab Emirates", "Mehrdad Moeinansari (Iran)".

Customer files and payment messages put the party's country into its name field. The country says where, not who:
its words, unmatched by the listed name, counted against it, and "Mehrdad Moeinansari, United Arab Emirates" found
nothing. Such a name is also read without the country, beside the name as written (a listed name may hold its
country: BANK MELLI IRAN).

The country names are a closed class: every ISO 3166 name, official name and common name (pycountry), the part
before the comma of an inverted one ("Korea, Republic of"), and the short English names ISO does not give
(:data:`CUSTOMARY_NAMES`). A code is taken only where a name ends with it in capitals ("KVANTEK LIMITED (CN)",
"…, RU") and it is no legal form's word (AG, SA, AO).
"""

from __future__ import annotations

import functools
import re

import pycountry

from exportctl.screening.legal_forms import FORM_WORDS

# English short names of countries that ISO 3166 (as pycountry carries it) does not give, with their ISO code: a
# closed class
CUSTOMARY_NAMES = {
    "Russia": "RU",
    "Turkey": "TR",
    "Turkiye": "TR",
    "UAE": "AE",
    "U.A.E.": "AE",
    "UK": "GB",
    "U.K.": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "England": "GB",
    "Burma": "MM",
    "Macau": "MO",
    "Macao": "MO",
    "Ivory Coast": "CI",
    "South Korea": "KR",
    "North Korea": "KP",
    "Korea, North": "KP",  # as the UN and OFAC lists write it
    "Korea, South": "KR",
    "DPRK": "KP",
    "D.P.R.K.": "KP",
    "PRC": "CN",
    "P.R.C.": "CN",
    "P.R. China": "CN",
    "PR China": "CN",
    "People's Republic of China": "CN",
    "Mainland China": "CN",
    "Syria": "SY",
    "Iran": "IR",
    "Laos": "LA",
    "Vietnam": "VN",
    "Czechia": "CZ",
    "Czech Republic": "CZ",
    "Moldova": "MD",
    "Palestine": "PS",
    "Vatican": "VA",
    "USA": "US",
    "U.S.A.": "US",
    "US": "US",
    "U.S.": "US",
    "United States of America": "US",
    "Hong Kong SAR": "HK",
    "Taiwan": "TW",
}
_MIN_LETTERS = 3  # "UAE", "USA", "PRC"; no two-letter code but the customary US and UK
_TWO = frozenset({"us", "uk"})
_SEPARATORS = frozenset(",;/|(-–—")
_SEPARATED = re.compile(r"^(?P<name>.*?\w[^\w]*?)\s*(?:[,;/|]|\s[-–—]|\s\()\s*(?P<country>[^,;/|()]+?)\s*\)?\s*\.?\s*$")


def _folded(text: str) -> str:
    return " ".join(re.findall(r"[a-z]+", text.casefold().replace("'", "")))


@functools.cache
def country_forms() -> dict[str, tuple[str, ...]]:
    """Every name of each country as written, by ISO 3166 alpha-2 code: ISO's common name, name and official name,
    each inverted one followed by its part before the comma ("Iran, Islamic Republic of": Iran), then the customary
    names (read once per process; :mod:`.designations` reads them too)."""
    forms: dict[str, list[str]] = {}
    for country in pycountry.countries:
        found = forms.setdefault(country.alpha_2, [])
        for attribute in ("common_name", "name", "official_name"):
            value = getattr(country, attribute, "")
            if value:
                found.append(value)
                if "," in value:
                    found.append(value.split(",")[0].strip())
    for name, code in CUSTOMARY_NAMES.items():
        forms.setdefault(code, []).append(name)
    return {code: tuple(names) for code, names in forms.items()}


@functools.cache
def country_names() -> dict[str, str]:
    """Folded country names and their ISO 3166 alpha-2 codes (read once per process)."""
    codes: dict[str, set[str]] = {}
    for code, names in country_forms().items():
        for name in names:
            codes.setdefault(_folded(name), set()).add(code)
    return {  # a name two countries share ("Korea", "Congo") says no one country
        name: next(iter(found))
        for name, found in codes.items()
        if len(found) == 1 and (len(name.replace(" ", "")) >= _MIN_LETTERS or name in _TWO)
    }


def written_code(text: str) -> str | None:
    """The country of an ISO 3166 code written in capitals at a name's end ("KVANTEK LIMITED (CN)", "…, RU"); not
    one that is also a legal form's word (AG, SA, AO, DE: a form ends names too)."""
    raw = text.strip(" .")
    if not (raw.isalpha() and raw.isupper() and len(raw) in (2, 3)) or raw.casefold() in FORM_WORDS:
        return None
    country = pycountry.countries.get(alpha_2=raw) if len(raw) == 2 else pycountry.countries.get(alpha_3=raw)
    return str(country.alpha_2) if country else None


def country_code(text: str) -> str | None:
    """The ISO code of the country a text names ("Russia", "United Arab Emirates"); None when it names none."""
    return country_names().get(_folded(text))


_OF = re.compile(r"\bof\s+(?:the\s+)?", re.IGNORECASE)


def country_after_of(name: str) -> str | None:
    """The ISO code of the country a name ends with after "of" ("Federal Security Service of Russia", "Ministry of
    Defence of the Islamic Republic of Iran"): the state whose body the name is. Not read off (a listed name holds
    its state too: CENTRAL BANK OF IRAN); the state the query names, which an entry's countries may contradict
    (:func:`.features.country_mismatch`). None when the name ends in no country or the words before hold nothing of
    two letters."""
    if " of " not in name.casefold() and "\tof " not in name:
        return None
    for found in _OF.finditer(name):
        code = country_code(name[found.end() :])
        if code is not None:
            return code if sum(ch.isalnum() for ch in name[: found.start()]) >= 2 else None
    return None


def names_country(text: str, code: str) -> bool:
    """Whether a text holds one of the names of the country of that ISO code, as whole words ("CENTRAL BANK OF THE
    ISLAMIC REPUBLIC OF IRAN" names IR)."""
    folded = f" {_folded(text)} "
    return any(f" {_folded(name)} " in folded for name in country_forms().get(code, ()))


def trailing_country(name: str) -> tuple[str, str] | None:
    """The name without a country written after it (after a comma, a semicolon, a slash, a dash or in brackets),
    and that country's ISO code; None when there is none, or when nothing of two letters would be left."""
    if not _SEPARATORS.intersection(name):  # most names: no separator, no country after one
        return None
    found = _SEPARATED.match(name)
    if not found:
        return None
    code = country_names().get(_folded(found.group("country"))) or written_code(found.group("country"))
    if code is None:
        return None
    rest = found.group("name").strip(" \t,;/|-–—(")
    if sum(ch.isalnum() for ch in rest) < 2:
        return None
    return rest, code
