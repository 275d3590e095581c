"""Moving application content between the input model and the stored rows, and pause bookkeeping."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from exportctl.audit.chain import utc_now
from exportctl.licensing.inputs import ApplicationInput, DocumentInput, ItemInput, PartyInput
from exportctl.licensing.states import Status
from exportctl.store.licensing_tables import Application, ApplicationItem, ApplicationParty, ClockPause, Document


def fill_from_input(session: Session, app: Application, data: ApplicationInput, *, uploaded_by: int) -> None:
    """Write ``data`` into ``app`` (whose items and parties are empty)."""
    app.type = data.type.value
    app.end_use = data.end_use
    app.justification = data.justification
    app.items = [
        ApplicationItem(
            position=i,
            eccn=item.eccn,
            description=item.description,
            model=item.model,
            quantity=item.quantity,
            unit=item.unit,
            unit_value=item.unit_value,
            total_value=item.total,
            tech_flags=list(item.tech_flags),
        )
        for i, item in enumerate(data.items)
    ]
    app.parties = [
        ApplicationParty(position=i, role=p.role.value, name=p.name, country=p.country, address=p.address)
        for i, p in enumerate(data.parties)
    ]
    if data.documents:
        session.flush()
        for doc in data.documents:
            session.add(
                Document(
                    application_id=app.id,
                    filename=doc.filename,
                    content_type=doc.content_type,
                    size_bytes=doc.size_bytes,
                    sha256=doc.sha256,
                    description=doc.description,
                    uploaded_by=uploaded_by,
                    uploaded_at=utc_now(),
                )
            )


def input_from_row(app: Application) -> ApplicationInput:
    """The stored application as the input model (what the linter reads). Documents are left out."""
    session = Session.object_session(app)
    documents: tuple[DocumentInput, ...] = ()
    if session is not None and app.id is not None:
        rows = session.execute(select(Document).where(Document.application_id == app.id).order_by(Document.id))
        documents = tuple(
            DocumentInput(
                filename=d.filename,
                content_type=d.content_type,
                size_bytes=d.size_bytes,
                sha256=d.sha256,
                description=d.description,
            )
            for d in rows.scalars()
        )
    return ApplicationInput.model_validate(
        {
            "type": app.type,
            "end_use": app.end_use,
            "justification": app.justification,
            "items": [
                ItemInput(
                    eccn=i.eccn,
                    description=i.description,
                    model=i.model,
                    quantity=i.quantity,
                    unit=i.unit,
                    unit_value=i.unit_value,
                    total_value=i.total_value,
                    tech_flags=tuple(i.tech_flags),
                )
                for i in app.items
            ],
            "parties": [
                PartyInput(role=p.role, name=p.name, country=p.country, address=p.address) for p in app.parties
            ],
            "documents": documents,
        }
    )


def open_pause(session: Session, app: Application) -> ClockPause | None:
    query = select(ClockPause).where(ClockPause.application_id == app.id, ClockPause.ended_on.is_(None))
    return session.execute(query).scalar_one_or_none()


def close_open_pause(session: Session, app: Application, on: date) -> Status | None:
    """End the running pause (if any) on ``on``; return the state it had interrupted."""
    pause = open_pause(session, app)
    if pause is None:
        return None
    pause.ended_on = max(on, pause.started_on)
    return Status(pause.resume_status)
