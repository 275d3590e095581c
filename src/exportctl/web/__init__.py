"""exportctl.web."""
