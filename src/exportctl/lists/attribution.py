"""Notices the licence of a list's data requires wherever its entries are shown (screening hits, determinations).

Only the UK OFSI list needs one: "Contains public sector information licensed under the Open Government Licence
v3.0." US government lists are public domain; the UN list carries no attribution requirement.
"""

from __future__ import annotations

OGL_V3 = "Contains public sector information licensed under the Open Government Licence v3.0."

ATTRIBUTIONS: dict[str, str] = {"uk-ofsi": OGL_V3}


def attribution_of(source: str) -> str | None:
    """The notice for entries of ``source`` (the list source name, e.g. ``uk-ofsi``), or None when none is needed."""
    return ATTRIBUTIONS.get(source)
