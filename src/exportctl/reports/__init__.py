"""exportctl.reports."""
