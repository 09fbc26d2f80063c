"""Every file under the source folder becomes a document or a rejection with a reason a person can act on.

Pure apart from reading files: no Dagster. Unchanged files (same path, size and mtime as in the previous
manifest) are not read again, so a refresh costs a stat per file plus the work on what changed.
"""

from __future__ import annotations

import os
import re
import stat as stat_module
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.ids import content_sha256, doc_id_for
from pipeline.text.decode import decode_source

SOURCE_FILE_DTYPES: dict[str, pl.DataType] = {
    "source_path": pl.String(),
    "size": pl.Int64(),
    "mtime_ns": pl.Int64(),
    "doc_id": pl.String(),
    "content_sha256": pl.String(),
    "encoding": pl.String(),
    "status": pl.String(),  # "document", or the rejection reason
    "detail": pl.String(),
    "text": pl.String(),
}
# 20 times the longest news article (< 200 KB), with room for an HTML page's scripts; extraction is near-linear
# (about 8 s per MB of text on one core), so the largest accepted file takes well under a minute
DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024


# kinds of listed entries besides regular files; none of them is ever opened
KIND_FILE = "file"
KIND_FOLDER_LINK = "folder_link"
KIND_SPECIAL = "special"
KIND_BROKEN_LINK = "broken_link"
KIND_UNREADABLE_FOLDER = "unreadable_folder"
# rejection reasons that depend only on a file's bytes (and the rules code), so a cached row stays right
CONTENT_STATUSES = frozenset({"document", "empty", "not_text", "undecodable", "line_too_long"})
# no paragraph of a news article comes near this; a longer line is a data dump that would make the text stages
# spend minutes on one file, so it is refused with a reason instead
MAX_LINE_CHARS = 100_000
LINE_BREAK_RE = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


@dataclass(frozen=True)
class FileStat:
    """Where a file is and what it looked like when listed."""

    source_path: str
    absolute: Path
    size: int
    mtime_ns: int
    outside_link: bool
    kind: str = KIND_FILE


def display_path(path: Path, root: Path) -> str:
    """The path relative to the source root, as valid UTF-8: bytes of a non-UTF-8 file name become \\xNN escapes."""
    text, prefix = str(path), str(root) + os.sep
    # below the root (every listed entry), the relative path is the string's tail: no path parsing per file
    relative = text[len(prefix):] if text.startswith(prefix) else path.relative_to(root).as_posix() if path != root else "."
    return os.fsencode(relative).decode("utf-8", "backslashreplace")


def _entry(path: Path, root: Path, listed_as_folder: bool) -> FileStat:
    """One listed entry: a regular file, a link (followed only to a regular file inside the root), or something never read."""
    relative = display_path(path, root)
    try:
        info = path.lstat()
    except OSError:
        return FileStat(relative, path, -1, -1, False)  # vanished since listing: read_source_file says unreadable
    if stat_module.S_ISLNK(info.st_mode):
        target = path.resolve()
        if not target.exists():
            return FileStat(relative, path, info.st_size, info.st_mtime_ns, False, KIND_BROKEN_LINK)
        outside = not target.is_relative_to(root)
        if listed_as_folder or target.is_dir():
            return FileStat(relative, path, info.st_size, info.st_mtime_ns, outside, KIND_FOLDER_LINK)
        if outside:
            return FileStat(relative, path, info.st_size, info.st_mtime_ns, True)
        info = target.stat()
    kind = KIND_FILE if stat_module.S_ISREG(info.st_mode) else KIND_SPECIAL
    return FileStat(relative, path, info.st_size, info.st_mtime_ns, False, kind)


