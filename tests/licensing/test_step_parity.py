"""One step table, three interfaces (issue 21, defect 4): every step of :data:`exportctl.licensing.steps.STEPS` is
reachable from the CLI, the API and the web pages with the same arguments, and the table agrees with the domain
functions it dispatches to. Read from the interfaces themselves (Typer's commands, FastAPI's routes), so a route or
option that drifts from the table fails here."""

from __future__ import annotations

import inspect
import typing
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import typer.main
from fastapi.params import Form
from fastapi.routing import APIRoute
from pydantic import BaseModel
from typer.core import TyperArgument, TyperGroup, TyperOption

from exportctl.app.factory import API_ROUTERS, PAGE_ROUTERS
from exportctl.cli.main import app as cli_app
from exportctl.errors import InputError, PermissionDeniedError
from exportctl.licensing.actor import Actor, Role
from exportctl.licensing.steps import STEPS, Arg, Extra, Kind, Step, convert, keywords, run_step

PLUMBING_OPTIONS = {"actor"}  # --as: who acts, not an argument of the step
LEGACY_FORM_FIELDS = {"text"}  # the review page's one text box, read as the reason or the agencies
TARGET_PARAM = {"application": "application_id", "licence": "licence_id", "referral": "referral_id"}


def _route(routers: Any, path: str) -> APIRoute:
    found = [r for router in routers for r in router.routes if r.path == path and "POST" in r.methods]
    assert len(found) == 1, f"POST {path}: {len(found)} routes"
    route: APIRoute = found[0]
    return route


def _cli_command(group: str, name: str) -> Any:
    root = typer.main.get_command(cli_app)
    assert isinstance(root, TyperGroup)
    sub = root.commands.get(group)
    assert isinstance(sub, TyperGroup), f"no CLI group {group}"
    command = sub.commands.get(name)
    assert command is not None, f"no CLI command {group} {name}"
    return command


def _body_model(route: APIRoute) -> type[BaseModel] | None:
    hints = typing.get_type_hints(route.endpoint)
    for annotation in (hints.get("body"),):
        for candidate in (annotation, *typing.get_args(annotation)):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                return candidate
    return None


def _form_fields(route: APIRoute) -> dict[str, bool]:
    """The route's form fields -> whether each is required."""
    fields = {}
    for name, parameter in inspect.signature(route.endpoint).parameters.items():
        annotation = typing.get_type_hints(route.endpoint, include_extras=True)[name]
        if any(isinstance(m, Form) for m in getattr(annotation, "__metadata__", ())):
            fields[name] = parameter.default is inspect.Parameter.empty
    return fields


def _names(found: Step) -> set[str]:
    return {a.name for a in found.args}


@pytest.mark.parametrize("name", sorted(STEPS))
def test_the_cli_command_takes_the_step_arguments(name: str) -> None:
    found = STEPS[name]
    command = _cli_command(*found.cli)
    options = {p.name for p in command.params if isinstance(p, TyperOption)} - PLUMBING_OPTIONS
    positional = [p for p in command.params if isinstance(p, TyperArgument)]
    assert options == _names(found), f"exportctl {' '.join(found.cli)}"
    assert len(positional) == 1, "one positional argument: the application, licence or referral"
    for arg in found.args:
        option = next(p for p in command.params if p.name == arg.name)
        assert option.required == arg.required, f"--{arg.name} required in the table and the CLI"
        assert isinstance(option, TyperOption) and option.multiple == (arg.kind in (Kind.LINES, Kind.IDS, Kind.NAMES))


@pytest.mark.parametrize("name", sorted(STEPS))
def test_the_api_route_takes_the_step_arguments(name: str) -> None:
    found = STEPS[name]
    route = _route(API_ROUTERS, found.api)
    assert "{" + TARGET_PARAM[found.target] + "}" in route.path
    model = _body_model(route)
    fields = model.model_fields if model is not None else {}
    assert set(fields) == _names(found), f"POST /api{found.api}"
    for arg in found.args:
        assert fields[arg.name].is_required() == arg.required, f"{arg.name} required in the table and the API"


@pytest.mark.parametrize("name", sorted(STEPS))
def test_the_web_form_takes_the_step_arguments(name: str) -> None:
    found = STEPS[name]
    route = _route(PAGE_ROUTERS, found.web)
    assert "{" + TARGET_PARAM[found.target] + "}" in route.path
    fields = _form_fields(route)
    assert set(found.web_fixed) <= set(fields), "the fields that select the step on a shared route"
    sharing = [s for s in STEPS.values() if s.web == found.web]
    expected = set().union(*(_names(s) for s in sharing))
    assert set(fields) - set(found.web_fixed) - LEGACY_FORM_FIELDS == expected, f"POST {found.web}"


