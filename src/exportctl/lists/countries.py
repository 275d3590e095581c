"""Country names and codes as the official lists write them, resolved to ISO 3166 alpha-2.

The lists use names pycountry does not know ("Korea, North", "Burma", "Crimea Region of Ukraine", "Türkiye") or
knows under another form ("Iran, Islamic Republic of"). ``to_iso2`` tries, in order: our table of list-specific
names, a two-letter code, and pycountry's exact lookup (name, official name, common name, alpha-2/3). It never
guesses fuzzily: an unknown name gives ``None`` and the caller keeps the name as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

# Names used by BIS/OFAC/UN/FCC lists that pycountry does not resolve exactly (keys are normalised, see _key).
_LIST_NAMES: dict[str, str] = {
    "korea north": "KP",
    "north korea": "KP",
    "korea democratic people s republic of": "KP",
    "democratic people s republic of korea": "KP",
    "dprk": "KP",
    "korea south": "KR",
    "south korea": "KR",
    "republic of korea": "KR",
    "korea republic of": "KR",
    "burma": "MM",
    "russia": "RU",
    "iran": "IR",
    "syria": "SY",
    "taiwan": "TW",
    "hong kong": "HK",
    "macau": "MO",
    "macao": "MO",
    "kosovo": "XK",  # user-assigned code, as used by the EAR country chart data
    "uae": "AE",
    "u a e": "AE",
    "turkey": "TR",
    "turkiye": "TR",
    "laos": "LA",
    "vietnam": "VN",
    "viet nam": "VN",
    "moldova": "MD",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "united republic of tanzania": "TZ",
    "czech republic": "CZ",
    "brunei": "BN",
    "cape verde": "CV",
    "ivory coast": "CI",
    "cote d ivoire": "CI",
    "cote d lvoire": "CI",  # sic, the EAR country-group supplement's spelling
    "swaziland": "SZ",
    "macedonia": "MK",
    "the bahamas": "BS",
    "bahamas the": "BS",
    "gambia the": "GM",
    "the gambia": "GM",
    "vatican city": "VA",
    "holy see": "VA",
    "palestine": "PS",
    "west bank": "PS",
    "gaza": "PS",
    "palestinian": "PS",  # OFAC writes the nationality, not the territory
    "palestinian territories": "PS",
    "state of palestine": "PS",
    "region gaza": "PS",
    "region west bank": "PS",
    "region crimea": "UA",
    "region northern mali": "ML",
    "macedonia the former yugoslav republic of": "MK",
    "china hong kong special administrative region": "HK",
    "china macao special administrative region": "MO",
    "micronesia": "FM",
    "micronesia federated states of": "FM",
    "micronesia federated state of": "FM",  # the EAR country chart's wording
    "sint maarten": "SX",
    "south sudan republic of": "SS",
    "congo democratic republic of the": "CD",
    "congo democratic republic of": "CD",
    "democratic republic of the congo": "CD",
    "congo republic of the": "CG",
    "republic of the congo": "CG",
    "china prc": "CN",
    "prc": "CN",
    "people s republic of china": "CN",
    "crimea region of ukraine": "UA",
    "crimea": "UA",
    "united states": "US",
    "united states of america": "US",
    "usa": "US",
    "u s": "US",
    "u s a": "US",
    "uk": "GB",
    "u k": "GB",
    "great britain": "GB",
    "england": "GB",
    "united kingdom": "GB",
    "seycheles": "SC",  # sic, the EAR country chart's spelling
    "netherlands the": "NL",
    "the netherlands": "NL",
    "saint kitts and nevis": "KN",
    "sao tome and principe": "ST",
    "trinidad and tobago": "TT",
    "bosnia and herzegovina": "BA",
    "syrian arab republic": "SY",
    "lao people s democratic republic": "LA",
    "iran islamic republic of": "IR",
    "russian federation": "RU",
}

# Short English names for display where pycountry's name is long or political wording differs from the lists'.
_DISPLAY_NAMES: dict[str, str] = {
    "XK": "Kosovo",
    "TW": "Taiwan",
    "KP": "North Korea",
    "KR": "South Korea",
    "RU": "Russia",
    "IR": "Iran",
    "SY": "Syria",
    "LA": "Laos",
    "VN": "Vietnam",
    "MD": "Moldova",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MM": "Burma",
    "PS": "Palestinian Territories",
    "CD": "Congo (Democratic Republic of the)",
    "CG": "Congo (Republic of the)",
}


def _key(text: str) -> str:
    """Lower-case, accents folded, punctuation to spaces: "Korea, North" → "korea north"."""
    folded = text.casefold().replace("ü", "u").replace("ô", "o").replace("é", "e").replace("&", " and ")
    folded = re.sub(r"\bst\.\s", "saint ", folded)  # "St. Lucia" → "saint lucia"
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split())


@lru_cache(maxsize=4096)
def to_iso2(name_or_code: str) -> str | None:
    """The ISO 3166 alpha-2 code for a country name or code as a list writes it, or ``None`` if unknown."""
    text = name_or_code.strip()
    if not text:
        return None
    key = _key(text)
    if key in _LIST_NAMES:
        return _LIST_NAMES[key]
    if len(text) == 2 and text.isalpha():
        code = text.upper()
        if code == "XK" or pycountry.countries.get(alpha_2=code) is not None:
            return code
        return None
    for candidate in _candidates(text):
        if (listed := _LIST_NAMES.get(_key(candidate))) is not None:
            return listed
        try:
            country = pycountry.countries.lookup(candidate)
        except LookupError:
            continue
        return str(country.alpha_2)
    return None


def _candidates(text: str) -> list[str]:
    """The name, "St." spelled out, then "X (Y)" as "X, Y" and "X" (UN style: "Iran (Islamic Republic of)")."""
    out = [text]
    if re.match(r"St\.\s", text):
        out.append("Saint " + text[4:].lstrip())  # "St. Lucia" → "Saint Lucia"
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", text)
    if match:
        out += [f"{match.group(1)}, {match.group(2)}", match.group(1)]
    return out


def country_name(iso2: str) -> str:
    """A short English display name for an ISO alpha-2 code; the code itself when unknown."""
    code = iso2.strip().upper()
    if code in _DISPLAY_NAMES:
        return _DISPLAY_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)
