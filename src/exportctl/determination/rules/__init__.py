"""One module per rule family; each returns :class:`~exportctl.determination.findings.Finding` objects."""
