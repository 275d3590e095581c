"""Regimes side by side: ``us-ear`` (the EAR engine), ``eu-dual-use`` (Regulation (EU) 2021/821), or ``all``.

:func:`combine` puts one answer per regime next to an overall "what you need": the worst verdict of the regimes
answered (prohibited > licence/authorisation required > review needed > none needed) and, per regime, what to obtain
(an EU authorisation from the competent authority of the member state of export, or a GEA on its conditions; a US
licence if the item is subject to the EAR). A regime whose input is invalid for it alone (a destination inside the
EU for an item outside Annex I, an export from outside the EU) is shown with its error; when every regime refuses
the input, the first error is raised.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from exportctl.determination.eu.result import EuDetermination
from exportctl.determination.result import Determination
from exportctl.errors import InputError


class Regime(StrEnum):
    US_EAR = "us-ear"
    EU_DUAL_USE = "eu-dual-use"
    ALL = "all"


def parse_regime(value: str | Regime | None) -> Regime:
    if value is None or (isinstance(value, str) and not value.strip()):
        return Regime.US_EAR
    try:
        return Regime(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(r.value for r in Regime)
        raise InputError(f"unknown regime {value!r}: expected one of {allowed}", field="regime") from None


_RANK = {"prohibited": 3, "license_required": 2, "review_needed": 1, "no_license_required": 0}


@dataclass(frozen=True, slots=True)
class RegimeAnswer:
    regime: Regime
    determination: Determination | EuDetermination | None
    error: str | None = None
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        if self.determination is None:
            return {"regime": self.regime.value, "error": self.error, "field": self.field}
        return {"regime": self.regime.value, **self.determination.to_dict()}


@dataclass(frozen=True, slots=True)
class SideBySide:
    answers: tuple[RegimeAnswer, ...]
    verdict: str
    what_you_need: tuple[str, ...]
    origin: str | None

    def answer(self, regime: Regime) -> RegimeAnswer:
        return next(a for a in self.answers if a.regime is regime)

    def to_dict(self) -> dict[str, Any]:
        return {
            "regime": Regime.ALL.value,
            "verdict": self.verdict,
            "what_you_need": list(self.what_you_need),
            "answers": {a.regime.value: a.to_dict() for a in self.answers},
        }


def _us_need(d: Determination, origin: str | None) -> str:
    subject = (
        f" — if the item is subject to the EAR (US-origin, above de minimis US content, or a foreign direct "
        f"product: 15 CFR 734.3, 734.4, 734.9) when exported from {origin}"
        if origin and origin != "US"
        else ""
    )
    if d.verdict == "prohibited":
        return "US (EAR): prohibited — no licence can authorise it" + subject
    if d.verdict == "license_required":
        available = [e.code for e in d.license_exceptions if e.status.value == "available"]
        extra = f" (licence exceptions possibly available: {', '.join(available)})" if available else ""
        return "US (EAR): a BIS licence (15 CFR 736.2)" + extra + subject
    if d.verdict == "review_needed":
        first = d.needs_review_reasons[0] if d.needs_review_reasons else "a point the data cannot decide"
        return f"US (EAR): review before export — {first}"
    return "US (EAR): no licence required (NLR)" + subject


def _eu_need(d: EuDetermination) -> str:
    origin = d.transaction.origin
    if d.verdict == "license_required":
        geas = ", ".join(g.code for g in d.available_geas)
        gea = f", or Union general export authorisation {geas} on its conditions" if geas else ""
        review = " (and review: " + d.needs_review_reasons[0] + ")" if d.needs_review_reasons else ""
        return (
            f"EU (Regulation 2021/821): an export authorisation from the competent authority of {origin} "
            f"(Art. 3, 12){gea}{review}"
        )
    if d.verdict == "review_needed":
        return f"EU (Regulation 2021/821): review before export — {d.needs_review_reasons[0]}"
    return "EU (Regulation 2021/821): no EU dual-use authorisation (national measures may still apply)"


def combine(answers: tuple[RegimeAnswer, ...], origin: str | None) -> SideBySide:
    """One answer per regime and the overall need (see the module docstring)."""
    answered = [a for a in answers if a.determination is not None]
    if not answered:
        first = answers[0]
        raise InputError(first.error or "no regime could answer", field=first.field)
    verdict = max((a.determination.verdict for a in answered if a.determination), key=_RANK.__getitem__)
    needs: list[str] = []
    for a in answers:
        d = a.determination
        if isinstance(d, Determination):
            needs.append(_us_need(d, origin))
        elif isinstance(d, EuDetermination):
            needs.append(_eu_need(d))
        else:
            needs.append(f"{a.regime.value}: not answered — {a.field}: {a.error}")
    return SideBySide(tuple(answers), verdict, tuple(needs), origin)
