"""curated/croissant.json: Croissant 1.1 metadata of a release, from the shared field list and datapackage.json.

One FileObject per Parquet file (path and sha256 from datapackage.json), one RecordSet per table whose fields
extract the file's columns. `croissant_issues` runs mlcroissant's own validation on the result.
"""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path
from typing import Any

from pipeline.publish.fields import Column, Table, dataset_tables

CROISSANT_CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
PARQUET_MEDIA_TYPE = "application/x-parquet"

# the @context mlcroissant writes for Croissant 1.1 documents
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "sc": "https://schema.org/",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileObject": "cr:fileObject",
    "fileProperty": "cr:fileProperty",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

_DATA_TYPES = {"string": "sc:Text", "int16": "cr:Int16", "int32": "cr:Int32", "int64": "cr:Int64",
               "date32[day]": "sc:Date", "bool": "sc:Boolean"}


def croissant_data_type(column: Column) -> str:
    """Croissant dataType of a column (of its elements for a list column)."""
    arrow_type = column.arrow_type
    if column.is_list:
        arrow_type = arrow_type.removeprefix("list<item: ").removesuffix(">")
    if arrow_type.startswith("timestamp"):
        return "sc:DateTime"
    return _DATA_TYPES[arrow_type]


def _field(table: Table, column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{table.name}/{column.name}",
        "name": column.name,
        "description": column.description,
        "dataType": croissant_data_type(column),
        "source": {"fileObject": {"@id": f"{table.name}.parquet"}, "extract": {"column": column.name}},
    }
    if column.is_list:
        field["cr:isArray"] = True
    references = {source: (target, target_column) for source, target, target_column in table.foreign_keys}
    if column.name in references:
        target, target_column = references[column.name]
        field["references"] = {"field": {"@id": f"{target}/{target_column}"}}
    return field


def croissant_metadata(package: dict[str, Any]) -> dict[str, Any]:
    """The Croissant JSON-LD of a release described by its datapackage.json descriptor."""
    resources = {r["name"]: r for r in package["resources"]}
    tables = [t for t in dataset_tables() if t.name in resources]
    license_path = package["licenses"][0]["path"] if package.get("licenses") else None
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "name": package["name"],
        "description": package["description"],
        "conformsTo": CROISSANT_CONFORMS_TO,
        "citeAs": f"{package['title']}, dataset version {package['version']} (schema {package['schema_version']}, "
                  f"code {package['code_version']}).",
        **({"license": license_path} if license_path else {}),
        # Croissant wants a semantic version: the schema version, with the dataset version as build metadata
        "version": f"{package['schema_version']}+{package['version']}",
        "cr:schemaVersion": package["schema_version"],
        "cr:codeVersion": package["code_version"],
        "distribution": [
            {"@type": "cr:FileObject", "@id": resources[t.name]["path"], "name": resources[t.name]["path"],
             "description": f"{t.name}: {t.row}", "contentUrl": resources[t.name]["path"],
             "contentSize": f"{resources[t.name]['bytes']} B", "encodingFormat": PARQUET_MEDIA_TYPE,
             "sha256": str(resources[t.name]["hash"]).removeprefix("sha256:")}
            for t in tables
        ],
        "recordSet": [
            {"@type": "cr:RecordSet", "@id": t.name, "name": t.name, "description": t.row,
             "key": [{"@id": f"{t.name}/{column}"} for column in t.primary_key],
             "field": [_field(t, column) for column in t.columns]}
            for t in tables
        ],
    }


def croissant_issues(metadata: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(errors, warnings) that mlcroissant reports for the metadata; a valid file has no errors."""
    import mlcroissant as mlc  # heavy import, needed only when a release is written or checked

    absl = logging.getLogger("absl")
    level = absl.level
    absl.setLevel(logging.ERROR)  # mlcroissant logs every warning it returns; they come back to the caller instead
    try:
        return _validate(mlc, metadata)
    finally:
        absl.setLevel(level)


def _validate(mlc: Any, metadata: dict[str, Any]) -> tuple[list[str], list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "croissant.json"
        path.write_text(json.dumps(metadata), encoding="utf-8")
        try:
            dataset = mlc.Dataset(jsonld=path)
        except mlc.ValidationError as error:
            return [str(error)], []
        issues = dataset.metadata.issues
        return sorted(issues.errors), sorted(issues.warnings)
