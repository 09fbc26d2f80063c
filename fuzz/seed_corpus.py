"""Fill a fuzzing corpus folder with the bundled seed articles and a few awkward encodings, so fuzzing starts from real text."""

from __future__ import annotations

import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
EXTRA = {
    "utf16.txt": "Wang Yi met Lavrov in Moscow on Tuesday.".encode("utf-16"),
    "gb18030.txt": "北京5月13日电 外交部长王毅出席会议。".encode("gb18030"),
    "cp1252.txt": "\u201cWe agree,\u201d he said \u2014 on 13 May.".encode("cp1252"),
    "html.txt": b"<!DOCTYPE html><html><head><title>Talks</title></head><body><p>Ministers met on Monday.</p></body></html>",
    "empty.txt": b"",
}


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.iterdir()):
        (folder / f"seed-{seed.name}").write_bytes(seed.read_bytes())
    for name, data in EXTRA.items():
        (folder / name).write_bytes(data)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
