"""exportctl.regulations."""
