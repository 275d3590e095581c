"""The statutory periods the workflow applies, passed in by the caller (the service's or the CLI's settings).

Steps and queries take a :class:`StatutoryPeriods` argument instead of reading process-global settings, so a
service made with ``create_app(settings=...)`` applies its own periods. :data:`DEFAULT_PERIODS` are the documented
defaults of :class:`exportctl.config.Settings` (EAR 750.4(a): 90 days to decide; 750.4(b): 30 days for agencies;
750.6: 20 days to answer an intent to deny; licences valid 4 years).
"""

from __future__ import annotations

from dataclasses import dataclass

from exportctl.config import Settings


@dataclass(frozen=True)
class StatutoryPeriods:
    licence_validity_years: int
    review_decision_days: int
    referral_days: int
    intent_to_deny_response_days: int
    shipment_grace_days: int = 3  # how late a shipment may be recorded (EXPORTCTL_SHIPMENT_GRACE_DAYS)
    clock_skew_days: int = 1  # how far ahead of the recording day a date may be (EXPORTCTL_CLOCK_SKEW_DAYS)

    @classmethod
    def of(cls, settings: Settings) -> StatutoryPeriods:
        return cls(
            licence_validity_years=settings.licence_validity_years,
            review_decision_days=settings.review_decision_days,
            referral_days=settings.referral_days,
            intent_to_deny_response_days=settings.intent_to_deny_response_days,
            shipment_grace_days=settings.shipment_grace_days,
            clock_skew_days=settings.clock_skew_days,
        )


DEFAULT_PERIODS = StatutoryPeriods.of(Settings.model_construct())
