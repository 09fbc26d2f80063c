"""Child process of the fault tests: publish a release of synthetic tables, optionally under a file-size limit.

Usage: python publish_child.py DATA_ROOT SEED ROWS [FSIZE_LIMIT_BYTES]
Prints "ready" just before publishing, then "published <version>" or "error <message>".
"""

from __future__ import annotations

import resource
import signal
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliability.tables import synthetic_tables  # noqa: E402

from pipeline.release import publish_release  # noqa: E402


def main() -> None:
    data_root, seed, rows = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    tables = synthetic_tables(seed, rows)
    if len(sys.argv) > 4:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # exceeding the limit then fails the write with EFBIG
        limit = int(sys.argv[4])
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    print("ready", flush=True)
    try:
        release = publish_release(tables, data_root, "code")
    except OSError as error:
        print(f"error {error}", flush=True)
        sys.exit(3)
    print(f"published {release.name}", flush=True)


if __name__ == "__main__":
    main()
