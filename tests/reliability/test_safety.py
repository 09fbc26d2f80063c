"""Safety: the UI listens on localhost only, inputs are data (never code or paths), and errors never print an article."""

from __future__ import annotations

import ast
import hashlib
import re
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from pipeline.schema_errors import TableInvalid
from pipeline.validation import validated_frame
from schemas import polars_dtypes
from schemas.documents import SegmentsSchema

from .support import ARTICLE, PROJECT_ROOT, failed_checks, run_graph

CODE_FOLDERS = ("pipeline", "schemas")
# calls that would run, load or hand to a shell whatever an input contains
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "pickle.load", "pickle.loads", "marshal.load", "marshal.loads",
                   "shelve.open", "yaml.load", "yaml.unsafe_load", "os.system", "os.popen", "dill.load", "dill.loads",
                   "cloudpickle.load", "cloudpickle.loads", "pd.read_pickle", "joblib.load"}
HOSTILE_TEXTS = {
    "code.txt": "__import__('os').system('touch PWNED')\n{{ 7*7 }} ${HOME} $(touch PWNED) `touch PWNED`\n" + ARTICLE,
    "paths.txt": "See ../../../../etc/passwd and /etc/shadow and file:///root/.ssh/id_rsa\n" + ARTICLE.replace("May 13", "May 14"),
    "pickle.txt": "\x80\x04\x95 cos\nsystem\n(S'touch PWNED'\ntR.",
}


def _ui_recipe() -> str:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^ui:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert match, "the Makefile has a ui target"
    return match.group(1)


def test_ui_binds_to_localhost_by_default() -> None:
    recipe = _ui_recipe()
    assert "dagster dev" in recipe
    assert re.search(r"(?:-h|--host)\s+127\.0\.0\.1\b", recipe), recipe
    assert "0.0.0.0" not in recipe


def _called_names(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                names.add(f"{func.value.id}.{func.attr}")
            if any(k.arg == "shell" and isinstance(k.value, ast.Constant) and k.value.value is True for k in node.keywords):
                names.add("subprocess(shell=True)")
    return names


def test_no_code_evaluates_or_unpickles_anything() -> None:
    offenders = {}
    for folder in CODE_FOLDERS:
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            found = _called_names(ast.parse(path.read_text(encoding="utf-8"))) & (FORBIDDEN_CALLS | {"subprocess(shell=True)"})
            if found:
                offenders[str(path.relative_to(PROJECT_ROOT))] = sorted(found)
    assert offenders == {}


def test_the_scan_finds_a_forbidden_call() -> None:
    assert "eval" in _called_names(ast.parse("x = eval(text)"))
    assert "pickle.loads" in _called_names(ast.parse("import pickle\npickle.loads(data)"))


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_hostile_inputs_stay_data_and_nothing_is_written_outside_the_data_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, text in HOSTILE_TEXTS.items():
        (sources / name).write_text(text, encoding="utf-8")
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    before = _tree_digest(sources)
    data = tmp_path / "data"
    result = run_graph(sources, data)
    assert result.success and not failed_checks(result)
    assert _tree_digest(sources) == before, "the source folder is read-only to the pipeline"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cwd", "data", "sources"] and not any(work.iterdir())
    assert not list(tmp_path.rglob("PWNED")) and not list(tmp_path.rglob("*.pkl")) and not list(tmp_path.rglob("*.pickle"))
    for table in ("documents", "rejected_documents"):
        for source_path in pq.read_table(data / "curated" / f"{table}.parquet").column("source_path").to_pylist():
            assert not Path(source_path).is_absolute() and ".." not in Path(source_path).parts


def test_rejection_details_never_quote_the_file(tmp_path: Path) -> None:
    from pipeline.ingest import scan_sources

    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(ARTICLE)
    (sources / "b.txt").write_text(ARTICLE)
    (sources / "c.txt").write_bytes(ARTICLE.encode() + b"\x00" * 40)
    (sources / "d.txt").write_text(ARTICLE.replace("\n", " ") * 400)
    details = " ".join(d for d in scan_sources(sources, 10_000_000).get_column("detail").to_list() if d)
    assert len(details) > 100 and ARTICLE[50:90] not in details and "Wang Yi" not in details


def test_schema_failure_names_columns_without_printing_the_article() -> None:
    article = "A paragraph of the article that must never appear whole in an error message. " * 30
    rows = [{"doc_id": "d", "segment_id": "d:p0", "kind": "paragraph", "paragraph_index": 0, "sentence_index": None,
             "start": 10, "end": 5, "text": article},
            {"doc_id": "d", "segment_id": "d:p1", "kind": "chapter", "paragraph_index": 1, "sentence_index": None,
             "start": 0, "end": 5, "text": article}]
    with pytest.raises(TableInvalid) as invalid:
        validated_frame(pl.DataFrame(rows, schema=polars_dtypes("segments")), SegmentsSchema)
    message = str(invalid.value)
    assert "kind" in message and "end_after_start" in message and "'chapter'" in message
    assert article[:120] not in message and len(message) < 1_000