def list_source_files(source_dir: Path) -> list[FileStat]:
    """Every entry below `source_dir` that is not a plain folder, sorted by relative path.

    Symbolic links are never followed out of the folder, links to folders are not followed at all, and
    named pipes, sockets and devices are listed (to be rejected) but never opened, because reading one
    can block for ever. A sub-folder that cannot be listed is itself an entry, so its files are not lost silently.
    """
    root = source_dir.resolve()
    found: list[FileStat] = []

    def unreadable_folder(error: OSError) -> None:
        folder = Path(error.filename) if error.filename else root
        found.append(FileStat(display_path(folder, root), folder, -1, -1, False, KIND_UNREADABLE_FOLDER))

    for folder, dirnames, filenames in os.walk(root, onerror=unreadable_folder, followlinks=False):
        links = [name for name in dirnames if (Path(folder) / name).is_symlink()]
        dirnames[:] = sorted(name for name in dirnames if name not in links)
        for name in links:
            found.append(_entry(Path(folder) / name, root, listed_as_folder=True))
        for name in filenames:
            found.append(_entry(Path(folder) / name, root, listed_as_folder=False))
    return sorted(found, key=lambda f: f.source_path)


def _row(stat: FileStat, status: str, detail: str | None = None, **fields: object) -> dict[str, object]:
    return {"source_path": stat.source_path, "size": stat.size, "mtime_ns": stat.mtime_ns, "doc_id": None,
            "content_sha256": None, "encoding": None, "status": status, "detail": detail, "text": None, **fields}


def _not_read(stat: FileStat) -> dict[str, object] | None:
    """The rejection of an entry that must not be opened, or None for a regular file."""
    name = stat.source_path
    if stat.kind == KIND_UNREADABLE_FOLDER:
        return _row(stat, "unreadable", f"the folder {name} could not be listed, so files in it were not read; check its permissions.")
    if stat.kind == KIND_FOLDER_LINK:
        where = "outside the source folder" if stat.outside_link else "inside the source folder"
        return _row(stat, "not_a_regular_file",
                    f"{name} is a symbolic link to a folder {where}; links to folders are not followed, copy the files instead.")
    if stat.kind == KIND_BROKEN_LINK:
        return _row(stat, "broken_link", f"{name} is a symbolic link to a file that does not exist; remove it or fix its target.")
    if stat.kind == KIND_SPECIAL:
        return _row(stat, "not_a_regular_file",
                    f"{name} is not a regular file (a named pipe, socket or device); only text files are read.")
    if stat.outside_link:
        return _row(stat, "symlink_outside_source",
                    f"{name} is a symbolic link to a file outside the source folder; copy the file into the folder instead.")
    return None


def _open_regular(stat: FileStat, root: Path | None) -> int:
    """A read-only descriptor of the file (or, for an inside link, of its target), refusing links swapped in meanwhile."""
    path = stat.absolute
    if path.is_symlink():
        path = path.resolve()
        if root is not None and not path.is_relative_to(root):
            raise PermissionError(1, "the link now points outside the source folder")
    return os.open(path, OPEN_FLAGS)


def read_source_file(stat: FileStat, max_bytes: int, root: Path | None = None) -> dict[str, object]:
    """Read and decode one file into a manifest row (status "document" or a rejection reason).

    Never raises for a bad file: whatever goes wrong becomes a rejection whose detail names the file and
    what to do, and never quotes the file's contents.
    """
    refused = _not_read(stat)
    if refused is not None:
        return refused
    if stat.size > max_bytes:
        return _row(stat, "too_large",
                    f"{stat.source_path} is {stat.size:,} bytes, over the {max_bytes:,}-byte limit; split it or raise PIPELINE_MAX_FILE_BYTES.")
    try:
        with os.fdopen(_open_regular(stat, root), "rb") as handle:
            before = os.fstat(handle.fileno())
            if not stat_module.S_ISREG(before.st_mode):
                return _row(stat, "not_a_regular_file", f"{stat.source_path} is not a regular file; only text files are read.")
            raw = handle.read(max_bytes + 1)
            after = os.fstat(handle.fileno())
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return _row(stat, "unreadable", f"{stat.source_path} could not be read ({reason}); check its permissions.")
    if len(raw) > max_bytes:
        return _row(stat, "too_large",
                    f"{stat.source_path} grew past the {max_bytes:,}-byte limit while being read; split it or raise PIPELINE_MAX_FILE_BYTES.")
    if len(raw) != stat.size or after.st_size != len(raw) or after.st_mtime_ns != stat.mtime_ns or before.st_mtime_ns != after.st_mtime_ns:
        return _row(stat, "changed_while_reading",
                    f"{stat.source_path} changed while it was being read; it will be picked up by the next run once it is complete.")
    try:
        decoded = decode_source(raw)
    except Exception as error:  # noqa: BLE001 - one strange file must not stop the run for the others
        return _row(stat, "undecodable", f"{stat.source_path} could not be decoded ({type(error).__name__}); re-save it as UTF-8 text.")
    if decoded.text is None:
        return _row(stat, decoded.reason or "undecodable", f"{stat.source_path}: {decoded.detail}")
    longest = max(len(line) for line in LINE_BREAK_RE.split(decoded.text))
    if longest > MAX_LINE_CHARS:
        return _row(stat, "line_too_long",
                    f"{stat.source_path} has a line of {longest:,} characters (the limit is {MAX_LINE_CHARS:,}); an article has "
                    "paragraphs, so break it into lines or check that it is an article at all.")
    return _row(stat, "document", None, doc_id=doc_id_for(raw), content_sha256=content_sha256(raw),
                encoding=decoded.encoding, text=decoded.text)


