"""exportctl.screening."""
