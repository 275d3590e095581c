"""One name, one concept: the names an outside review found meaning two things are each defined once.

Reads the source (no import), so it is fast; a second class of the same name anywhere in the package fails it.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import exportctl

PACKAGE = Path(exportctl.__file__).parent

# names that once meant two things (issue 21): Outcome, Decision, Recommendation, Role, Finding, PartyRole,
# Principal/Actor; the renamed halves must not come back under the old names either
ONE_MEANING = ("Outcome", "Decision", "Recommendation", "Role", "Finding", "PartyRole", "Actor", "ReviewPolicy")
GONE = ("Principal",)


def _classes() -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                found[node.name].append(str(path.relative_to(PACKAGE)))
    return found


def test_each_reviewed_name_is_defined_once() -> None:
    classes = _classes()
    twice = {name: classes[name] for name in ONE_MEANING if len(classes.get(name, [])) > 1}
    assert twice == {}


def test_principal_and_actor_are_one_class() -> None:
    classes = _classes()
    assert {name: classes[name] for name in GONE if name in classes} == {}
    assert classes["Actor"] == ["licensing/actor.py"]
