"""A web address written for the organisation: "huawei.com", "www.zte.com.cn", "https://rosoboronexport.ru/en/".
Registers and order forms fill a party's name field with its site, and the whole address was one word that no
listed name holds. Such a field is also read with each address as its name: the domain's own label, its hyphens as
spaces ("iran-air.com": iran air).

The address is recognised by its end: a top-level domain of the closed class of ISO 3166 country codes (pycountry,
with uk, su and eu) and the generic domains of RFC 1591 and the first sponsored ones (com, net, org, edu, gov, mil,
int, info, biz, aero, …); a country's second-level domain of that class (com.cn, co.uk, ac.ir) goes with it. "Co.Ltd"
and "GmbH & Co.KG" are no addresses: ltd is not in the class, and nothing is left of co.kg.
"""

from __future__ import annotations

import functools
import re

import pycountry

_GENERIC = frozenset(
    {"com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "aero", "coop", "asia", "mobi", "name", "pro"}
)
_SECOND_LEVEL = frozenset({"com", "co", "net", "org", "edu", "ac", "gov", "gob", "go", "or", "ne", "mil", "ltd", "plc"})
_ADDRESS = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:www\d?\.)?(?P<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,6})"
    r"(?::\d+)?(?:/[^\s]*)?(?![\w@-])",
    re.IGNORECASE,
)


@functools.cache
def _top_level() -> frozenset[str]:
    return _GENERIC | {c.alpha_2.lower() for c in pycountry.countries} | {"uk", "su", "eu"}


def _label(host: str) -> str | None:
    """The organisation's own label of a host name: "www.zte.com.cn" → zte; None when it is no address."""
    labels = host.lower().split(".")
    if labels[-1] not in _top_level():
        return None
    labels.pop()
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    if not labels or labels[-1] in _SECOND_LEVEL or len(labels[-1]) < 2:
        return None
    return labels[-1].replace("-", " ")


def addresses_read(text: str) -> str | None:
    """The text with each web address written as its domain's label (see above); None when it holds none."""
    if "." not in text:
        return None
    changed = False

    def read(found: re.Match[str]) -> str:
        nonlocal changed
        label = _label(found.group("host"))
        if label is None:
            return found.group()
        changed = True
        return label

    written = _ADDRESS.sub(read, text)
    return " ".join(written.split()) if changed else None
