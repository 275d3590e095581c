"""Which party family an application is counted under in oversight reports.

Families are those the review policies define (Huawei, SMIC: whole-word name patterns, see
:mod:`exportctl.licensing.policies.seed`); a party in no family is counted under its own name.
"""

from __future__ import annotations

from collections.abc import Sequence

from exportctl.licensing.policies.engine import party_match
from exportctl.licensing.policies.model import PartyFacts, PartyScope
from exportctl.licensing.policies.seed import HUAWEI, SMIC

KNOWN_FAMILIES: tuple[PartyScope, ...] = (HUAWEI, SMIC)


def family_of(party_names: Sequence[str], families: Sequence[PartyScope] = KNOWN_FAMILIES) -> str:
    """The first family any of ``party_names`` belongs to, else the first name ("" when there are none)."""
    parties = [PartyFacts(name) for name in party_names]
    for scope in families:
        if party_match(scope, parties) is not None:
            return scope.family
    return party_names[0] if party_names else ""
