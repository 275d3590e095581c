"""Scenarios built from published data: per-application details are GENERATED to match published aggregates."""
