"""Every id in the dataset comes from here: content hashes and canonical keys, never order or time."""

from __future__ import annotations

import hashlib

ID_LENGTH = 16


def stable_id(*parts: object) -> str:
    """Hex digest of the parts joined by a unit separator: the same parts give the same id anywhere.

    >>> stable_id("SCO", "2020-05-13") == stable_id("SCO", "2020-05-13")
    True
    """
    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:ID_LENGTH]


def content_sha256(raw: bytes) -> str:
    """sha256 of raw bytes, hex."""
    return hashlib.sha256(raw).hexdigest()


def doc_id_for(raw: bytes) -> str:
    """A document's id: the first hex digits of its raw content hash (identical bytes, one document)."""
    return content_sha256(raw)[:ID_LENGTH]
