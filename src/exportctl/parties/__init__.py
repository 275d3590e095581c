"""The counterparty register (issue 15): an organisation's parties, screened when they or the lists change, with
alerts people clear or confirm, and holds on shipments while an alert is not cleared.

The public surface other areas use (licensing; later the vendor-exposure register):

* :func:`upsert_parties` — add or update parties (keyed by the organisation's own id), keeping every version;
* :func:`rescreen` — a full or delta screening run of an organisation's register;
* :func:`list_alerts` / :func:`get_alert` / :func:`holding_alerts` — read alerts;
* :func:`decide` — clear, confirm or escalate an alert (an audit event in the hash chain);
* :func:`screen_through_register` — register and screen a few parties now, in the caller's transaction.

Modules: ``model`` (values, fingerprints), ``register`` (parties and their history), ``alerts`` (states and
decisions), ``rescreen`` (runs), ``holds`` (licensing's check), ``csv_import`` (register files).
"""

from exportctl.parties.alerts import decide, get_alert, holding_alerts, list_alerts
from exportctl.parties.holds import register_hold, screen_through_register
from exportctl.parties.model import (
    MATCHER_VERSION,
    AlertState,
    AlertView,
    CounterpartyRole,
    PartyData,
    PartyView,
    RunReport,
)
from exportctl.parties.register import delete_party, get_party, list_parties, party_history, upsert_parties
from exportctl.parties.rescreen import rescreen

__all__ = [
    "MATCHER_VERSION",
    "AlertState",
    "AlertView",
    "PartyData",
    "CounterpartyRole",
    "PartyView",
    "RunReport",
    "decide",
    "delete_party",
    "get_alert",
    "get_party",
    "holding_alerts",
    "list_alerts",
    "list_parties",
    "party_history",
    "register_hold",
    "rescreen",
    "screen_through_register",
    "upsert_parties",
]
