"""exportctl.accounts."""
