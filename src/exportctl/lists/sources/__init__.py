"""exportctl.lists.sources."""
