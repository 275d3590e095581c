"""Shared set-up for licensing tests: an exporter, an authority with a reviewer and a policy admin, and a
well-formed application input. Organisations and users are created through the real functions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from exportctl.determination.parties import PartyRole
from exportctl.licensing.actor import Actor
from exportctl.licensing.applicant import create_application, submit
from exportctl.licensing.inputs import ApplicationInput, ItemInput, PartyInput
from exportctl.licensing.organisations import actor_for_user, create_organisation, create_user
from exportctl.licensing.review import register, start_review
from exportctl.store.db import session_scope

T = TypeVar("T")


@dataclass(frozen=True)
class Cast:
    exporter: Actor
    other_exporter: Actor
    reviewer: Actor
    second_reviewer: Actor
    policy_admin: Actor
    auditor: Actor
    exporter_reviewer: Actor  # a reviewer employed by the exporter: may never decide its applications


def _user(session: Session, org: int, email: str, roles: list[str]) -> Actor:
    return actor_for_user(session, create_user(session, org, email, email.split("@")[0], roles))


@pytest.fixture
def cast(engine: Engine) -> Cast:
    with session_scope(engine) as s:
        chips = create_organisation(s, "Example Chips Inc.", "exporter")
        other = create_organisation(s, "Other Semiconductors LLC", "exporter")
        bis = create_organisation(s, "Bureau of Industry and Security", "authority")
        return Cast(
            exporter=_user(s, chips, "officer@chips.example", ["exporter"]),
            other_exporter=_user(s, other, "officer@other.example", ["exporter"]),
            reviewer=_user(s, bis, "lo1@bis.example", ["reviewer"]),
            second_reviewer=_user(s, bis, "lo2@bis.example", ["reviewer"]),
            policy_admin=_user(s, bis, "policy@bis.example", ["policy_admin"]),
            auditor=_user(s, bis, "audit@bis.example", ["auditor"]),
            exporter_reviewer=_user(s, chips, "insider@chips.example", ["exporter", "reviewer"]),
        )


def good_input(**changes: object) -> ApplicationInput:
    data = ApplicationInput(
        type="export",
        items=(
            ItemInput(
                eccn="5A992.c", description="LTE baseband modem", model="X55", quantity=1000,
                unit="ea", unit_value=Decimal("45.50"), tech_flags=("4G",),
            ),
            ItemInput(
                eccn="3A991.a", description="Microprocessor", model="P-100", quantity=200,
                unit="ea", unit_value=Decimal("120.00"),
            ),
        ),
        parties=(
            PartyInput(role=PartyRole.PURCHASER, name="Shenzhen Example Trading Co.", country="CN"),
            PartyInput(role=PartyRole.ULTIMATE_CONSIGNEE, name="Example Handset Factory", country="CN"),
            PartyInput(role=PartyRole.END_USER, name="Example Handset Factory", country="CN"),
        ),
        end_use="Assembly of consumer LTE handsets sold to retail customers in China.",
        justification="Mass-market consumer handsets; 4G only; no military or 5G infrastructure end use.",
    )  # fmt: skip
    return data.model_copy(update=changes)


SUBMITTED = date(2020, 11, 9)
REGISTERED = date(2020, 11, 10)


def step(engine: Engine, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run one workflow step in its own transaction, as the CLI and API do."""
    with session_scope(engine) as session:
        return fn(session, *args, **kwargs)


def submitted(engine: Engine, cast: Cast, data: ApplicationInput | None = None, on: date = SUBMITTED) -> int:
    app = step(engine, create_application, cast.exporter, data or good_input(), on=on)
    step(engine, submit, cast.exporter, app.id, on=on)
    return app.id


def in_review(engine: Engine, cast: Cast, data: ApplicationInput | None = None) -> int:
    app_id = submitted(engine, cast, data)
    step(engine, register, cast.reviewer, app_id, on=REGISTERED)
    step(engine, start_review, cast.reviewer, app_id, on=REGISTERED)
    return app_id
