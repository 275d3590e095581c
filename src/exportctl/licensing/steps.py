"""The one table of workflow steps that the CLI, the API and the web pages all dispatch through.

Each :class:`Step` names the domain function, its arguments (name, kind, required, the function's keyword), the
roles allowed to take it (checked first, before anything is read), the context an interface must supply (statutory
periods, a submission screener, the counterparty register's screening and shipment hold, a replayed recording day)
and where each interface offers it: the CLI command, the API route (under ``/api``) and the web form.
:func:`run_step` is the dispatcher: it checks the role, converts each argument (typed values from the API, text
from forms and the command line), refuses unknown or missing ones naming the field, and calls the domain function.
``tests/licensing/test_step_parity.py`` enumerates the table and checks that every step is reachable from each
interface with the same arguments.

The domain functions keep their own checks (role, tenant, state, version, dates): the table adds no rule, it only
makes the three interfaces say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from exportctl.errors import InputError
from exportctl.licensing import applicant, decide, licences, review
from exportctl.licensing.actor import Actor, Role
from exportctl.licensing.states import Outcome


class Kind(StrEnum):
    """How an argument's value is written; text (a form field, a command-line option) is converted."""

    TEXT = "text"  # one string
    LINES = "lines"  # several strings: a list, or text with one per line
    NAMES = "names"  # several short names: a list, or comma-separated text
    DATE = "date"  # an ISO date (YYYY-MM-DD)
    IDS = "ids"  # several positive integer ids
    COUNT = "count"  # a whole number, 0 or more
    AMOUNT = "amount"  # a decimal amount (USD)


class Target(StrEnum):
    """What the step's id names."""

    APPLICATION = "application"
    LICENCE = "licence"
    REFERRAL = "referral"


class Extra(StrEnum):
    """Context an interface supplies (never typed by the user)."""

    PERIODS = "periods"  # the configured statutory periods
    SCREENER = "screener"  # the submission screener (lists in force on the submission date)
    DETERMINER = "determiner"  # the determination engine, to lint each item at submission (the CLI passes it)
    RECORDED_ON = "recorded_on"  # the recording day, passed only by code replaying a dated history (the CLI)
    REGISTER = "register"  # the counterparty register's screening of a submission's parties (issue 15)
    PARTY_HOLD = "party_hold"  # the counterparty register's hold on a shipment's parties (issue 15)


@dataclass(frozen=True)
class Arg:
    name: str  # the name in every interface: API body field, form field, CLI option (``--name-with-dashes``)
    kind: Kind
    required: bool = False
    keyword: str = ""  # the domain function's keyword, when it differs from ``name``
    choices: tuple[str, ...] = ()
    help: str = ""

    @property
    def target_keyword(self) -> str:
        return self.keyword or self.name


@dataclass(frozen=True)
class Step:
    name: str
    title: str  # for messages: "decide an application"
    target: Target
    function: Callable[..., Any]
    args: tuple[Arg, ...]
    roles: frozenset[Role]
    cli: tuple[str, str]  # (group, command): ``exportctl review decide``
    api: str  # POST route under /api
    web: str  # POST route of the page's form
    web_fixed: Mapping[str, str] = field(default_factory=dict)  # form values that select the step on a shared route
    extras: frozenset[Extra] = frozenset()

    @property
    def versioned(self) -> bool:
        """Whether the step refuses a change made on a stale view (``version`` → ``expected_version``)."""
        return any(a.target_keyword == "expected_version" for a in self.args)

    def arg(self, name: str) -> Arg:
        return next(a for a in self.args if a.name == name)


ON = Arg("on", Kind.DATE, help="the day of the step (default today)")
VERSION = Arg("version", Kind.COUNT, keyword="expected_version", help="the version you saw; refused if it changed")
REASON = Arg("reason", Kind.TEXT, required=True, help="why (shown to the applicant and audited)")
EXPORTER = frozenset({Role.EXPORTER})
REVIEWER = frozenset({Role.REVIEWER})
REVIEWS = "/reviews/{application_id}"
APPLICATIONS = "/applications/{application_id}"
LICENCES = "/licences/{licence_id}"
STATUS_ARGS = (
    Arg("from_date", Kind.DATE, required=True, help="effective from (YYYY-MM-DD)"),
    Arg("reason", Kind.TEXT, required=True, help="why (audited)"),
)
LICENCE_ROLES = frozenset({Role.POLICY_ADMIN, Role.REVIEWER})


def _review_step(name: str, cli: str, function: Callable[..., Any], title: str, *args: Arg) -> Step:
    return Step(
        name, title, Target.APPLICATION, function, (*args, ON), REVIEWER, ("review", cli),
        f"{REVIEWS}/{cli}", f"{REVIEWS}/step", {"step": name},
    )  # fmt: skip


def _status_step(name: str, function: Callable[..., Any], title: str) -> Step:
    return Step(
        name, title, Target.LICENCE, function, STATUS_ARGS, LICENCE_ROLES, ("licences", name),
        f"{LICENCES}/{name}", f"{LICENCES}/status", {"action": name},
    )  # fmt: skip


