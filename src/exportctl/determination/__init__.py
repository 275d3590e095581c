"""exportctl.determination."""
