"""Dagster wiring only: assets, checks, resources and automation call into the pure modules."""
