"""``exportctl policies …``: the review-policy history, recommendations, and policy changes with their impact.

Every command is one library call (through :func:`exportctl.licensing.service.run_as` for those acting as a user).
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from exportctl.cli.dates import parse_date
from exportctl.cli.db import open_engine
from exportctl.cli.errors import handle_errors
from exportctl.errors import InputError
from exportctl.licensing import service
from exportctl.licensing.policies import actions, store
from exportctl.licensing.policies.engine import describe
from exportctl.licensing.policies.history import policy_history
from exportctl.licensing.policies.impact import Impact
from exportctl.licensing.policies.input import load_policy_file
from exportctl.licensing.policies.model import Policy, PolicyRecommendation
from exportctl.licensing.policies.seed import halt_2023, revocation_2024, seed_policies

policies_app = typer.Typer(
    help="Review policies: history, recommendations, changes and their impact.", no_args_is_help=True
)
console = Console()
Json = typer.Option(False, "--json", help="Print JSON instead of a table.")
As = typer.Option(..., "--as", envvar="EXPORTCTL_AS", help="E-mail of the acting user.")
PRESETS = {"huawei-2023-halt": halt_2023}
SHOW_AT_MOST = 10
ACTIONS = {"huawei-2024-revocation": revocation_2024}


def policies_table(items: tuple[Policy, ...], title: str) -> Table:
    table = Table("id", "parties", "items", "outcome", "from", "to", "prio", "citation", "date note", title=title)
    for p in items:
        table.add_row(
            p.policy_id, p.parties.family, p.items.description, p.outcome.value, str(p.effective_from),
            str(p.effective_to or ""), str(p.priority), escape(str(p.citation)), escape(p.date_note),
        )  # fmt: skip
    return table


def policy_dict(p: Policy) -> dict[str, object]:
    return {
        "policy_id": p.policy_id, "title": p.title, "family": p.parties.family,
        "name_contains": list(p.parties.name_contains), "entry_ids": sorted(p.parties.entry_ids),
        "items": p.items.description, "technology_flags": sorted(p.items.technology_flags),
        "outcome": p.outcome.value, "effective_from": p.effective_from.isoformat(),
        "effective_to": p.effective_to.isoformat() if p.effective_to else None, "priority": p.priority,
        "citation": str(p.citation), "citation_verification": p.citation.verification.value, "date_note": p.date_note,
    }  # fmt: skip


def show_policies(items: tuple[Policy, ...], title: str, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps([policy_dict(p) for p in items], indent=2, ensure_ascii=False))
    else:
        console.print(policies_table(items, title))


def _policy(preset: str | None, file: Path | None) -> Policy:
    if (preset is None) == (file is None):
        raise InputError(f"give exactly one of --preset ({', '.join(PRESETS)}) or --file POLICY.json", field="preset")
    if file is not None:
        return load_policy_file(file)
    if preset not in PRESETS:
        raise InputError(f"unknown preset {preset!r}; known: {', '.join(PRESETS)}", field="preset")
    return PRESETS[preset]()


def impact_dict(impact: Impact) -> dict[str, object]:
    return {
        "policy_id": impact.policy_id,
        "on_date": impact.on_date.isoformat(),
        "unchanged": impact.unchanged,
        "changes": [
            {
                "application": c.application_id,
                "before": {"outcome": c.before_outcome, "decision": c.before_decision},
                "after": {"outcome": c.after_outcome, "decision": c.after_decision},
                "reasons": list(c.reasons),
            }
            for c in impact.changes
        ],
        "affected_licences": [
            {"licence_id": a.licence_id, "holder": a.holder, "reason": a.reason} for a in impact.affected_licences
        ],
    }


def print_impact(impact: Impact) -> None:
    console.print(f"[bold]impact of {impact.policy_id} on {impact.on_date}[/]: {len(impact.changes)} pending "
                  f"application(s) recommended differently, {impact.unchanged} unchanged, "
                  f"{len(impact.affected_licences)} active licence(s) in scope")  # fmt: skip
    for c in impact.changes:
        before = f"{c.before_outcome.value if c.before_outcome else 'no policy'} → {c.before_decision.value}"
        after = f"{c.after_outcome.value if c.after_outcome else 'no policy'} → {c.after_decision.value}"
        console.print(f"  {c.application_id}: {before}  ⇒  {after}")
    shown = impact.affected_licences[:SHOW_AT_MOST]
    for lic in shown:
        console.print(f"  licence id {lic.licence_id} ({escape(lic.holder)}): {escape(lic.reason)}")
    if len(impact.affected_licences) > len(shown):
        console.print(f"  … and {len(impact.affected_licences) - len(shown)} more licence(s)")


@policies_app.command("history")
@handle_errors
def history_command(as_json: bool = Json) -> None:
    """The review-policy history seeded from the bundled timeline (no database needed), with its gaps."""
    show_policies(seed_policies(), "Huawei/SMIC review policies (from data/timeline)", as_json)
    if as_json:
        return
    action = revocation_2024()
    console.print(f"licence action {action.action_id}: {action.kind} from {action.effective} — {escape(action.reason)}")
    table = Table("date", "action", "citation", "role", "effect", title="every timeline row")
    for entry in policy_history():
        table.add_row(
            entry.date_text, escape(entry.action), escape(str(entry.citation)), entry.role, escape(entry.effect)
        )
    console.print(table)


@policies_app.command("list")
@handle_errors
def list_command(as_json: bool = Json) -> None:
    """The policies stored in the database (latest version of each)."""
    show_policies(store.stored_policies(open_engine()), "stored review policies", as_json)


@policies_app.command("seed")
@handle_errors
def seed_command(actor: str = As) -> None:
    """Store the timeline-seeded policy history (idempotent; the 2023 halt is left to `apply`)."""
    added = service.run_as(open_engine(), actor, store.seed_timeline_policies)
    console.print(f"{len(added)} policies added")


@policies_app.command("recommend")
@handle_errors
def recommend_command(
    reference: str, on: str = typer.Option(..., "--on", help="review date (YYYY-MM-DD)"), actor: str = As
) -> None:
    """The policy engine's recommendation for an application on a date, with reasons and citations."""
    rec: PolicyRecommendation = service.run_as(
        open_engine(), actor, store.recommend_application, reference, on=parse_date(on, "on")
    )
    console.print(f"[bold]{rec.application_id}[/] on {rec.on_date}: {rec.outcome.value if rec.outcome else 'no policy'}"
                  f" → recommend [bold]{rec.decision.value}[/]")  # fmt: skip
    for reason in rec.reasons:
        console.print(f"  - {escape(reason)}")
    for match in rec.matched:
        mark = "applied" if match.applied else "overridden"
        console.print(f"  [{mark}] {escape(describe(match.policy))}")


