"""exportctl: official export-control lists, screening, licence determination, licensing and oversight."""

__version__ = "0.1.0"
