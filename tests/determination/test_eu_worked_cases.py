"""The EU worked cases (``data/eu_worked_cases.csv``): each written from the text of Regulation (EU) 2021/821 and its
Annexes before it was run, with the expected verdict, the ordinary GEAs that may cover it (EU003 repair, EU004
exhibition and EU007 intra-group are special cases and not listed) and a citation the answer must carry.

Scores: no confident false clearance (``no_license_required`` where the text says otherwise), every verdict and GEA
set as written, every bad input refused naming its field.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from exportctl.determination.eu import EuDetermination, determine_eu, make_eu_transaction
from exportctl.errors import InputError
from exportctl.regulations import load_regulations
from exportctl.regulations.eu import load_annex_i

CASES = Path(__file__).resolve().parent / "data" / "eu_worked_cases.csv"


@dataclass(frozen=True)
class EuCase:
    id: str
    control: str
    origin: str
    destination: str
    date: str
    end_use: str
    expected: str
    geas: frozenset[str]
    citation: str
    basis: str


def load_eu_cases() -> list[EuCase]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        return [
            EuCase(
                r["id"],
                r["control"],
                r["from"],
                r["destination"],
                r["date"],
                r["end_use"],
                r["expected"],
                frozenset(g for g in r["geas"].split(";") if g),
                r["citation"],
                r["basis"],
            )  # fmt: skip
            for r in csv.DictReader(handle)
        ]


def run(case: EuCase) -> EuDetermination:
    return determine_eu(
        make_eu_transaction(
            control=case.control,
            origin=case.origin,
            destination=case.destination,
            regulations=load_regulations(),
            annex=load_annex_i(),
            end_use=case.end_use or None,
            on=case.date,
        ),
        annex=load_annex_i(),
    )


def test_the_suite_has_forty_cases_of_every_kind() -> None:
    cases = load_eu_cases()
    assert len(cases) >= 40 and len({c.id for c in cases}) == len(cases)
    kinds = {c.expected.split(":")[0] for c in cases}
    assert kinds == {"license_required", "review_needed", "no_license_required", "error"}
    assert {g for c in cases for g in c.geas} >= {"EU001", "EU002", "EU005", "EU006", "EU008"}


def test_eu_worked_cases() -> None:
    wrong: list[str] = []
    false_clearances: list[str] = []
    for case in load_eu_cases():
        if case.expected.startswith("error:"):
            with pytest.raises(InputError) as caught:
                run(case)
            if caught.value.field != case.expected.split(":")[1]:
                wrong.append(f"{case.id}: error on {caught.value.field}, expected {case.expected}")
            continue
        d = run(case)
        got = {g.code for g in d.available_geas}
        citations = " ".join([f.citation for f in d.reasons] + [f.summary for f in d.reasons])
        if d.verdict == "no_license_required" and case.expected != "no_license_required":
            false_clearances.append(case.id)
        if d.verdict != case.expected or got != case.geas or case.citation not in citations:
            wrong.append(
                f"{case.id}: {d.verdict} {sorted(got)} (expected {case.expected} {sorted(case.geas)}, "
                f"citation {case.citation!r}) — {case.basis}"
            )
    assert not false_clearances, false_clearances
    assert not wrong, "\n".join(wrong)