STEPS: dict[str, Step] = {
    s.name: s
    for s in (
        # the applicant's steps
        Step(
            "submit",
            "submit an application",
            Target.APPLICATION,
            applicant.submit,
            (ON, VERSION),
            EXPORTER,
            ("applications", "submit"),
            f"{APPLICATIONS}/submit",
            f"{APPLICATIONS}/submit",
            extras=frozenset({Extra.SCREENER, Extra.DETERMINER, Extra.REGISTER}),
        ),
        Step(
            "withdraw",
            "withdraw an application",
            Target.APPLICATION,
            applicant.withdraw,
            (REASON, ON, VERSION),
            EXPORTER,
            ("applications", "withdraw"),
            f"{APPLICATIONS}/withdraw",
            f"{APPLICATIONS}/withdraw",
        ),
        Step(
            "respond_to_intent",
            "respond to an intent to deny",
            Target.APPLICATION,
            applicant.respond_to_intent,
            (Arg("response", Kind.TEXT, required=True, help="the applicant's answer to the intent to deny"), ON),
            EXPORTER,
            ("applications", "intent-response"),
            f"{APPLICATIONS}/intent-response",
            f"{APPLICATIONS}/intent-response",
        ),
        Step(
            "answer_info_request",
            "answer a request for information",
            Target.APPLICATION,
            applicant.answer_info_request,
            (Arg("answer", Kind.TEXT, required=True, help="the information asked for (restarts the clock)"), ON),
            EXPORTER,
            ("applications", "answer-info"),
            f"{APPLICATIONS}/answer-info",
            f"{APPLICATIONS}/answer-info",
        ),
        # the licensing officer's steps
        _review_step("register", "register", review.register, "register an application"),
        _review_step("start", "start", review.start_review, "start a review"),
        _review_step("request_info", "request-info", review.request_info, "request information", REASON),
        _review_step("hold", "hold", review.put_on_hold, "put an application on hold", REASON),
        Step(
            "resume",
            "resume a paused application",
            Target.APPLICATION,
            review.resume,
            (ON,),
            frozenset({Role.REVIEWER, Role.EXPORTER}),
            ("review", "resume"),
            f"{REVIEWS}/resume",
            f"{REVIEWS}/step",
            {"step": "resume"},
        ),
        Step(
            "refer",
            "refer an application",
            Target.APPLICATION,
            review.refer,
            (Arg("agencies", Kind.NAMES, required=True, help="agencies to refer to (DoD, State, Energy)"), ON),
            REVIEWER,
            ("review", "refer"),
            f"{REVIEWS}/refer",
            f"{REVIEWS}/step",
            {"step": "refer"},
            frozenset({Extra.PERIODS}),
        ),
        Step(
            "recommend",
            "record a referral recommendation",
            Target.REFERRAL,
            review.record_referral_recommendation,
            (
                Arg("recommendation", Kind.TEXT, True, choices=tuple(r.value for r in review.AgencyRecommendation)),
                Arg("basis", Kind.TEXT, required=True, help="the agency's stated basis"),
                ON,
            ),
            REVIEWER,
            ("review", "recommend"),
            "/reviews/referrals/{referral_id}/recommendation",
            f"{REVIEWS}/referrals/{{referral_id}}/recommendation",
        ),
        Step(
            "intent_to_deny",
            "issue an intent to deny",
            Target.APPLICATION,
            review.intent_to_deny,
            (REASON, ON),
            REVIEWER,
            ("review", "intent-to-deny"),
            f"{REVIEWS}/intent-to-deny",
            f"{REVIEWS}/intent-to-deny",
            extras=frozenset({Extra.PERIODS}),
        ),
        Step(
            "decide",
            "decide an application",
            Target.APPLICATION,
            decide.decide,
            (
                Arg("outcome", Kind.TEXT, True, choices=tuple(o.value for o in Outcome if o != Outcome.WITHDRAWN)),
                Arg("reasons", Kind.LINES, required=True, help="the reasons (one per line in a form)"),
                Arg("conditions", Kind.LINES, help="licence conditions"),
                Arg("riders", Kind.LINES, help="riders printed on the licence"),
                Arg("approved_item_ids", Kind.IDS, help="the items an approval in part covers"),
                VERSION,
                ON,
            ),
            REVIEWER,
            ("review", "decide"),
            f"{REVIEWS}/decide",
            f"{REVIEWS}/decide",
            extras=frozenset({Extra.PERIODS}),
        ),
        # licences
        Step(
            "ship",
            "record a shipment",
            Target.LICENCE,
            licences.record_shipment,
            (
                Arg("value", Kind.AMOUNT, required=True, help="USD drawn from the licence"),
                Arg("quantity", Kind.COUNT, required=True, help="units drawn from the licence"),
                Arg("shipped_on", Kind.DATE, help="the day it left (default today)"),
                Arg("reference", Kind.TEXT, help="your reference (invoice, airway bill)"),
            ),
            EXPORTER,
            ("licences", "ship"),
            f"{LICENCES}/shipments",
            f"{LICENCES}/ship",
            extras=frozenset({Extra.PERIODS, Extra.RECORDED_ON, Extra.PARTY_HOLD}),
        ),
        _status_step("suspend", licences.suspend, "suspend a licence"),
        _status_step("revoke", licences.revoke, "revoke a licence"),
        _status_step("reinstate", licences.reinstate, "reinstate a licence"),
    )
}


