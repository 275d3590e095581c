"""exportctl.store."""
