"""The codebook: every table and column (type, allowed values, meaning) and the decision rules, as Markdown and HTML.

The repository keeps `docs/codebook.md` (no release figures, so it changes only when the schemas or rules do);
each release carries `codebook.html` with its versions and row counts. Regenerate the repository copy with
`python -m pipeline.publish.codebook docs/codebook.md` (`make codebook`).
"""

from __future__ import annotations

import html
import sys
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from pipeline.datapackage import PACKAGE_NAME
from pipeline.publish.decisions import DECISION_RULES
from pipeline.publish.fields import Column, Table, dataset_tables
from schemas import SCHEMA_VERSION

TITLE = "Codebook: diplomatic meetings, attendees and proposals"


def _cell(text: str) -> str:
    """Markdown table cells cannot hold a pipe or a line break; `<doc_id>` must not read as an HTML tag."""
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def allowed_values_text(column: Column) -> str:
    """What a column may hold beyond its type, in words: `a`, `b` / pattern / minimum, and uniqueness."""
    parts = []
    if column.allowed_values:
        prefix = "each element one of " if column.is_list else ""
        parts.append(prefix + ", ".join(f"`{v}`" for v in column.allowed_values))
    if column.pattern:
        parts.append(f"matches `{column.pattern}`")
    if column.minimum is not None:
        parts.append(f"≥ {column.minimum}")
    if column.unique:
        parts.append("unique")
    return "; ".join(parts) or "any"


def _table_section(table: Table, rows: int | None) -> list[str]:
    lines = [f"## `{table.name}`", "", table.row, ""]
    lines.append(f"- primary key: {', '.join(f'`{c}`' for c in table.primary_key)}")
    for column, target, target_column in table.foreign_keys:
        lines.append(f"- `{column}` refers to `{target}.{target_column}`")
    if rows is not None:
        lines.append(f"- rows in this release: {rows}")
    lines += ["", "| column | type | null allowed | allowed values | meaning |", "|---|---|---|---|---|"]
    for column in table.columns:
        lines.append(f"| `{column.name}` | {column.arrow_type} | {'yes' if column.nullable else 'no'} | "
                     f"{_cell(allowed_values_text(column))} | {_cell(column.description)} |")
    rules = [rule.question for rule in DECISION_RULES if table.name in rule.tables]
    if rules:
        lines += ["", "Decision rules: " + "; ".join(f"[{q}](#{_anchor(q)})" for q in rules)]
    return lines + [""]


def _anchor(heading: str) -> str:
    """The id `_heading_ids` gives a heading, so that links work in the HTML as in a Markdown viewer."""
    return "".join(c if c.isalnum() or c == "_" else "-" for c in heading.lower()).strip("-").replace("--", "-")


def _rules_section() -> list[str]:
    lines = ["## Decision rules for ambiguous cases", ""]
    for rule in DECISION_RULES:
        lines += [f"### {rule.question}", "", f"Tables: {', '.join(f'`{t}`' for t in rule.tables)}.", "", rule.rule, "",
                  "Worked example:", "", f"> {rule.example_text}", "", f"→ {rule.example_rows}", ""]
    return lines


def _release_section(package: dict[str, Any]) -> list[str]:
    return [
        "## This release", "",
        f"- dataset version: `{package['version']}` (a hash of the table files: the same data has the same version)",
        f"- schema version: `{package.get('schema_version', SCHEMA_VERSION)}`",
        f"- code version: `{package.get('code_version', '')}` (a hash of the extraction rules that made it)",
        "- files: " + ", ".join(f"`{r['path']}`" for r in package["resources"])
        + ", `datapackage.json`, `croissant.json`, `CHANGES.md`", "",
    ]


def codebook_markdown(package: dict[str, Any] | None = None) -> str:
    """The codebook as Markdown; with a datapackage.json descriptor it also states that release's versions and rows."""
    rows = {r["name"]: r.get("rows") for r in package["resources"]} if package else {}
    tables = dataset_tables()
    lines = [f"# {TITLE}", "",
             f"Dataset `{PACKAGE_NAME}`, schema version `{SCHEMA_VERSION}`. Every table is a Parquet file in `curated/`; "
             "ids are stable across runs and releases (they come from content hashes and canonical keys). Types are "
             "Arrow types. This file is generated from the Pandera schemas in `schemas/` and the decision rules in "
             "`pipeline/publish/decisions.py`; do not edit it by hand.", ""]
    if package:
        lines += _release_section(package)
    lines += ["## Tables", "", "| table | one row per | primary key |", "|---|---|---|"]
    lines += [f"| [`{t.name}`](#{t.name}) | {_cell(t.row)} | {', '.join(t.primary_key)} |" for t in tables]
    lines.append("")
    for table in tables:
        lines += _table_section(table, rows.get(table.name))
    lines += _rules_section()
    lines += ["## Versions", "",
              "`datapackage.json` carries three versions: `version` (the dataset: a hash of the table files), "
              "`schema_version` (this codebook's tables and columns; a renamed or dropped column bumps the major "
              "number) and `code_version` (the extraction rules). Cite the dataset version. `CHANGES.md` lists the "
              "meetings, attendees and proposals added, changed and removed since the previous release, by id; "
              "`croissant.json` describes the same fields as Croissant metadata.", ""]
    return "\n".join(lines)


STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1d2330; }
table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { border: 1px solid #ccd; padding: .25rem .5rem;
vertical-align: top; text-align: left; } th { background: #eef0f5; } code { background: #f3f4f7; padding: 0 .2em; }
blockquote { margin: .5rem 0; padding: .25rem 1rem; border-left: 4px solid #9ab; background: #f7f9fb; }
h2 { border-bottom: 1px solid #ccd; margin-top: 2.5rem; }
"""


def _heading_ids(markdown: MarkdownIt) -> None:
    """Give every heading the id a Markdown viewer would, so the codebook's internal links work in the HTML too."""
    def heading_open(renderer, tokens, index, options, env):  # noqa: ANN001, ANN202 - markdown-it renderer signature
        inline = tokens[index + 1]
        text = "".join(child.content for child in inline.children or [])
        tokens[index].attrSet("id", _anchor(text))
        return renderer.renderToken(tokens, index, options, env)
    markdown.add_render_rule("heading_open", heading_open)


def codebook_html(markdown_text: str) -> str:
    """A self-contained HTML page (no scripts, no external resources) of the Markdown codebook."""
    markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
    _heading_ids(markdown)
    body = markdown.render(markdown_text)
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(TITLE)}</title>"
            f"<style>{STYLE}</style></head><body>\n{body}</body></html>\n")


def main(argv: list[str]) -> int:
    """Write the repository codebook (no release figures) to the path given."""
    target = Path(argv[1] if len(argv) > 1 else "docs/codebook.md")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(codebook_markdown(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