def step(name: str) -> Step:
    """The step called ``name`` (also accepts the CLI's dashed spelling)."""
    found = STEPS.get(name) or STEPS.get(name.replace("-", "_"))
    if found is None:
        raise InputError(f"unknown workflow step {name!r}", field="step")
    return found


def _text(arg: Arg, value: object) -> str:
    if not isinstance(value, str):
        raise InputError(f"{arg.name} must be text", field=arg.name)
    return value


def _strings(arg: Arg, value: object, split: Callable[[str], list[str]]) -> list[str]:
    if isinstance(value, str):
        parts = split(value)
    elif isinstance(value, Sequence):
        parts = [_text(arg, v) for v in value]
    else:
        raise InputError(f"{arg.name} must be a list of text", field=arg.name)
    return [p.strip() for p in parts if p.strip()]


def _count(arg: Arg, value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    text = str(value).replace(",", "").strip() if isinstance(value, str) else ""
    if not text.isdigit() or len(text) > 18:
        raise InputError(f"{arg.name} {value!r} is not a whole number (0 or more)", field=arg.name)
    return int(text)


def _amount(arg: Arg, value: object) -> Decimal:
    try:
        amount = Decimal(value.replace(",", "").strip()) if isinstance(value, str) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise InputError(f"{arg.name} {value!r} is not an amount in USD", field=arg.name) from None
    if isinstance(value, bool) or not amount.is_finite():  # NaN and Infinity parse as Decimals but are no amount
        raise InputError(f"{arg.name} {value!r} is not an amount in USD", field=arg.name)
    return amount


def _date(arg: Arg, value: object) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(_text(arg, value).strip())
    except ValueError:
        label = arg.name.replace("_", " ")
        raise InputError(f"{label} {value!r} is not a date (YYYY-MM-DD)", field=arg.name) from None


def convert(arg: Arg, value: object) -> object:
    """``value`` as the domain function takes it; text is parsed, typed values are checked."""
    if arg.kind is Kind.TEXT:
        return _text(arg, value)
    if arg.kind is Kind.LINES:
        return _strings(arg, value, str.splitlines)
    if arg.kind is Kind.NAMES:
        return _strings(arg, value, lambda text: text.split(","))
    if arg.kind is Kind.DATE:
        return _date(arg, value)
    if arg.kind is Kind.IDS:
        values = value.replace(",", " ").split() if isinstance(value, str) else value
        if not isinstance(values, Sequence):
            raise InputError(f"{arg.name} must be a list of ids", field=arg.name)
        return [_count(arg, v) for v in values]
    if arg.kind is Kind.COUNT:
        return _count(arg, value)
    return _amount(arg, value)


def _absent(value: object) -> bool:
    """Not given: ``None``, a blank form field or an empty list (the domain function's default applies)."""
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def keywords(found: Step, values: Mapping[str, object]) -> dict[str, Any]:
    """The domain function's keyword arguments from the interface's ``values`` (named as in the table)."""
    unknown = sorted(set(values) - {a.name for a in found.args})
    if unknown:
        raise InputError(f"{found.title}: unknown argument(s) {', '.join(unknown)}", field=unknown[0])
    kwargs: dict[str, Any] = {}
    for arg in found.args:
        value = values.get(arg.name)
        if _absent(value):
            if arg.required and value is None:
                raise InputError(f"{found.title}: {arg.name} is required", field=arg.name)
            if arg.required:  # a blank text or an empty list: the domain function names what is missing
                kwargs[arg.target_keyword] = "" if arg.kind is Kind.TEXT else []
            continue
        kwargs[arg.target_keyword] = convert(arg, value)
    return kwargs


def run_step(
    session: Session,
    actor: Actor,
    name: str,
    target_id: int,
    values: Mapping[str, object],
    **context: Any,
) -> Any:
    """Take step ``name`` on ``target_id`` as ``actor``: role first, then the arguments, then the domain function.

    ``context`` holds what the interface supplies (see :class:`Extra`); keys the step does not use are ignored, so
    an interface may pass its periods to every step."""
    found = step(name)
    actor.require(*found.roles, action=found.title)
    kwargs = keywords(found, values)
    for extra in found.extras:
        if context.get(extra.value) is not None:
            kwargs[extra.value] = context[extra.value]
    return found.function(session, actor, target_id, **kwargs)
