"""exportctl.lists."""
