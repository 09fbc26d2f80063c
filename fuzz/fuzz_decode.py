"""Coverage-guided fuzzing of decoding and ingest: any bytes become text or a rejection, never an exception.

Run: python fuzz/fuzz_decode.py -max_total_time=60 fuzz/corpus/decode   (or `make fuzz FUZZ_SECONDS=60`)
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from pipeline.text.decode import REJECT_EMPTY, REJECT_NOT_TEXT, REJECT_UNDECODABLE, decode_source

REASONS = {REJECT_EMPTY, REJECT_NOT_TEXT, REJECT_UNDECODABLE}


def test_one_input(data: bytes) -> None:
    decoded = decode_source(data)
    if decoded.text is None:
        assert decoded.reason in REASONS and decoded.detail, decoded
    else:
        assert decoded.reason is None and decoded.encoding, decoded
        assert "\x00" not in decoded.text


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
