"""The same query scores the same in every process, whatever PYTHONHASHSEED (Dask workers each have their own)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

_SCRIPT = textwrap.dedent(
    """
    import hashlib, random
    from exportctl.lists.bundled import BUNDLED
    from exportctl.lists.sources import get_parser
    from exportctl.screening.engine import screen
    from exportctl.screening.index import ScreeningIndex

    entries = [e for b in BUNDLED if b.path.name != "dpl.txt" for e in get_parser(b.source).parse(b.path)]
    index = ScreeningIndex.build(entries)
    rng = random.Random(7)
    names = []
    for entry in rng.sample(entries, 4000):  # listed names with one letter replaced: many near ties
        name = entry.primary_name
        at = rng.randrange(len(name))
        names.append(name[:at] + rng.choice("aeiouxkz") + name[at + 1 :])
    digest = hashlib.sha256()
    for name in names:
        for hit in screen(index, name).hits:
            digest.update(f"{hit.entry_id}|{hit.score!r}|".encode())
    print(digest.hexdigest())
    """
)


@pytest.mark.slow
def test_scores_do_not_depend_on_the_hash_seed() -> None:
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=True)
        digests.add(done.stdout.strip())
    assert len(digests) == 1
