"""Fit the screening feature weights from the lists themselves, and write the weights file the engine loads.

Training pairs come only from the bundled lists (never from ``../shared/eval``):

* positives: a name of a list entry (primary name or alias), as listed or perturbed (a typo in its longest word, its
  legal form dropped, its words reversed), screened at a low threshold; the hit on that same entry is a positive;
* negatives: every other hit of those queries whose entry shares no name with the target (a consolidated list's
  copy of the same party is neither), and every hit of a made-up name: a listed name whose rarest word is replaced
  by the rarest word of another entry's name (a name close to the lists but of nobody).

A logistic regression (plain numpy, Newton's method with a small L2 penalty) is fitted on each hit's feature values
(:data:`exportctl.screening.features.FEATURES`); 30 % of the pairs are held out for the reliability table. The
weights are written scaled so that name similarity keeps weight 1 (the engine's score stays a sum of weighted
features, and ranks exactly as the fitted probability does), with the logistic intercept and scale that turn a
score into a probability. Usage: ``python benchmarks/fit_screening_weights.py [--seed 7] [--entries 4000]
[--out src/exportctl/data/screening/weights.json]``. Re-running it with the same lists and seed writes the same
file.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import numpy as np
import numpy.typing as npt

from exportctl.screening import ScreeningIndex
from exportctl.screening.engine import Query, screen_queries
from exportctl.screening.features import HAND_SET as FEATURES
from exportctl.screening.legal_forms import split_legal_forms
from exportctl.screening.normalize import fold_latin
from screening_corpus import REPOSITORY, bundled_entries

OUT = REPOSITORY / "src/exportctl/data/screening/weights.json"


def _key(name: str) -> str:
    return " ".join(split_legal_forms(fold_latin(name))[0])


def _typo(name: str, rng: random.Random) -> str:
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) >= 5:
        at = rng.randrange(1, len(word) - 2)
        words[longest] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return " ".join(words)


def _perturb(name: str, rng: random.Random) -> str:
    kind = rng.choice(["as listed", "typo", "legal form dropped", "reversed"])
    if kind == "typo":
        return _typo(name, rng)
    if kind == "legal form dropped":
        return " ".join(split_legal_forms(fold_latin(name))[0])
    if kind == "reversed" and len(name.split()) >= 2:
        return " ".join(reversed(name.replace(",", " ").split()))
    return name


def _made_up(index: ScreeningIndex, name: str, other: str) -> str | None:
    """A name close to the lists but of nobody: ``name`` with its rarest word replaced by ``other``'s rarest."""

    def rarest(text: str) -> str | None:
        words = [w for w in fold_latin(text) if w in index.vocab and w.isalpha()]
        return max(words, key=lambda w: index.idf[index.vocab[w]]) if words else None

    a, b = rarest(name), rarest(other)
    if a is None or b is None or a == b:
        return None
    return re.sub(rf"(?i)\b{re.escape(a)}\b", b, " ".join(fold_latin(name)), count=1)


def training_pairs(
    index: ScreeningIndex, seed: int, sample: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    rng = random.Random(seed)
    eligible = [e for e in index.entries if len({_key(n) for n in e.names}) >= 1]
    chosen = rng.sample(eligible, min(sample, len(eligible)))
    names_of = {e.entry_id: {_key(n) for n in e.names} for e in index.entries}
    queries: list[tuple[str, str, bool]] = []  # (query, target entry id, is the target the query's party)
    for entry in chosen:
        name = rng.choice(entry.names)
        queries.append((_perturb(name, rng), entry.entry_id, True))
        other = rng.choice(index.entries)
        made_up = _made_up(index, name, rng.choice(other.names))
        if made_up:
            queries.append((made_up, entry.entry_id, False))
    results = screen_queries(index, [Query(q) for q, _, _ in queries], threshold=0.3, limit=10)
    rows: list[list[float]] = []
    labels: list[float] = []
    for (_, target, real), result in zip(queries, results, strict=True):
        if isinstance(result, Exception):
            continue
        for hit in result.hits:
            same = hit.entry_id == target
            copy = not same and bool(names_of[hit.entry_id] & names_of[target])
            if copy or (same and not real):
                continue  # a copy of the party, or the made-up name's source entry: neither clearly one nor other
            rows.append([f.value for f in hit.features])
            labels.append(1.0 if same else 0.0)
    return np.array(rows), np.array(labels)


def fit_logistic(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.float64], l2: float = 1e-3
) -> tuple[npt.NDArray[np.float64], float]:
    """Weights and intercept of an L2-penalised logistic regression, by Newton's method."""
    design = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-design @ beta))
        gradient = design.T @ (p - y) + penalty * beta * len(y)
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty * len(y))
        step = np.linalg.solve(hessian + 1e-9 * np.eye(len(beta)), gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def reliability(p: npt.NDArray[np.float64], y: npt.NDArray[np.float64]) -> list[dict[str, float]]:
    table = []
    edges = [0.0, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001]
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        inside = (p >= lo) & (p < hi)
        if inside.any():
            table.append(
                {
                    "from": lo,
                    "to": min(hi, 1.0),
                    "pairs": int(inside.sum()),
                    "mean_predicted": round(float(p[inside].mean()), 4),
                    "observed": round(float(y[inside].mean()), 4),
                }
            )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--entries", type=int, default=4000)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--in-force", action="store_true", help="make the engine use the fitted weights (only if they screen better)"
    )
    args = parser.parse_args()
    entries = bundled_entries()
    index = ScreeningIndex.build(entries, snapshot_key="bundled")
    x, y = training_pairs(index, args.seed, args.entries)
    order = np.random.default_rng(args.seed).permutation(len(y))
    cut = int(len(y) * 0.7)
    train, held = order[:cut], order[cut:]
    names = [f.name for f in FEATURES]
    active = [i for i in range(len(names)) if x[train, i].std() > 0]  # a feature no pair shows cannot be fitted
    weights, intercept = fit_logistic(x[train][:, active], y[train])
    full = np.zeros(len(names))
    full[active] = weights
    scale = float(full[names.index("name_similarity")])
    held_p = 1.0 / (1.0 + np.exp(-(x[held] @ full + intercept)))
    hand = {f.name: f.weight for f in FEATURES}
    document = {
        "about": "Screening feature weights fitted by benchmarks/fit_screening_weights.py on pairs generated from the "
        "bundled lists (no evaluation file). score = sum(weight x value); probability = 1 / (1 + exp(-(intercept + "
        "scale x score))).",
        "in_force": bool(args.in_force),
        "seed": args.seed,
        "entries_sampled": args.entries,
        "corpus_entries": len(entries),
        "pairs": {"train": int(len(train)), "held_out": int(len(held)), "positives": int(y.sum())},
        "features": {n: (round(float(full[i] / scale), 4) if i in active else hand[n]) for i, n in enumerate(names)},
        "not_fitted": [n for i, n in enumerate(names) if i not in active],
        "scale": round(scale, 4),
        "intercept": round(intercept, 4),
        "reliability_held_out": reliability(held_p, y[held]),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(document, indent=2))
    log_loss = -np.mean(y[held] * np.log(held_p + 1e-12) + (1 - y[held]) * np.log(1 - held_p + 1e-12))
    print(f"held-out log loss {log_loss:.4f}; wrote {args.out}")
    print("threshold of probability 0.5 on the engine's score:", round((0 - intercept) / scale, 4))


if __name__ == "__main__":
    main()
