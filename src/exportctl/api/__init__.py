"""exportctl.api."""
