"""Two reviewers deciding the same application at once: exactly one wins, the other gets ConflictError."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, func, select

from exportctl.errors import ConflictError
from exportctl.licensing.decide import decide
from exportctl.licensing.repository import get_application
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Decision, Licence
from tests.concurrency import run_at_once
from tests.licensing.conftest import Cast, in_review, step


def test_stale_version_is_a_conflict(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    with session_scope(engine) as s:
        seen = get_application(s, app_id, actor=cast.reviewer).version
    step(
        engine,
        decide,
        cast.reviewer,
        app_id,
        outcome="approved",
        reasons=["ok"],
        expected_version=seen,
        on=date(2020, 12, 1),
    )
    try:
        step(
            engine,
            decide,
            cast.second_reviewer,
            app_id,
            outcome="returned_without_action",
            reasons=["x"],
            expected_version=seen,
        )
    except ConflictError as exc:
        assert "reload" in str(exc)
    else:
        raise AssertionError("a decision on a stale version was accepted")


def test_two_reviewers_deciding_at_once(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    with session_scope(engine) as s:
        seen = get_application(s, app_id, actor=cast.reviewer).version
    results: dict[str, str] = {}

    def run(name: str, outcome: str) -> None:
        reviewer = cast.reviewer if name == "a" else cast.second_reviewer
        try:
            step(
                engine,
                decide,
                reviewer,
                app_id,
                outcome=outcome,
                reasons=[name],
                expected_version=seen,
                on=date(2020, 12, 1),
            )
            results[name] = "won"
        except ConflictError:
            results[name] = "conflict"

    run_at_once([lambda: run("a", "approved"), lambda: run("b", "returned_without_action")], timeout=60)
    assert sorted(results.values()) == ["conflict", "won"]
    with session_scope(engine) as s:
        decisions = s.execute(select(Decision.outcome).where(Decision.application_id == app_id)).scalars().all()
        assert len(decisions) == 1
        app = get_application(s, app_id, actor=cast.reviewer)
        assert app.status == decisions[0] and app.version == seen + 1
        licences = s.scalar(select(func.count()).select_from(Licence))
        assert licences == (1 if decisions[0] == "approved" else 0)


def test_concurrent_commands_as_named_users(engine: Engine, cast: Cast) -> None:
    """``run_as`` (what the CLI calls) resolves the user inside the write transaction: 20 parallel shipments by
    e-mail all succeed without "database is locked" on SQLite."""
    from decimal import Decimal

    from exportctl.licensing.licences import record_shipment
    from exportctl.licensing.service import run_as

    app_id = in_review(engine, cast)
    licence = step(engine, decide, cast.reviewer, app_id, outcome="approved", reasons=["ok"], on=date(2020, 12, 1))
    errors: list[BaseException] = []

    def ship() -> None:
        try:
            run_as(
                engine, "officer@chips.example", record_shipment, licence.licence_number,
                value=Decimal("1.00"), quantity=1, shipped_on=date(2021, 1, 5), recorded_on=date(2021, 1, 5),
            )  # fmt: skip
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    run_at_once([ship] * 20, timeout=60)
    assert errors == []
    with session_scope(engine) as s:
        assert s.get(Licence, licence.licence_id).quantity_used == 20  # type: ignore[union-attr]
