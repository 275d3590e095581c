"""A report as a chart: counts (left) and values in USD (right), grouped bars by the first ``by`` dimension and
one bar colour per value of the second. Matplotlib's Agg backend only (no display); SVG output is made
reproducible (fixed hash salt, no date metadata) so the same report gives the same bytes."""

from __future__ import annotations

import io
from decimal import Decimal

from exportctl.errors import InputError
from exportctl.reports.model import Report

FORMATS = ("png", "svg")


def render_chart(report: Report, fmt: str = "png") -> bytes:
    """PNG or SVG bytes of ``report``'s unsuppressed cells (suppressed cells are drawn as absent)."""
    if fmt not in FORMATS:
        raise InputError(f"chart format must be one of {', '.join(FORMATS)}, not {fmt!r}", field="format")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.figure import Figure

    groups = list(dict.fromkeys(row.key[0] for row in report.rows)) if report.by else ["all"]
    series = list(dict.fromkeys(row.key[1] for row in report.rows)) if len(report.by) > 1 else ["applications"]
    counts = {(g, s): 0.0 for g in groups for s in series}
    values = dict(counts)
    for row in report.rows:
        if row.suppressed or row.count is None:
            continue
        group = row.key[0] if report.by else "all"
        serie = row.key[1] if len(report.by) > 1 else "applications"
        counts[(group, serie)] += row.count
        values[(group, serie)] += float(row.value or Decimal(0))
    with plt.rc_context({"svg.hashsalt": "exportctl", "font.size": 8}):
        fig = Figure(figsize=(11, 4.5))
        axes = fig.subplots(1, 2)
        width = 0.8 / max(len(series), 1)
        for n, serie in enumerate(series):
            xs = [i + n * width for i in range(len(groups))]
            axes[0].bar(xs, [counts[(g, serie)] for g in groups], width, label=serie)
            axes[1].bar(xs, [values[(g, serie)] / 1e9 for g in groups], width, label=serie)
        for ax, title in zip(axes, ("Applications", "Value (USD billion)"), strict=True):
            ax.set_xticks([i + 0.4 - width / 2 for i in range(len(groups))], groups, rotation=30, ha="right")
            ax.set_title(title)
        axes[0].legend(title=report.by[1] if len(report.by) > 1 else None, fontsize=7)
        period = f"{report.date_from or '…'} to {report.date_to or '…'}"
        fig.suptitle(f"Licence decisions — {report.party or 'all parties'}, {period}")
        fig.tight_layout()
        out = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(out, format=fmt, dpi=110, metadata=metadata)
    return out.getvalue()
