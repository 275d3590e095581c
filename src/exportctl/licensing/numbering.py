"""Public numbers: applications "Z000001", licences "D000001" (the letters BIS uses for each), gap-free.

Bumped inside the caller's write transaction (see :func:`exportctl.audit.locking.lock_for_write`), so two
writers never draw the same number.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from exportctl.audit.locking import lock_for_write
from exportctl.store.licensing_tables import NumberSequence

APPLICATION_PREFIX = "Z"
LICENCE_PREFIX = "D"


def next_number(session: Session, prefix: str) -> str:
    lock_for_write(session)
    row = session.get(NumberSequence, prefix, populate_existing=True)
    if row is None:
        row = NumberSequence(name=prefix, last_value=0)
        session.add(row)
    row.last_value += 1
    session.flush()
    return f"{prefix}{row.last_value:06d}"
