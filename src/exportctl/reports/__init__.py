"""Oversight reports: counts and values of licence decisions by party family, period, outcome and category."""

from exportctl.reports.licences import licence_report
from exportctl.reports.model import DecisionRecord, Report, ReportOutcome, ReportRow, ReportTotal

__all__ = ["DecisionRecord", "Report", "ReportOutcome", "ReportRow", "ReportTotal", "licence_report"]
