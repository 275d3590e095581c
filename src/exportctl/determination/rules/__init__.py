"""One module per rule family; each returns :class:`~exportctl.determination.findings.Finding` objects.

:func:`rule_families` lists them with their documentation, so interfaces can show what each rule decides (the
explanation comes from the code, as with the screening features).
"""

from __future__ import annotations

from types import ModuleType


def rule_families() -> list[dict[str, str]]:
    """Every rule family: its name in findings, the module, and the module's documentation."""
    from exportctl.determination.rules import (
        ccl_chart,
        denied_persons,
        embargo,
        end_use,
        entity_list,
        license_exceptions,
        meu,
        other_lists,
        uvl,
    )

    modules: tuple[ModuleType, ...] = (
        ccl_chart, embargo, entity_list, denied_persons, meu, uvl, other_lists, end_use, license_exceptions,
    )  # fmt: skip
    return [
        {
            "rule": str(getattr(module, "RULE", module.__name__.rsplit(".", 1)[-1])),
            "module": module.__name__,
            "doc": " ".join((module.__doc__ or "").split()),
        }
        for module in modules
    ]
