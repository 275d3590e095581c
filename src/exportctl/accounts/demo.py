"""Demo users, one per role, for ``exportctl serve --demo``. Passwords are generated at each start (never stored
in the repository) and returned so the command can print them; an existing demo user gets a new password."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from exportctl.accounts.users import create_user, set_password
from exportctl.licensing.actor import Role
from exportctl.store.licensing_tables import User

DEMO_AUTHORITY = "Licensing Authority (demo)"
DEMO_EXPORTER = "Demo Semiconductors Inc."
DEMO_OTHER_EXPORTER = "Other Exporter Ltd. (demo)"

#: (e-mail, display name, role, organisation)
DEMO_USERS: tuple[tuple[str, str, Role, str], ...] = (
    ("exporter@demo.example", "Erin Exporter", Role.EXPORTER, DEMO_EXPORTER),
    ("exporter2@demo.example", "Oscar Other", Role.EXPORTER, DEMO_OTHER_EXPORTER),
    ("reviewer@demo.example", "Rita Reviewer", Role.REVIEWER, DEMO_AUTHORITY),
    ("policy@demo.example", "Paul Policy", Role.POLICY_ADMIN, DEMO_AUTHORITY),
    ("auditor@demo.example", "Ada Auditor", Role.AUDITOR, DEMO_AUTHORITY),
    ("admin@demo.example", "Alex Admin", Role.ADMIN, DEMO_AUTHORITY),
)


@dataclass(frozen=True)
class DemoUser:
    email: str
    password: str
    role: Role
    organisation: str


def ensure_demo_users(session: Session) -> list[DemoUser]:
    """Create the demo users (or give existing ones a fresh password) and return their credentials."""
    made = []
    for email, name, role, organisation in DEMO_USERS:
        password = secrets.token_urlsafe(12)
        user_id = session.scalar(select(User.id).where(User.email == email))
        if user_id is None:
            create_user(
                session,
                email=email,
                password=password,
                roles=frozenset({role}),
                organisation=organisation,
                display_name=name,
            )
        else:
            set_password(session, user_id, password)
        made.append(DemoUser(email=email, password=password, role=role, organisation=organisation))
    return made
