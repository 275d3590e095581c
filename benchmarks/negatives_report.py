"""Screen names nobody lists against the bundled lists at the default threshold and print the share with a hit (with
its 95 % Wilson interval) and the best hits to read: the shared body of the made-up negatives benchmarks."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Mapping

from faker import Faker

from exportctl.screening import DEFAULT_THRESHOLD, ScreeningIndex, screen
from screening_corpus import bundled_entries
from screening_quality import wilson


def faker_names(locale: str, make: Callable[[Faker], str], count: int, seed: int) -> list[str]:
    """Up to ``count`` distinct names that ``make`` draws from a Faker of ``locale`` seeded with ``seed``, sorted (a
    locale with few names cannot give ``count`` distinct ones: it gives what 20 draws a name find)."""
    faker = Faker(locale)
    faker.seed_instance(seed)
    names: set[str] = set()
    for _ in range(count * 20):
        names.add(make(faker))
        if len(names) >= count:
            break
    return sorted(names)


def report(sets: dict[str, list[str]], description: str, countries: Mapping[str, str] | None = None) -> None:
    """``sets``: what each set of names is, as its result line says it ("made-up person names"), and its names;
    ``countries``: the country a set's names are screened with (none where a set has none)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--show", type=int, default=15, help="how many of the best hits to print")
    args = parser.parse_args()
    started = time.perf_counter()
    index = ScreeningIndex.build(bundled_entries())
    print(f"index: {len(index.entries)} entries, built in {time.perf_counter() - started:.1f} s")
    for described, names in sets.items():
        hits = []
        for name in names:
            found = screen(index, name, country=(countries or {}).get(described)).hits
            if found:
                hits.append((found[0].score, name, found[0].primary_name, found[0].matched_name))
        low, high = wilson(len(hits), len(names))
        print(f"threshold {DEFAULT_THRESHOLD:.2f}: {len(names)} {described}, {len(hits)} with a hit: "
              f"{len(hits) / len(names):.2%} (95 % CI {low:.2%}-{high:.2%})")  # fmt: skip
        for score, name, primary, matched in sorted(hits, reverse=True)[: args.show]:
            print(f"  {score:.3f}  {name!r} -> {primary!r} (as {matched!r})")
