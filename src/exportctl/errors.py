"""The exportctl exception tree.

Every error exportctl raises on purpose derives from :class:`ExportctlError`. Interfaces map them in one
place each: HTTP status codes in ``exportctl.app.errors``, exit codes in ``exportctl.cli.errors``.

    ExportctlError
    ├── ConfigError            settings are missing or invalid
    ├── InputError             a value given by a user is invalid (bad ECCN, unknown country, bad date…)
    │   └── FileFormatError    a file could not be read; carries every Problem found (file, line, field)
    ├── NotFoundError          an id names nothing the caller may see (also used to hide other tenants' data)
    ├── PermissionDeniedError  the caller's role may not do this
    ├── ConflictError          the state changed under the caller (concurrent decision, stale version)
    ├── InvalidTransitionError a workflow step that the current state or date does not allow
    ├── ShipmentRefusedError   a shipment that a licence does not cover (overdraw, expired, revoked…)
    ├── DataIntegrityError     stored data failed a check (e.g. a broken audit hash chain)
    └── DownloadError          a list download failed (network, HTTP status, timeout, size cap); names source and URL
"""

from __future__ import annotations

from dataclasses import dataclass


class ExportctlError(Exception):
    """Root of every deliberate exportctl error."""


class ConfigError(ExportctlError):
    """Raised when settings are missing or invalid."""


class InputError(ExportctlError):
    """Raised when a value given by a user is invalid. ``field`` names the offending input."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Problem:
    """One problem found in a file: where it is and what is wrong."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f" [{self.field}]"
        return f"{where}: {self.message}"


class FileFormatError(InputError):
    """Raised after a whole file was checked, listing every problem found in it."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = list(problems)
        shown = "\n".join(f"  - {p}" for p in self.problems[:50])
        more = f"\n  … and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{path}: {len(self.problems)} problem(s)\n{shown}{more}")


class NotFoundError(ExportctlError):
    """Raised when an id names nothing the caller may see."""


class PermissionDeniedError(ExportctlError):
    """Raised when the caller's role does not allow the action."""


class ConflictError(ExportctlError):
    """Raised when the state changed under the caller (a concurrent update won)."""


class InvalidTransitionError(ExportctlError):
    """Raised when a workflow step is not allowed from the current state or at this date."""


class ShipmentRefusedError(ExportctlError):
    """Raised when a shipment is not covered by its licence; the message says why."""


class DataIntegrityError(ExportctlError):
    """Raised when stored data fails an integrity check."""


class DownloadError(ExportctlError):
    """Raised when fetching an official list fails; the message names the source and the address. Nothing changed."""
