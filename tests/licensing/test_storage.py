"""Storage round trip: whatever an applicant files comes back unchanged (hypothesis), money exact to the cent;
documents attach until a decision; tenant isolation of licences."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from exportctl.determination.parties import PartyRole
from exportctl.errors import InvalidTransitionError, NotFoundError
from exportctl.licensing.applicant import attach_document, create_application, withdraw
from exportctl.licensing.decide import decide
from exportctl.licensing.inputs import MAX_VALUE, ApplicationInput, DocumentInput, ItemInput, PartyInput
from exportctl.licensing.records import input_from_row
from exportctl.licensing.repository import get_licence, list_licences, load_application
from exportctl.store.db import session_scope
from exportctl.store.licensing_tables import Document
from tests.licensing.conftest import Cast, good_input, in_review, step

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
    str.strip
)
items = st.builds(
    ItemInput,
    eccn=st.sampled_from(["EAR99", "5A992.c", "3A001.a.1", "5A002", "4A994.l"]),
    description=names,
    model=st.none() | names,
    quantity=st.integers(1, 10**6),
    unit=st.sampled_from(["ea", "kg", "m"]),
    unit_value=st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False),
    tech_flags=st.lists(st.sampled_from(["5G", "4G", "AI"]), unique=True).map(tuple),
)
parties = st.builds(
    PartyInput,
    role=st.sampled_from(list(PartyRole)),
    name=names,
    country=st.sampled_from(["CN", "DE", "RU"]),
    address=names,
)
applications = st.builds(
    ApplicationInput,
    items=st.lists(items, min_size=1, max_size=4).map(tuple),
    parties=st.lists(parties, max_size=4).map(tuple),
    end_use=names,
    justification=names,
)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Cast]]:
    from exportctl.licensing.organisations import actor_for_user, create_organisation, create_user
    from exportctl.store.db import make_engine, upgrade

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('rt') / 'rt.sqlite3'}")
    upgrade(engine)
    with session_scope(engine) as s:
        org = create_organisation(s, "Round Trip Exports", "exporter")
        exporter = actor_for_user(s, create_user(s, org, "rt@example.com", "rt", ["exporter"]))
    yield engine, Cast(exporter, exporter, exporter, exporter, exporter, exporter, exporter)
    engine.dispose()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=applications)
def test_what_goes_in_comes_back(shared: tuple[Engine, Cast], data: ApplicationInput) -> None:
    engine, cast = shared
    view = step(engine, create_application, cast.exporter, data)
    with session_scope(engine) as s:
        assert input_from_row(load_application(s, view.id, actor=cast.exporter)) == data
    assert view.total_value == sum((i.unit_value * i.quantity for i in data.items), Decimal(0))


def test_amounts_beyond_the_bounds_are_input_errors() -> None:
    with pytest.raises(ValueError, match="exceeds"):
        ItemInput(eccn="EAR99", description="x", quantity=10**9, unit_value=Decimal(10**9))
    big = ItemInput(eccn="EAR99", description="x", quantity=1, unit_value=MAX_VALUE)
    with pytest.raises(ValueError, match="together exceed"):
        good_input(items=(big, big)).model_validate(good_input(items=(big, big)).model_dump())


def test_documents_attach_until_the_decision(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    doc = DocumentInput(filename="end-user-statement.pdf", size_bytes=1234, sha256="ab" * 32, description="BIS-711")
    step(engine, attach_document, cast.exporter, app_id, doc)
    step(engine, withdraw, cast.exporter, app_id, reason="order cancelled", on=date(2020, 12, 1))
    with pytest.raises(InvalidTransitionError, match="already withdrawn"):
        step(engine, attach_document, cast.exporter, app_id, doc)
    with session_scope(engine) as s:
        assert s.execute(select(Document.filename).where(Document.application_id == app_id)).scalars().all() == [
            "end-user-statement.pdf"
        ]


def test_licences_are_tenant_scoped(engine: Engine, cast: Cast) -> None:
    app_id = in_review(engine, cast)
    licence_id = step(
        engine, decide, cast.reviewer, app_id, outcome="approved", reasons=["ok"], on=date(2020, 12, 1)
    ).licence_id
    assert licence_id is not None
    with session_scope(engine) as s:
        assert [x.id for x in list_licences(s, actor=cast.exporter)] == [licence_id]
        assert list_licences(s, actor=cast.other_exporter) == []
        with pytest.raises(NotFoundError):
            get_licence(s, licence_id, actor=cast.other_exporter)
        assert (
            get_licence(s, licence_id, actor=cast.auditor).value_limit
            == good_input().items[0].total + good_input().items[1].total
        )
