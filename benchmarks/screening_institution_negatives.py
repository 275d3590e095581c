"""False hits on real institutions' names: the banks of the national bank registries that schwifty ships (their
own spellings, in Latin and Cyrillic script) and the mobile network operators that mobile-codes ships (the ITU's
operator and brand names).

The real-name dev file holds research organisations, universities and large companies. A customer or supplier
register holds banks and telecom operators too, written as their registers write them: "AS SEB Pank", "BANCO
CETELEM, S.A.", "Відділення № 37 Акціонерного товариства "Полтава-банк"", "Emtel". None of these sets was read to
tune the engine. Some of them are listed (Iranian banks in Europe, VTB's and Sberbank's subsidiaries, Syriatel,
China's state operators), so a hit is not always false: every hit is counted, and the best ones are printed to read.

Sets, each sorted and deterministic: every distinct Latin-script bank name (6,842 in 38 countries); the Cyrillic ones
(1,094: every sixth of the Ukrainian registry's 5,000 branches, which say much the same, and the other Ukrainian,
Kazakh and Moldovan banks); every distinct operator and brand name (1,874).
Usage: ``python benchmarks/screening_institution_negatives.py [--show 15]``.
"""

from __future__ import annotations

import html
import json
from importlib import resources

import mobile_codes

from exportctl.screening.scripts import CYRILLIC, OTHER, script_of
from negatives_report import report

UKRAINIAN_BRANCHES_EVERY = 6  # one Ukrainian branch name in six: 5,000 branches of a few banks say much the same


def bank_names() -> tuple[list[str], list[str]]:
    """The distinct names of schwifty's bank registries: (Latin-script names, Cyrillic names), each sorted."""
    names: set[str] = set()
    for path in (resources.files("schwifty") / "bank_registry").iterdir():
        if not path.name.endswith(".json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        records = data.values() if isinstance(data, dict) else data
        for record in records:
            name = (record.get("name") or "").strip() if isinstance(record, dict) else ""
            if len(name.strip(" .'\"")) >= 2:
                names.add(" ".join(name.split()))
    cyrillic = sorted(n for n in names if CYRILLIC in _scripts(n))
    latin = sorted(n for n in names if _scripts(n) == {OTHER})  # Latin letters (script_of names three others)
    branches = [n for n in cyrillic if "відділення" in n.casefold() or "філія" in n.casefold()]
    kept = set(branches[::UKRAINIAN_BRANCHES_EVERY])
    return latin, [n for n in cyrillic if n in kept or n not in set(branches)]


def operator_names() -> list[str]:
    """Every distinct brand and operator name of mobile-codes' MCC/MNC table, sorted."""
    with open(mobile_codes.MNC_OPERATOR_JSON_PATH, encoding="utf-8") as handle:
        rows = json.load(handle)
    names = {" ".join(html.unescape(str(text)).split()) for row in rows for text in row[2:4] if text}
    return sorted(n for n in names if n != "Test Network" and sum(ch.isalpha() for ch in n) >= 2)


def _scripts(name: str) -> set[str]:
    return {script_of(ch) for ch in name if ch.isalpha()}


def main() -> None:
    latin, cyrillic = bank_names()
    report(
        {
            "bank names in Latin script (schwifty's registries)": latin,
            "bank names in Cyrillic (schwifty's registries)": cyrillic,
            "mobile operator and brand names (mobile-codes)": operator_names(),
        },
        __doc__.splitlines()[0],
    )


if __name__ == "__main__":
    main()
