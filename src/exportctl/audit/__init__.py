"""exportctl.audit."""
