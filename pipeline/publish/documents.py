"""The documents that ship inside every release folder beside the tables: codebook, Croissant file, release note.

`release_documents` has the shape of `pipeline.release.Companions`: it reads the incoming release (tables and
datapackage.json) and the previous release, and returns the files to add. An invalid Croissant file blocks
the release, so a published release always carries a valid one.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from pipeline.publish.changes import TRACKED_TABLES, changes_markdown, release_changes, release_version
from pipeline.publish.codebook import codebook_html, codebook_markdown
from pipeline.publish.croissant import croissant_issues, croissant_metadata
from pipeline.release import DESCRIPTOR_NAME, ReleaseBlocked

CODEBOOK_MARKDOWN = "codebook.md"
CODEBOOK_HTML = "codebook.html"
CROISSANT = "croissant.json"
RELEASE_NOTE = "CHANGES.md"


def release_documents(incoming: Path, previous_release: Path | None) -> dict[str, bytes]:
    """codebook.md, codebook.html, croissant.json and CHANGES.md for the release being written in `incoming`."""
    package = json.loads((incoming / DESCRIPTOR_NAME).read_text(encoding="utf-8"))
    croissant = croissant_metadata(package)
    errors, _warnings = croissant_issues(croissant)
    if errors:
        raise ReleaseBlocked("release blocked: the Croissant metadata is not valid: " + "; ".join(errors))
    codebook = codebook_markdown(package)
    tables = {name: pl.read_parquet(incoming / f"{name}.parquet") for name in TRACKED_TABLES}
    note = changes_markdown(release_changes(previous_release, tables), package["version"], release_version(previous_release))
    return {
        CODEBOOK_MARKDOWN: codebook.encode("utf-8"),
        CODEBOOK_HTML: codebook_html(codebook).encode("utf-8"),
        CROISSANT: (json.dumps(croissant, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        RELEASE_NOTE: note.encode("utf-8"),
    }
