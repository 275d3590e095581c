"""Command-line interface (Typer + Rich): thin adapters over library calls."""
