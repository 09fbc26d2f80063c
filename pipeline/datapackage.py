"""curated/datapackage.json: a Frictionless Data Package (v2) descriptor built from the schemas and the written files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow as pa

from schemas import FOREIGN_KEYS, PRIMARY_KEYS, SCHEMA_VERSION, TABLES
from schemas.arrow import arrow_schema

PACKAGE_NAME = "diplomatic-meetings"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
TABLE_SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}


def frictionless_type(data_type: pa.DataType) -> str:
    """Table Schema field type of an Arrow type."""
    if pa.types.is_string(data_type):
        return "string"
    if pa.types.is_integer(data_type):
        return "integer"
    if pa.types.is_date(data_type):
        return "date"
    if pa.types.is_timestamp(data_type):
        return "datetime"
    if pa.types.is_list(data_type):
        return "array"
    if pa.types.is_boolean(data_type):
        return "boolean"
    return "any"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def resource_descriptor(table: str, path: Path, rows: int) -> dict[str, object]:
    """One resource: path, bytes, sha256 hash, row count, schema fields with types and descriptions, keys."""
    fields = [
        {"name": field.name, "type": frictionless_type(field.type),
         "description": (field.metadata or {}).get(b"description", b"").decode(),
         **({"arrowType": str(field.type)}),
         **({"constraints": {"required": True}} if not field.nullable else {})}
        for field in arrow_schema(table)
    ]
    schema: dict[str, object] = {"$schema": TABLE_SCHEMA_PROFILE, "fields": fields, "primaryKey": PRIMARY_KEYS[table]}
    if table in FOREIGN_KEYS:
        schema["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": target, "fields": [target_column]}}
            for column, target, target_column in FOREIGN_KEYS[table]
        ]
    return {
        "$schema": RESOURCE_PROFILE,
        "name": table,
        "type": "table",
        "path": path.name,
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "bytes": path.stat().st_size,
        "hash": f"sha256:{file_sha256(path)}",
        "rows": rows,
        "description": (TABLES[table].__doc__ or "").strip().splitlines()[0],
        "schema": schema,
    }


def package_descriptor(resources: list[dict[str, object]], version: str, code_version: str) -> dict[str, object]:
    """The whole descriptor; `version` is the dataset version (a hash of the table contents)."""
    return {
        "$schema": PROFILE,
        "name": PACKAGE_NAME,
        "title": "Diplomatic meetings, attendees and proposals",
        "description": "Meetings, attendees and proposals extracted from English news articles and official readouts, "
                       "each row traceable to the text span it came from.",
        "version": version,
        "schema_version": SCHEMA_VERSION,
        "code_version": code_version,
        "licenses": [LICENSE],
        "resources": resources,
    }
