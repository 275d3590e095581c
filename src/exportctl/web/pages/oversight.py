"""Oversight, audit and determination pages.

Oversight: counts and values by period and outcome (or any other breakdown) with the chart, from the same report
the API serves. Audit: the latest events and the chain verification. Determination: the licence question form.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response

from exportctl.accounts.administration import account_names
from exportctl.accounts.roles import Actor, require_role
from exportctl.audit.chain import utc_now, verify_chain
from exportctl.audit.events import list_events
from exportctl.determination.facts import make_transaction
from exportctl.determination.regime_service import determine_regimes
from exportctl.determination.service import determine_with_screening
from exportctl.errors import ExportctlError, InputError
from exportctl.http.context import get_context
from exportctl.http.security import require_user
from exportctl.licensing.actor import Role
from exportctl.regulations import load_regulations
from exportctl.reports.licences import licence_report
from exportctl.store.db import session_scope
from exportctl.web.forms import optional_date
from exportctl.web.records import determination_record, save_record
from exportctl.web.templating import render

router = APIRouter(include_in_schema=False)
User = Annotated[Actor, Depends(require_user)]
Short = Annotated[str, Query(max_length=100)]
AUDIT_PAGE = 50


@router.get("/oversight")
def oversight_page(
    request: Request,
    user: User,
    party: Short = "",
    from_text: Annotated[str, Query(alias="from", max_length=10)] = "",
    to_text: Annotated[str, Query(alias="to", max_length=10)] = "",
    by: Short = "period,outcome",
) -> Response:
    require_role(user, Role.AUDITOR, Role.POLICY_ADMIN, Role.REVIEWER, Role.ADMIN)
    context: dict[str, Any] = {"party": party, "from_text": from_text, "to_text": to_text, "by": by}
    try:
        date_from, date_to = optional_date(from_text, "from"), optional_date(to_text, "to")
        report = licence_report(
            get_context(request).engine,
            party=party or None,
            date_from=date_from,
            date_to=date_to,
            by=[b.strip() for b in by.split(",") if b.strip()],
        )
    except InputError as exc:  # explained next to the field, the form keeps what was typed
        context["error"] = {"message": str(exc), "field": exc.field}
        return render(request, "oversight.html", {**context, "report": None}, status_code=422)
    params: dict[str, str] = {"by": by}
    if party:
        params["party"] = party
    if date_from:
        params["from"] = date_from.isoformat()
    if date_to:
        params["to"] = date_to.isoformat()
    context["report"] = report
    context["chart_url"] = "/api/reports/licences/chart?" + urlencode(params)
    context["csv_url"] = "/api/reports/licences?" + urlencode({**params, "format": "csv"})
    return render(request, "oversight.html", context)


@router.get("/audit")
def audit_page(
    request: Request,
    user: User,
    entity_type: Short = "",
    action: Short = "",
    verify: bool = False,
    before: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> Response:
    """The trail, newest first, a page of :data:`AUDIT_PAGE` events at a time (``before``: older than that event),
    with the users' and organisations' names and links to what each event is about."""
    require_role(user, Role.AUDITOR, Role.ADMIN)
    engine = get_context(request).engine
    events = list_events(
        engine, entity_type=entity_type or None, action=action or None, limit=AUDIT_PAGE + 1, before_seq=before
    )
    with session_scope(engine) as session:
        names = account_names(session)
    verification = verify_chain(engine) if verify else None
    filters = {k: v for k, v in (("entity_type", entity_type), ("action", action)) if v}
    older = urlencode({**filters, "before": events[AUDIT_PAGE - 1].seq}) if len(events) > AUDIT_PAGE else None
    context = {
        "events": events[:AUDIT_PAGE],
        "names": names,
        "entity_type": entity_type,
        "action": action,
        "verification": verification,
        "older_url": f"/audit?{older}" if older else None,
        "newest_url": f"/audit?{urlencode(filters)}" if before else None,
    }
    return render(request, "audit.html", context)


def _determine(
    request: Request,
    eccn: str,
    destination: str,
    end_user: str,
    end_use: str,
    on: date | None,
    *,
    regime: str = "us-ear",
    origin: str = "",
) -> Any:
    """One determination for the page and its saved record: the EAR alone, or per regime side by side."""
    ctx = get_context(request)
    regulations = load_regulations()
    parties = [("end_user", end_user, None)] if end_user.strip() else []
    if regime != "us-ear":
        return determine_regimes(
            ctx.engine,
            regime=regime,
            control=eccn,
            destination=destination,
            origin=origin or None,
            parties=parties,
            end_use=end_use or None,
            on=on,
            regulations=regulations,
            indexes=ctx.list_indexes,
        ).to_dict()
    transaction = make_transaction(
        eccn=eccn,
        destination=destination,
        regulations=regulations,
        parties=parties,
        end_use=end_use or None,
        on=on,
    )
    return determine_with_screening(
        ctx.engine, transaction, regulations=regulations, indexes=ctx.list_indexes
    ).to_dict()


@router.get("/determination")
def determination_page(
    request: Request,
    user: User,
    eccn: Annotated[str, Query(max_length=40)] = "",
    destination: Annotated[str, Query(max_length=60)] = "",
    end_user: Annotated[str, Query(max_length=500)] = "",
    end_use: Annotated[str, Query(max_length=2000)] = "",
    on_text: Annotated[str, Query(alias="on", max_length=10)] = "",
    regime: Annotated[str, Query(max_length=20)] = "us-ear",
    origin: Annotated[str, Query(alias="from", max_length=60)] = "",
) -> Response:
    """The form; with a control code and a destination it shows the determination (per regime: the EAR, the EU
    dual-use Regulation, or both in two columns) with reasons and citations."""
    result: Any = None
    error = None
    on: date | None = None
    if eccn.strip() and destination.strip():
        try:
            on = optional_date(on_text, "on")
            result = _determine(request, eccn, destination, end_user, end_use, on, regime=regime, origin=origin)
        except ExportctlError as exc:
            error = str(exc)
    form = {
        "eccn": eccn,
        "destination": destination,
        "end_user": end_user,
        "end_use": end_use,
        "on": on,
        "regime": regime,
        "from": origin,
    }
    template = "determination_result.html" if request.headers.get("hx-request") else "determination.html"
    return render(request, template, {"form": form, "result": result, "error": error})


@router.post("/determination/record")
def save_determination_record(
    request: Request,
    user: User,
    eccn: Annotated[str, Form(min_length=1, max_length=40)],
    destination: Annotated[str, Form(min_length=1, max_length=60)],
    end_user: Annotated[str, Form(max_length=500)] = "",
    end_use: Annotated[str, Form(max_length=2000)] = "",
    on: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """Determine again, then store the record (question, answer, the list snapshots and regulation versions used)
    with its SHA-256 in the audit trail; the page shows the printable record and the event."""
    form = {"eccn": eccn, "destination": destination, "end_user": end_user, "end_use": end_use, "on": on}
    result = _determine(request, eccn, destination, end_user, end_use, optional_date(on, "on"))
    record = determination_record(user, utc_now(), form, result)
    with session_scope(get_context(request).engine) as session:
        seq = save_record(session, user, record)
    context = {"record": record, "saved": seq, "form": form, "save_url": request.url.path}
    return render(request, "record.html", context)