MANIFEST_CHUNK_ROWS = 2_000


def scan_sources(source_dir: Path, max_bytes: int, previous: pl.DataFrame | None = None) -> pl.DataFrame:
    """Manifest of the source folder: one row per file, reusing rows of files whose path, size and mtime are unchanged.

    Identical contents under several names are one document: the first path in sort order keeps it, the
    others get status "duplicate" naming it.
    """
    if not source_dir.is_dir():
        raise FileNotFoundError(f"source folder {source_dir} does not exist; set PIPELINE_SOURCE_DIR to a folder of article files")
    reusable: dict[tuple[str, int, int], dict[str, object]] = {}
    if previous is not None and previous.height:
        # only outcomes fixed by the bytes are reused: an unreadable file may have been fixed without touching its mtime
        for row in previous.filter(pl.col("status").is_in(sorted(CONTENT_STATUSES))).iter_rows(named=True):
            reusable[(row["source_path"], row["size"], row["mtime_ns"])] = row
    root = source_dir.resolve()
    owner: dict[str, str] = {}
    # rows become a frame a chunk at a time, so the texts are held once (in the frame), not also as Python rows
    chunks: list[pl.DataFrame] = [pl.DataFrame(schema=SOURCE_FILE_DTYPES)]
    rows: list[dict[str, object]] = []
    for stat in list_source_files(source_dir):
        cached = reusable.get((stat.source_path, stat.size, stat.mtime_ns)) if stat.kind == KIND_FILE else None
        row = dict(cached) if cached is not None and not stat.outside_link else read_source_file(stat, max_bytes, root)
        if row["status"] != "duplicate" and row["doc_id"] is not None:
            # files are listed in sort order, so the first path of a content keeps it
            first = owner.setdefault(str(row["doc_id"]), str(row["source_path"]))
            if first != row["source_path"]:
                row.update(status="duplicate", text=None,
                           detail=f"{row['source_path']} has the same contents as {first}, which is the one ingested; delete one copy.")
        rows.append(row)
        if len(rows) == MANIFEST_CHUNK_ROWS:
            chunks.append(pl.DataFrame(rows, schema=SOURCE_FILE_DTYPES))
            rows = []
    chunks.append(pl.DataFrame(rows, schema=SOURCE_FILE_DTYPES))
    return pl.concat(chunks, how="vertical", rechunk=True)


def rejected_rows(manifest: pl.DataFrame) -> pl.DataFrame:
    """rejected_documents: every file of the manifest that did not become a document."""
    return manifest.filter(pl.col("status") != "document").select("source_path", pl.col("status").alias("reason"), "detail")


def accepted_sources(manifest: pl.DataFrame) -> pl.DataFrame:
    """doc_id, source_path, content_sha256 and decoded text of every accepted document."""
    return manifest.filter(pl.col("status") == "document").select("doc_id", "source_path", "content_sha256", "text")
