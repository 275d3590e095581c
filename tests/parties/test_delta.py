"""A delta run gives the same alerts as a full run on the same data (SQLite and PostgreSQL): one organisation is
screened, then entries are amended and delisted and parties change, and a delta run follows; another organisation
with the same final register gets one full run. Only the pairs a change touches are recomputed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select

from exportctl.lists.ingest import import_file
from exportctl.parties import PartyData, rescreen
from exportctl.store.db import session_scope
from exportctl.store.parties_tables import PartyAlert, RegisterParty
from tests.parties.conftest import AS_OF, DPL, Orgs, add

AMENDED = ("ABDUL MAJID SAIDI", "AARON ABRAHAM VILLA")  # street addresses edited (BIS amends addresses)


def _dpl_names() -> list[str]:
    lines = DPL.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t")[0].strip('"').strip() for line in lines if line.strip()]


def _register() -> list[PartyData]:
    names = _dpl_names()[::9]
    parties = [PartyData(f"p{i}", name.title(), country="US") for i, name in enumerate(names)]
    parties += [PartyData(f"q{i}", f"Nordwind Feinmechanik {word} GmbH", country="DE") for i, word in enumerate(
        ("Alpha", "Beta", "Gamma", "Delta")
    )]  # fmt: skip
    return parties


def _changed_copy(tmp_path: Path) -> Path:
    kept = []
    for line in DPL.read_text(encoding="utf-8").splitlines(keepends=True):
        name = line.split("\t")[0].strip('"')
        if name in AMENDED:
            cells = line.rstrip("\r\n").split("\t")
            cells[1] = '"PO BOX 9999, AMENDED ADDRESS"'
            line = "\t".join(cells) + "\n"
        if name == "AARON JAMES HICKS":  # delisted in this copy
            continue
        kept.append(line)
    path = tmp_path / "dpl-changed.txt"
    path.write_text("".join(kept), encoding="utf-8")
    return path


def _final_changes() -> list[PartyData]:
    return [
        PartyData("p1", "Aaron Abraham Villa", country="US"),  # changed party (now matches a listed name)
        PartyData("new", "Abdul Majid Saidi", country="US", address="Rocky River, OH"),  # new party
    ]


def _pairs(engine: Engine, org: int) -> dict[tuple[str, str], tuple[str, bool, str]]:
    with session_scope(engine) as s:
        rows = s.execute(
            select(RegisterParty.external_id, PartyAlert.entry_key, PartyAlert.state, PartyAlert.still_matching,
                   PartyAlert.entry_fingerprint)
            .join(RegisterParty, RegisterParty.id == PartyAlert.party_id)
            .where(PartyAlert.organisation_id == org)
        ).all()  # fmt: skip
    return {(p, e): (state, matching, fp) for p, e, state, matching, fp in rows if matching}


def test_delta_equals_full(dpl_engine: Engine, orgs: Orgs, tmp_path: Path) -> None:
    add(dpl_engine, orgs.chips, *_register())
    first = rescreen(dpl_engine, organisation_id=orgs.chips, as_of=AS_OF)
    assert first.kind == "full" and first.alerts_opened >= 5

    import_file(dpl_engine, "dpl", _changed_copy(tmp_path))
    add(dpl_engine, orgs.chips, *_final_changes())
    delta = rescreen(dpl_engine, organisation_id=orgs.chips, as_of=AS_OF)
    assert delta.kind == "delta" and delta.parties_screened == 2
    assert 1 <= delta.entries_changed <= len(AMENDED)  # amended entries in force on the date
    assert delta.candidate_parties < len(_register())  # not the whole register again

    final = {p.external_id: p for p in _register()} | {p.external_id: p for p in _final_changes()}
    add(dpl_engine, orgs.other, *final.values())
    full = rescreen(dpl_engine, organisation_id=orgs.other, as_of=AS_OF)
    assert full.kind == "full"

    by_delta, by_full = _pairs(dpl_engine, orgs.chips), _pairs(dpl_engine, orgs.other)
    assert by_delta == by_full
    assert ("new", "dpl:" + "abdul-majid-saidi") in by_full or any(p == "new" for p, _ in by_full)