def test_every_argument_and_extra_is_a_keyword_of_the_domain_function() -> None:
    for found in STEPS.values():
        parameters = inspect.signature(found.function).parameters
        for arg in found.args:
            assert arg.target_keyword in parameters, f"{found.name}: {found.function.__name__}({arg.target_keyword})"
        for extra in found.extras:
            assert extra.value in parameters, f"{found.name}: {extra.value}"


def test_every_step_is_named_once_in_each_interface() -> None:
    assert len({s.cli for s in STEPS.values()}) == len(STEPS)
    assert len({s.api for s in STEPS.values()}) == len(STEPS)
    assert len({(s.web, tuple(sorted(s.web_fixed.items()))) for s in STEPS.values()}) == len(STEPS)


def test_answering_a_request_for_information_is_in_every_interface() -> None:
    found = STEPS["answer_info_request"]
    assert found.cli == ("applications", "answer-info") and _cli_command(*found.cli)
    assert _route(API_ROUTERS, found.api) and _route(PAGE_ROUTERS, found.web)


def test_the_decision_carries_items_riders_and_version_everywhere() -> None:
    names = _names(STEPS["decide"])
    assert {"approved_item_ids", "riders", "version", "conditions"} <= names
    assert STEPS["decide"].versioned and STEPS["withdraw"].versioned and not STEPS["refer"].versioned


# the dispatcher's conversions: text from forms and the command line, typed values from the API


def test_text_and_typed_values_convert_alike() -> None:
    assert convert(Arg("x", Kind.LINES), "a\n\n b \n") == convert(Arg("x", Kind.LINES), ["a", " b"]) == ["a", "b"]
    assert convert(Arg("x", Kind.NAMES), "DoD, State,") == ["DoD", "State"]
    assert convert(Arg("x", Kind.DATE), "2024-02-29") == date(2024, 2, 29)
    assert convert(Arg("x", Kind.IDS), ["3", 4]) == [3, 4]
    assert convert(Arg("x", Kind.COUNT), "1,000") == 1000
    assert convert(Arg("x", Kind.AMOUNT), "1,234.50") == Decimal("1234.50")


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (Kind.DATE, "soon"),
        (Kind.COUNT, "-1"),
        (Kind.COUNT, "1.5"),
        (Kind.AMOUNT, "NaN"),
        (Kind.AMOUNT, "lots"),
        (Kind.IDS, ["x"]),
        (Kind.TEXT, 3),
    ],
)
def test_bad_values_are_refused_naming_the_field(kind: Kind, value: object) -> None:
    with pytest.raises(InputError) as caught:
        convert(Arg("field_x", kind), value)
    assert caught.value.field == "field_x"


def test_unknown_and_missing_arguments_are_refused_naming_them() -> None:
    with pytest.raises(InputError) as unknown:
        keywords(STEPS["withdraw"], {"reason": "x", "approved_item_ids": [1]})
    assert unknown.value.field == "approved_item_ids"
    with pytest.raises(InputError) as missing:
        keywords(STEPS["withdraw"], {})
    assert missing.value.field == "reason"
    assert keywords(STEPS["decide"], {"outcome": "approved", "reasons": "a\nb", "version": "3"}) == {
        "outcome": "approved",
        "reasons": ["a", "b"],
        "expected_version": 3,
    }


@pytest.mark.parametrize("name", sorted(STEPS))
def test_the_role_is_checked_before_anything_is_read(name: str) -> None:
    """An actor holding none of the step's roles is refused before the session is touched (None here)."""
    outsider = Actor(user_id=1, organisation_id=1, roles=frozenset(Role) - STEPS[name].roles)
    with pytest.raises(PermissionDeniedError):
        run_step(None, outsider, name, 1, {})  # type: ignore[arg-type]


def test_extras_reach_only_the_steps_that_take_them() -> None:
    assert {s.name for s in STEPS.values() if Extra.SCREENER in s.extras} == {"submit"}
    assert {s.name for s in STEPS.values() if Extra.RECORDED_ON in s.extras} == {"ship"}
    assert {s.name for s in STEPS.values() if Extra.REGISTER in s.extras} == {"submit"}
    assert {s.name for s in STEPS.values() if Extra.PARTY_HOLD in s.extras} == {"ship"}
