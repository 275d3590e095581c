"""Inventory vendors go through the counterparty register (SQLite and PostgreSQL): an import upserts them as
supplier parties (idempotently) and screens them there; a list change raises an alert for a vendor like for any
counterparty; a vendor gone from the inventory is deleted from the register with its history.

The list change is real data: the bundled Denied Persons List without one entry first, then the whole file (the
entry "added"), the way ``exportctl lists import`` brings it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from exportctl.exposure.register import VENDOR_PREFIX, vendor_parties, vendor_party_id
from exportctl.exposure.service import ensure_organisation, import_data
from exportctl.exposure.watch import watch
from exportctl.lists.ingest import import_file
from exportctl.parties import party_history
from exportctl.parties.service import rescreen_registers
from exportctl.store.db import session_scope
from tests.parties.conftest import AS_OF, DPL, LISTED

EQUIPMENT = f"vendor,site,function,quantity\nNokia,Oslo,ran,4\n{LISTED},Oslo,core,1\n{LISTED.upper()}.,Bergen,core,2\n"


def _dpl_without(tmp_path: Path, name: str) -> Path:
    lines = DPL.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "dpl-before.txt"
    path.write_text("".join(line for line in lines if not line.startswith(f'"{name.upper()}"')), encoding="utf-8")
    return path


def test_a_list_change_raises_an_alert_for_an_inventory_vendor(engine: Engine, tmp_path: Path) -> None:
    import_file(engine, "dpl", _dpl_without(tmp_path, LISTED))
    org = ensure_organisation(engine, "Operator (test)")
    first = import_data(engine, "equipment", "eq.csv", EQUIPMENT.encode(), organisation_id=org, on=AS_OF)
    assert first.vendors is not None and first.vendors.to_dict() == {
        "created": 2, "updated": 0, "unchanged": 0, "deleted": 0,
    }  # fmt: skip
    assert first.screening is not None and first.screening.parties_screened == 2
    before = watch(engine, organisation_id=org, on=AS_OF)
    vendor = next(p for p in before.register.parties if p.external_id == vendor_party_id(LISTED))
    assert vendor.screened and vendor.alerts == () and set(vendor.names) == {LISTED, f"{LISTED.upper()}."}
    again = import_data(engine, "equipment", "eq.csv", EQUIPMENT.encode(), organisation_id=org, on=AS_OF)
    assert again.vendors is not None and (again.vendors.created, again.vendors.unchanged) == (0, 2)

    import_file(engine, "dpl", DPL)  # the entry is listed now
    (run,) = rescreen_registers(engine, as_of=AS_OF)  # what `lists import` runs after a changed snapshot
    assert run.kind == "delta" and run.alerts_opened >= 1
    after = watch(engine, organisation_id=org, on=AS_OF)
    (alert,) = next(p for p in after.register.parties if p.external_id == vendor_party_id(LISTED)).alerts
    assert (alert.state, alert.list_code, alert.party_external_id) == ("open", "dpl", vendor_party_id(LISTED))
    assert after.flagged == (vendor.name,)
    shown = after.to_dict()["alerts"]
    assert isinstance(shown, list) and shown[0]["url"] == f"/alerts/{alert.id}"

    gone = import_data(engine, "equipment", "eq2.csv", b"vendor,site,function,quantity\nNokia,Oslo,ran,4\n",
                       organisation_id=org, on=AS_OF)  # fmt: skip
    assert gone.vendors is not None and gone.vendors.deleted == 1
    assert [p.external_id for p in watch(engine, organisation_id=org, on=AS_OF).register.parties] == ["vendor:nokia"]
    with session_scope(engine) as session:
        history = party_history(session, vendor_party_id(LISTED), organisation_id=org)
    assert [h["change"] for h in history] == ["created", "deleted"]


def test_without_lists_vendors_wait_unscreened_until_the_first_list_import(engine: Engine) -> None:
    org = ensure_organisation(engine, "Operator (test)")
    outcome = import_data(engine, "equipment", "eq.csv", EQUIPMENT.encode(), organisation_id=org, on=AS_OF)
    assert outcome.screening is None and "not screened: no list imported" in outcome.register_text()
    waiting = watch(engine, organisation_id=org, on=AS_OF)
    assert not waiting.lists_imported and len(waiting.register.unscreened) == 2
    import_file(engine, "dpl", DPL)
    rescreen_registers(engine, as_of=AS_OF)
    screened = watch(engine, organisation_id=org, on=AS_OF)
    assert screened.register.unscreened == () and screened.flagged == (f"{LISTED.upper()}.",)


@given(st.lists(st.text(min_size=1, max_size=40), max_size=12))
def test_vendor_parties_are_one_per_id_and_keep_every_spelling(names: list[str]) -> None:
    parties = vendor_parties(names)
    ids = [p.external_id for p in parties]
    assert ids == sorted(set(ids)) and all(i.startswith(VENDOR_PREFIX) and len(i) <= 200 for i in ids)
    kept = {n for p in parties for n in p.names}
    assert kept == {n.strip() for n in names if n.strip()}
    assert vendor_parties(reversed(names)) == parties  # the order of the rows does not matter
