"""exportctl.licensing."""
