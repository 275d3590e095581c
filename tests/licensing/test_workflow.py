"""Each workflow step on both databases: who may do it, from which state, and what it records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select

from exportctl.errors import InvalidTransitionError, NotFoundError, PermissionDeniedError
from exportctl.licensing.applicant import create_application, edit_draft, submit, withdraw
from exportctl.licensing.decide import decide
from exportctl.licensing.repository import get_application, list_applications, list_decisions
from exportctl.licensing.review import register, start_review
from exportctl.screening.party import ScreeningRecord
from exportctl.store.audit_tables import AuditEvent
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Application, Decision
from tests.licensing.conftest import REGISTERED, SUBMITTED, Cast, good_input, in_review, step, submitted


def test_happy_path_issues_a_licence_for_the_approved_value(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    decision = step(
        engine, decide, cast.reviewer, app_id, outcome="approved", reasons=["consumer handsets"],
        conditions=["No reexport to Entity List parties"], on=date(2020, 12, 1),
    )  # fmt: skip
    assert decision.outcome == "approved" and decision.licence_number is not None
    with session_scope(engine) as s:
        view = get_application(s, app_id, actor=cast.exporter)
        assert view.status == "approved"
        assert view.number.startswith("Z") and len(view.number) == 7
        assert view.total_value == Decimal("69500.00")  # 1000 × 45.50 + 200 × 120.00
        assert [d.outcome for d in list_decisions(s, app_id, actor=cast.exporter)] == ["approved"]


def test_every_step_is_audited(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    with session_scope(engine) as s:
        query = select(AuditEvent.action).where(AuditEvent.entity_type == "application")
        actions = s.execute(query.where(AuditEvent.entity_id == str(app_id))).scalars().all()
    assert actions == ["application.created", "application.submitted", "application.registered", "review.started"]


def test_submit_screens_parties_and_keeps_warnings(engine: Engine, cast: Cast) -> None:
    data = good_input(
        end_use="Telecommunications equipment for various purposes, including but not limited to base stations."
    )
    app = step(engine, create_application, cast.exporter, data, on=SUBMITTED)
    clear = ScreeningRecord("screened", SUBMITTED, (1,), hit_count=0)
    result = step(engine, submit, cast.exporter, app.id, on=SUBMITTED, screener=lambda name, country: clear)
    assert result.application.status == "submitted"
    assert [f.code for f in result.findings] == ["vague_end_use"]
    assert result.application.parties and all(p.screening == clear for p in result.application.parties)


def test_submit_with_lint_errors_is_refused_and_nothing_changes(engine: Engine, cast: Cast) -> None:
    data = good_input(parties=good_input().parties[:1], justification="")
    app = step(engine, create_application, cast.exporter, data, on=SUBMITTED)
    with pytest.raises(InvalidTransitionError, match="no ultimate consignee.*national security"):
        step(engine, submit, cast.exporter, app.id, on=SUBMITTED)
    with session_scope(engine) as s:
        assert get_application(s, app.id, actor=cast.exporter).status == "draft"
        assert get_application(s, app.id, actor=cast.exporter).version == app.version


def test_edit_draft_replaces_content_and_bumps_version(engine: Engine, cast: Cast) -> None:
    app = step(engine, create_application, cast.exporter, good_input(), on=SUBMITTED)
    edited = step(engine, edit_draft, cast.exporter, app.id, good_input(items=good_input().items[:1]))
    assert len(edited.items) == 1 and edited.version == app.version + 1
    step(engine, submit, cast.exporter, app.id, on=SUBMITTED)
    with pytest.raises(InvalidTransitionError, match="it is submitted"):
        step(engine, edit_draft, cast.exporter, app.id, good_input())


def test_only_exporters_create_and_only_reviewers_register(engine: Engine, cast: Cast) -> None:
    with pytest.raises(PermissionDeniedError):
        step(engine, create_application, cast.reviewer, good_input())
    app_id = submitted(engine, cast)
    with pytest.raises(PermissionDeniedError, match="reviewer"):
        step(engine, register, cast.policy_admin, app_id, on=REGISTERED)
    with pytest.raises(PermissionDeniedError, match="needs the reviewer role"):  # no effect outside the authority
        step(engine, register, cast.exporter_reviewer, app_id, on=REGISTERED)


def test_register_before_submission_date_is_refused(engine: Engine, cast: Cast) -> None:
    app_id = submitted(engine, cast)
    with pytest.raises(InvalidTransitionError, match="before its submission"):
        step(engine, register, cast.reviewer, app_id, on=date(2020, 11, 1))


def test_reviewer_may_never_decide_own_organisations_application(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    with pytest.raises(PermissionDeniedError, match="needs the reviewer role"):
        step(engine, decide, cast.exporter_reviewer, app_id, outcome="approved", reasons=["ok"], on=REGISTERED)
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(Decision)) == 0


def test_approving_a_withdrawn_application_is_refused(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    step(engine, withdraw, cast.exporter, app_id, reason="order cancelled", on=date(2020, 11, 20))
    with pytest.raises(InvalidTransitionError, match="already withdrawn"):
        step(engine, decide, cast.reviewer, app_id, outcome="approved", reasons=["ok"], on=date(2020, 11, 21))
    with session_scope(engine) as s:
        assert [d.outcome for d in list_decisions(s, app_id, actor=cast.reviewer)] == ["withdrawn"]


def test_start_review_needs_registration(engine: Engine, cast: Cast) -> None:
    app_id = submitted(engine, cast)
    with pytest.raises(InvalidTransitionError, match="allowed only from: registered"):
        step(engine, start_review, cast.reviewer, app_id)


def test_return_without_action_issues_no_licence(engine: Engine, cast: Cast) -> None:
    app_id = submitted(engine, cast)
    step(engine, register, cast.reviewer, app_id, on=REGISTERED)
    decision = step(
        engine, decide, cast.reviewer, app_id, outcome="returned_without_action",
        reasons=["end use not specific"], on=date(2020, 11, 12),
    )  # fmt: skip
    assert decision.licence_number is None
    with session_scope(engine) as s:
        assert s.get(Application, app_id).status == "returned_without_action"  # type: ignore[union-attr]


def test_exporter_sees_only_own_applications(engine: Engine, cast: Cast) -> None:
    mine = submitted(engine, cast)
    with session_scope(engine) as s:
        with pytest.raises(NotFoundError):
            get_application(s, mine, actor=cast.other_exporter)
        assert list_applications(s, actor=cast.other_exporter) == []
        assert [a.id for a in list_applications(s, actor=cast.exporter)] == [mine]
        assert [a.id for a in list_applications(s, actor=cast.auditor)] == [mine]
    with pytest.raises(NotFoundError):
        step(engine, withdraw, cast.other_exporter, mine, reason="not mine")
