"""The worked-case suite: ``data/worked_cases.csv``, each case with the outcome and citation written from the
regulation (not from exportctl's output), scored against what the product answers through the store with the
bundled lists (the same path as ``exportctl determine``).

Scores: a *confident false clearance* is "no licence required" without review where the regulation says otherwise;
a *missed prohibition* is a prohibited case not answered "prohibited"; *decided correctly* counts the decidable cases
(expected licence required / NLR / prohibited) whose verdict equals the expected one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from exportctl.determination import Determination

CASES = Path(__file__).resolve().parent / "data" / "worked_cases.csv"
DECIDABLE = frozenset({"license_required", "no_license_required", "prohibited"})
VERDICTS = DECIDABLE | {"review_needed"}


@dataclass(frozen=True)
class Case:
    id: str
    eccn: str
    destination: str
    date: str
    parties: tuple[str, ...]
    end_use: str | None
    expected: str
    citation: str
    module: str
    basis: str


def load_cases(path: Path = CASES) -> list[Case]:
    cases = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if row["expected"] not in VERDICTS:
                raise ValueError(f"{path}:{line} [expected]: {row['expected']!r} is not one of {sorted(VERDICTS)}")
            cases.append(
                Case(
                    id=row["id"],
                    eccn=row["eccn"],
                    destination=row["destination"],
                    date=row["date"],
                    parties=tuple(p.strip() for p in row["parties"].split(";") if p.strip()),
                    end_use=row["end_use"] or None,
                    expected=row["expected"],
                    citation=row["citation"],
                    module=row["module"],
                    basis=row["basis"],
                )
            )
    return cases


@dataclass(frozen=True)
class Score:
    cases: int
    decidable: int
    decided_correctly: int
    false_clearances: tuple[str, ...]
    missed_prohibitions: tuple[str, ...]
    wrong: tuple[str, ...]  # decidable cases answered with another decision (not review)
    reviewed: tuple[str, ...]  # decidable cases sent to review

    @property
    def share_correct(self) -> float:
        return self.decided_correctly / self.decidable if self.decidable else 1.0

    def lines(self) -> list[str]:
        return [
            f"cases {self.cases}, decidable {self.decidable}",
            f"confident false clearances: {len(self.false_clearances)} {list(self.false_clearances)}",
            f"missed prohibitions: {len(self.missed_prohibitions)} {list(self.missed_prohibitions)}",
            f"decided correctly: {self.decided_correctly}/{self.decidable} = {100 * self.share_correct:.1f} %",
            f"decidable but sent to review: {len(self.reviewed)} {list(self.reviewed)}",
            f"decidable and answered otherwise: {len(self.wrong)} {list(self.wrong)}",
        ]


def score(results: Iterable[tuple[Case, Determination]]) -> Score:
    pairs = list(results)
    false_clear, missed, wrong, reviewed = [], [], [], []
    correct = decidable = 0
    for case, d in pairs:
        got = d.verdict
        if got == "no_license_required" and case.expected != "no_license_required":
            false_clear.append(case.id)
        if case.expected == "prohibited" and not d.prohibited:
            missed.append(case.id)
        if case.expected in DECIDABLE:
            decidable += 1
            if got == case.expected:
                correct += 1
            elif got == "review_needed":
                reviewed.append(case.id)
            else:
                wrong.append(f"{case.id}:{got}")
    return Score(len(pairs), decidable, correct, tuple(false_clear), tuple(missed), tuple(wrong), tuple(reviewed))
