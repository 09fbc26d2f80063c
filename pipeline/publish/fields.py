"""One field list for every description of the dataset: the codebook and the Croissant file are both built from it.

It is read from the Pandera schemas (names, meanings, checks) and their Arrow types (`schemas.arrow`), the
same source `datapackage.json` is written from, so the three documents cannot disagree on a column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.datapackage import frictionless_type
from pipeline.extract.model import TOPICS
from schemas import FOREIGN_KEYS, PRIMARY_KEYS, TABLES
from schemas.arrow import arrow_schema

# list columns whose elements come from a closed vocabulary (a dataframe check, not a column check, enforces it)
ELEMENT_VOCABULARIES: dict[tuple[str, str], tuple[str, ...]] = {("proposals", "topics"): TOPICS}


@dataclass(frozen=True)
class Column:
    """One column of a published table as a reader needs it."""

    name: str
    arrow_type: str
    value_type: str  # Frictionless Table Schema type: string, integer, date, datetime, array
    nullable: bool
    unique: bool
    description: str
    allowed_values: tuple[str, ...] = ()
    pattern: str | None = None
    minimum: int | None = None

    @property
    def is_list(self) -> bool:
        return self.arrow_type.startswith("list<")


@dataclass(frozen=True)
class Table:
    """One published table: what a row is, its key, its references and its columns in file order."""

    name: str
    row: str
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...]
    columns: tuple[Column, ...] = field(default_factory=tuple)


def _column(table: str, name: str, pandera_column: object, arrow_field: object) -> Column:
    allowed: tuple[str, ...] = ELEMENT_VOCABULARIES.get((table, name), ())
    pattern, minimum = None, None
    for check in pandera_column.checks:
        statistics = check.statistics or {}
        if check.name == "isin":
            allowed = tuple(str(v) for v in statistics["allowed_values"])
        elif check.name == "str_matches":
            pattern = str(statistics["pattern"])
        elif check.name == "greater_than_or_equal_to":
            minimum = int(statistics["min_value"])
    return Column(
        name=name, arrow_type=str(arrow_field.type), value_type=frictionless_type(arrow_field.type),
        nullable=bool(pandera_column.nullable), unique=bool(pandera_column.unique),
        description=pandera_column.description or "", allowed_values=allowed, pattern=pattern, minimum=minimum,
    )


def dataset_tables() -> list[Table]:
    """Every published table in the registry's order, with its columns."""
    tables = []
    for name, model in TABLES.items():
        pandera_columns = model.to_schema().columns
        arrow_fields = {f.name: f for f in arrow_schema(name)}
        tables.append(Table(
            name=name,
            row=(model.__doc__ or "").strip().splitlines()[0],
            primary_key=tuple(PRIMARY_KEYS[name]),
            foreign_keys=tuple(FOREIGN_KEYS.get(name, [])),
            columns=tuple(_column(name, column, pandera_columns[column], arrow_fields[column]) for column in pandera_columns),
        ))
    return tables
