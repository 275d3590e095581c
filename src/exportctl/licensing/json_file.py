"""Reading one pydantic model from a user's JSON file, with every problem reported as file + field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from exportctl.errors import FileFormatError, Problem

M = TypeVar("M", bound=BaseModel)


def load_json_model(path: Path, model: type[M]) -> M:
    """Read ``path`` as JSON and validate it as ``model``; unreadable files, bad JSON and every invalid field
    become one :class:`FileFormatError` naming the file (and the line or field path where known)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FileFormatError(str(path), [Problem(str(path), None, None, f"cannot read: {exc.strerror}")]) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise FileFormatError(str(path), [Problem(str(path), line, None, f"not valid JSON: {exc}")]) from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = [
            Problem(str(path), None, ".".join(str(part) for part in error["loc"]) or None, error["msg"])
            for error in exc.errors()
        ]
        raise FileFormatError(str(path), problems) from exc
