"""Strict numeric types for request bodies: JSON ``true``, ``"10"`` or ``10.5`` are refused (422) where a whole
number is expected, instead of being read as 1 or 10 (pydantic's lax mode would)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Strict

StrictCount = Annotated[int, Strict()]
"""A whole number given as a JSON number."""

StrictRatio = Annotated[float, Strict()]
"""A number given as a JSON number (a whole number is fine; ``true`` and strings are not)."""
