"""A :class:`Report` as CSV or JSON text. Money is written in whole dollars when whole, else as a decimal string;
suppressed cells are written as empty (CSV) or null (JSON) with ``suppressed`` set."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

from exportctl.csv_cells import SafeWriter
from exportctl.reports.model import Report


def money(value: Decimal | None) -> int | str | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else str(value)


def to_csv(report: Report) -> str:
    """One line per cell: the ``by`` dimensions, then count, value_usd, used_value_usd, suppressed."""
    out = io.StringIO()
    writer = SafeWriter(out, lineterminator="\n")
    writer.writerow([*report.by, "count", "value_usd", "used_value_usd", "suppressed"])
    for row in report.rows:
        cells = ["" if v is None else v for v in (row.count, money(row.value), money(row.used_value))]
        writer.writerow([*row.key, *cells, "yes" if row.suppressed else ""])
    return out.getvalue()


def to_dict(report: Report) -> dict[str, Any]:
    return {
        "party": report.party,
        "date_from": report.date_from.isoformat() if report.date_from else None,
        "date_to": report.date_to.isoformat() if report.date_to else None,
        "by": list(report.by),
        "suppress_below": report.suppress_below,
        "applications": report.applications,
        "totals": [
            {"outcome": t.outcome, "count": t.count, "value_usd": money(t.value), "used_value_usd": money(t.used_value)}
            for t in report.totals
        ],
        "rows": [
            {
                **dict(zip(report.by, row.key, strict=True)),
                "count": row.count,
                "value_usd": money(row.value),
                "used_value_usd": money(row.used_value),
                "suppressed": row.suppressed,
            }
            for row in report.rows
        ],
        "notes": list(report.notes),
    }


def to_json(report: Report) -> str:
    return json.dumps(to_dict(report), indent=2, ensure_ascii=False) + "\n"
