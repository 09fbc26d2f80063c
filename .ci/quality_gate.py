"""Fail CI when the dev-corpus overall F1 drops more than the tolerance below the recorded floor.

    python .ci/quality_gate.py SCORER GOLD DATA_ROOT INPUTS FLOOR_FILE
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TOLERANCE = 0.02


def main() -> int:
    scorer, gold, data, inputs, floor_file = sys.argv[1:6]
    report = json.loads(subprocess.run([sys.executable, scorer, "--gold", gold, "--data", data, "--inputs", inputs, "--json"],
                                       check=True, capture_output=True, text=True).stdout)
    floor = float(Path(floor_file).read_text().split()[0])
    overall = report["overall_f1"]
    tables = {t: round(report[t]["f1"], 3) for t in ("meetings", "attendees", "proposals")}
    print(f"dev corpus: overall_f1={overall:.3f} (floor {floor:.3f}, tolerance {TOLERANCE}) {tables}")
    if overall < floor - TOLERANCE:
        print(f"quality gate FAILED: overall F1 {overall:.3f} is more than {TOLERANCE} below the floor {floor:.3f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
