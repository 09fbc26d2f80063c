"""Bundled reference data (gazetteers) with cached loaders."""
