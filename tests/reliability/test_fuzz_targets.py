"""The atheris targets of `make fuzz` accept the seed corpus: the harness itself cannot rot between fuzzing sessions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

# imported before the targets, so that atheris does not instrument them again (instrumenting costs ~15 s, not a check)
import pipeline.extract.document  # noqa: F401
import pipeline.stages  # noqa: F401
import pipeline.text.decode  # noqa: F401
from pipeline.text.decode import DecodedText

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"fuzz_{name}", FUZZ / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    folder = tmp_path_factory.mktemp("corpus")
    _load("seed_corpus").main(folder)
    return [path.read_bytes() for path in sorted(folder.iterdir())]


@pytest.mark.parametrize("target", ["fuzz_decode", "fuzz_text"])
def test_fuzz_target_runs_on_the_seed_corpus(target: str, corpus: list[bytes]) -> None:
    pytest.importorskip("atheris")
    module = _load(target)
    for data in [*corpus, b"", b"\x00\xff" * 10, "\u202e\u0301 13 May 2024 \ud7ff".encode()]:
        module.test_one_input(data)


def test_fuzz_target_reports_a_broken_property() -> None:
    pytest.importorskip("atheris")
    module = _load("fuzz_decode")
    module.decode_source = lambda data: DecodedText(text=None, encoding=None, reason="bogus", detail=None)
    with pytest.raises(AssertionError):
        module.test_one_input(b"anything")
