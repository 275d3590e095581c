"""The API's side of the step table (:mod:`exportctl.licensing.steps`): a route's validated body becomes the
step's named values; the route then calls :func:`~exportctl.licensing.steps.run_step`."""

from __future__ import annotations

from pydantic import BaseModel


def step_values(body: BaseModel | None) -> dict[str, object]:
    """The body's fields that were given (``None`` leaves the step's default), named as in the step table."""
    return body.model_dump(exclude_none=True) if body is not None else {}
