"""Three-valued answers: the data says yes, says no, or does not decide (and then a person must)."""

from __future__ import annotations

from enum import StrEnum


class Applies(StrEnum):
    YES = "yes"
    NO = "no"
    MAYBE = "maybe"  # the data cannot decide: never to be read as "no"
