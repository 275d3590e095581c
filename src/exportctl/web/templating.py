"""Jinja2 rendering for the pages: every template gets the current user, a CSRF token and the navigation."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from exportctl.accounts.roles import Actor, Role
from exportctl.clock import UTC_CLOCK
from exportctl.licensing.views import LicenceView
from exportctl.web.licence_status import shown_status
from exportctl.web.wording import (
    VERDICT_TONE,
    effect_words,
    feature_name,
    grouped_exceptions,
    human,
    list_name,
    verdict_of,
)

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

#: (path, label, roles that see the link; empty = everyone signed in)
NAVIGATION: tuple[tuple[str, str, frozenset[Role]], ...] = (
    ("/", "Dashboard", frozenset()),
    ("/screening", "Screening", frozenset()),
    ("/screening/batch", "Batch screening", frozenset()),
    ("/determination", "Determination", frozenset()),
    ("/applications", "Applications", frozenset()),
    ("/licences", "Licences", frozenset()),
    ("/alerts", "Alerts", frozenset({Role.EXPORTER, Role.ADMIN})),
    ("/reviews", "Review queue", frozenset({Role.REVIEWER, Role.AUDITOR, Role.POLICY_ADMIN, Role.ADMIN})),
    ("/policies", "Policies", frozenset({Role.POLICY_ADMIN, Role.REVIEWER, Role.AUDITOR, Role.ADMIN})),
    ("/oversight", "Oversight", frozenset({Role.AUDITOR, Role.POLICY_ADMIN, Role.REVIEWER, Role.ADMIN})),
    ("/lists", "List changes", frozenset()),
    ("/exposure", "Vendor exposure", frozenset()),
    ("/audit", "Audit", frozenset({Role.AUDITOR, Role.ADMIN})),
    ("/users", "Users", frozenset({Role.ADMIN})),
)


def _money(value: Any) -> str:
    if value is None:
        return "—"
    try:
        return f"${Decimal(str(value)):,.2f}"
    except ArithmeticError:
        return str(value)


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return "—" if value is None else str(value)


_WORD = re.compile(r"\w+", re.UNICODE)


def highlight(text: Any, query: Any) -> Markup:
    """``text`` with the words it shares with ``query`` (case- and accent-insensitive) in ``<mark>``."""
    wanted = {_fold(w) for w in _WORD.findall(str(query or ""))}
    out: list[str] = []
    last = 0
    source = str(text or "")
    for match in _WORD.finditer(source):
        out.append(str(escape(source[last : match.start()])))
        word = str(escape(match.group()))
        out.append(f"<mark>{word}</mark>" if _fold(match.group()) in wanted else word)
        last = match.end()
    out.append(str(escape(source[last:])))
    return Markup("".join(out))


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: a footnote marker the lists print after a citation: "§§ 734.9(e) 1 and 744.11 of the EAR 2"
_FOOTNOTE = re.compile(r"(?:(?<=\))|(?<=EAR)) (\d{1,2})(?=$|[.;,]| and\b| or\b)")


def footnotes(text: Any) -> Markup:
    """``text`` with the footnote digits glued to citations set apart as superscripts."""
    escaped = str(escape(str(text or "")))
    return Markup(_FOOTNOTE.sub(r'<sup class="fn" title="footnote \1">\1</sup>', escaped))


def _licence_state(licence: LicenceView) -> str:
    return shown_status(licence, UTC_CLOCK.today())


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html"]))
    env.filters["money"] = _money
    env.filters["when"] = _when
    env.filters["human"] = human
    env.filters["effect"] = effect_words
    env.filters["list_name"] = list_name
    env.filters["highlight"] = highlight
    env.filters["footnotes"] = footnotes
    env.filters["feature_name"] = feature_name
    env.globals["verdict_of"] = verdict_of
    env.globals["verdict_tone"] = VERDICT_TONE
    env.globals["grouped_exceptions"] = grouped_exceptions
    env.globals["licence_state"] = _licence_state
    return env


def navigation_for(principal: Actor | None) -> list[tuple[str, str]]:
    if principal is None:
        return []
    return [(path, label) for path, label, roles in NAVIGATION if not roles or principal.has_role(*roles)]


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    principal: Actor | None = getattr(request.state, "principal", None)
    csrf: str | None = getattr(request.state, "csrf_token", None)
    full = {
        "request": request,
        "user": principal,
        "csrf_token": csrf,
        "nav": navigation_for(principal),
        "path": request.url.path,
        **context,
    }
    html = environment().get_template(template).render(full)
    return HTMLResponse(html, status_code=status_code)


def render_error_page(request: Request, status: int, message: str, problems: list[Any]) -> HTMLResponse:
    """The HTML error page a browser gets for a failed request (JSON callers get ``app.errors``' body)."""
    return render(
        request,
        "error.html",
        {"status": status, "message": message, "problems": problems},
        status_code=status,
    )