@policies_app.command("preview")
@handle_errors
def preview_command(
    preset: str | None = typer.Option(None, "--preset", help="huawei-2023-halt"),
    file: Path | None = typer.Option(None, "--file", help="a policy as JSON"),
    on: str | None = typer.Option(None, "--on", help="evaluate on this date (default: the policy's start)"),
    as_json: bool = Json,
    actor: str = As,
) -> None:
    """What a new policy would change: pending recommendations (before → after) and licences in scope."""
    impact = service.run_as(open_engine(), actor, store.preview_change, policy=_policy(preset, file),
                            on_date=parse_date(on, "on"))  # fmt: skip
    if as_json:
        typer.echo(json.dumps(impact_dict(impact), indent=2, ensure_ascii=False))
    else:
        print_impact(impact)


@policies_app.command("apply")
@handle_errors
def apply_command(
    preset: str | None = typer.Option(None, "--preset", help="huawei-2023-halt"),
    file: Path | None = typer.Option(None, "--file", help="a policy as JSON"),
    licence_action: str | None = typer.Option(None, "--licences", help="suspend | revoke the licences in scope"),
    reason: str = typer.Option("", "--reason", help="reason recorded on each licence (default: the policy)"),
    actor: str = As,
) -> None:
    """Store a policy; with --licences, suspend or revoke every active licence it reaches from its start date."""
    policy = _policy(preset, file)
    impact, applied = service.run_as(
        open_engine(), actor, actions.apply_policy_change, policy=policy, licence_action=licence_action,
        reason=reason,
    )  # fmt: skip
    print_impact(impact)
    if applied is not None:
        console.print(f"{applied.kind}: {len(applied.licences)} licence(s) from {applied.from_date}")


@policies_app.command("action")
@handle_errors
def action_command(name: str = typer.Argument(..., help="huawei-2024-revocation"), actor: str = As) -> None:
    """Apply a dated licence action from the timeline to every active licence it reaches."""
    if name not in ACTIONS:
        raise InputError(f"unknown action {name!r}; known: {', '.join(ACTIONS)}", field="name")
    applied = service.run_as(open_engine(), actor, actions.apply_licence_action, action=ACTIONS[name]())
    console.print(f"{applied.kind}: {len(applied.licences)} licence(s) from {applied.from_date}")
    for lic in applied.licences:
        console.print(f"  {lic.number}: {lic.status}")


def register(app: typer.Typer) -> None:
    app.add_typer(policies_app, name="policies")
