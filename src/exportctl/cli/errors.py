"""Exit codes for library errors, in one place: commands never show a traceback for a deliberate error.

0  success
2  bad input (InputError, FileFormatError: every problem is printed as ``file:line [field]: message``)
3  not found                      4  permission denied
5  conflict / invalid transition   6  shipment refused
7  data integrity failure          8  configuration error
9  a list download failed (network, HTTP status, timeout, size cap)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from exportctl.errors import (
    ConfigError,
    ConflictError,
    DataIntegrityError,
    DownloadError,
    ExportctlError,
    FileFormatError,
    InputError,
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
    ShipmentRefusedError,
)

EXIT_CODES: tuple[tuple[type[ExportctlError], int], ...] = (
    (InputError, 2),  # FileFormatError is an InputError
    (NotFoundError, 3),
    (PermissionDeniedError, 4),
    (ConflictError, 5),
    (InvalidTransitionError, 5),
    (ShipmentRefusedError, 6),
    (DataIntegrityError, 7),
    (ConfigError, 8),
    (DownloadError, 9),
)

P = ParamSpec("P")
R = TypeVar("R")

err_console = Console(stderr=True)


def exit_code(error: ExportctlError) -> int:
    return next((code for kind, code in EXIT_CODES if isinstance(error, kind)), 1)


def report(error: ExportctlError) -> None:
    """Print ``error`` to stderr: a FileFormatError with every one of its problems."""
    if isinstance(error, FileFormatError):
        err_console.print(f"[bold red]error:[/] {escape(error.path)}: {len(error.problems)} problem(s)")
        for problem in error.problems:
            err_console.print(f"  {escape(str(problem))}", soft_wrap=True, highlight=False)
        return
    field = f" [{error.field}]" if isinstance(error, InputError) and error.field else ""
    err_console.print(f"[bold red]error{escape(field)}:[/] {escape(str(error))}", soft_wrap=True, highlight=False)


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Decorate a command: an ExportctlError is reported cleanly and ends the command with its exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ExportctlError as error:
            report(error)
            raise typer.Exit(exit_code(error)) from None

    return wrapper
