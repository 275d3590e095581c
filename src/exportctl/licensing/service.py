"""Running one workflow step as a named user, in its own transaction: what the CLI and scripts call.

``run_as(engine, "lo@bis.gov", decide, "Z000123", outcome=…)`` resolves the acting user, turns a public number
("Z…" for applications, "D…" for licences) into its id within the actor's tenant, runs the step and commits;
any error rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from exportctl.audit.locking import lock_for_write
from exportctl.errors import NotFoundError
from exportctl.licensing import _steps, steps
from exportctl.licensing.actor import Actor
from exportctl.licensing.applicant import SubmitResult, create_application, submit
from exportctl.licensing.checks import make_determiner, make_screener
from exportctl.licensing.inputs import load_application_file
from exportctl.licensing.linter import LintFinding, lint
from exportctl.licensing.numbering import APPLICATION_PREFIX, LICENCE_PREFIX
from exportctl.licensing.organisations import actor_for_email
from exportctl.licensing.repository import scoped_applications, scoped_licences
from exportctl.licensing.views import ApplicationView
from exportctl.parties.holds import register_screening, shipment_hold
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Application, Licence

T = TypeVar("T")


def resolve_reference(session: Session, reference: str | int, *, actor: Actor) -> int:
    """The id behind "Z000123" / "D000045" (or a plain id), visible to ``actor``."""
    text = str(reference).strip().upper()
    if text.isdigit():
        return int(text)
    if text.startswith(APPLICATION_PREFIX):
        query = scoped_applications(actor).where(Application.number == text)
        found = session.execute(query.with_only_columns(Application.id)).scalar()
    elif text.startswith(LICENCE_PREFIX):
        query_l = scoped_licences(actor).where(Licence.number == text)
        found = session.execute(query_l.with_only_columns(Licence.id)).scalar()
    else:
        found = None
    if found is None:
        raise NotFoundError(f"nothing numbered {reference!r}")
    return int(found)


def run_as(
    engine: Engine,
    email: str,
    step: Callable[..., T],
    reference: str | int | None = None,
    /,
    **kwargs: Any,
) -> T:
    """Run ``step(session, actor, [id], **kwargs)`` as the user ``email`` in one transaction."""
    with session_scope(engine) as session:
        lock_for_write(session)  # first statement: on SQLite a read before it could make the write lock fail
        actor = actor_for_email(session, email)
        if reference is None:
            return step(session, actor, **kwargs)
        return step(session, actor, resolve_reference(session, reference, actor=actor), **kwargs)


def query_as(engine: Engine, email: str, query: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Run a read ``query(session, *args, actor=actor, **kwargs)`` as the user ``email``."""
    with session_scope(engine) as session:
        actor = actor_for_email(session, email)
        resolved = [resolve_reference(session, a, actor=actor) if isinstance(a, str) else a for a in args]
        return query(session, *resolved, actor=actor, **kwargs)


def submit_as(engine: Engine, email: str, reference: str | int, *, on: date | None = None) -> SubmitResult:
    """Submit with every party screened against the lists in force on the submission date."""
    screener, determiner = make_screener(engine, on), make_determiner(engine, on)
    register = register_screening()  # the parties enter the organisation's register and are screened there
    return run_as(engine, email, submit, reference, on=on, screener=screener, determiner=determiner, register=register)


def step_as(
    engine: Engine, email: str, name: str, reference: str | int, values: Mapping[str, object], **context: Any
) -> Any:
    """Take the step ``name`` of :data:`exportctl.licensing.steps.STEPS` on ``reference`` as the user ``email``,
    in one transaction: the command line's way through the step table. A submission is screened against the lists
    in force on its date."""
    found = steps.step(name)
    if steps.Extra.SCREENER in found.extras and context.get("screener") is None:
        on = steps.keywords(found, values).get("on")
        context["screener"] = make_screener(engine, on)
        context.setdefault("determiner", make_determiner(engine, on))
    if steps.Extra.REGISTER in found.extras and context.get("register") is None:
        context["register"] = register_screening()  # the parties enter the organisation's register (issue 15)
    if steps.Extra.PARTY_HOLD in found.extras and context.get("party_hold") is None:
        with session_scope(engine) as session:  # the register's alerts on the parties outlive a refused shipment
            organisation_id = actor_for_email(session, email).organisation_id
        now = context.get("recorded_on") or _steps.today()
        shipped_on = steps.keywords(found, values).get("shipped_on") or now
        context["party_hold"] = shipment_hold(
            engine, reference, organisation_id=organisation_id, days=[shipped_on, now]
        )

    def take(session: Session, actor: Actor, target_id: int) -> Any:
        return steps.run_step(session, actor, found.name, target_id, values, **context)

    return run_as(engine, email, take, reference)


def create_from_file(engine: Engine, email: str, path: Path, *, on: date | None = None) -> ApplicationView:
    """A new draft from a JSON application file; a bad file is refused whole, naming every field."""
    return run_as(engine, email, create_application, data=load_application_file(path), on=on)


def lint_file(path: Path, *, engine: Engine | None = None, on: date | None = None) -> tuple[LintFinding, ...]:
    """Lint an application file; with an engine, each item also gets the determination engine's answer."""
    data = load_application_file(path)
    if engine is None:
        return lint(data)
    determine = make_determiner(engine, on)
    found = {i: d for i in range(len(data.items)) if (d := determine(data, i)) is not None}
    return lint(data, found)
