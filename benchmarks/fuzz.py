"""Fuzz the parser: N generated inputs (default 100,000), count uncaught exceptions.

Run: python benchmarks/fuzz.py [--count 100000] [--seed 1] [--workers 2]

Inputs, in equal shares: random bytes through `load_filing`'s decoding path; random text over
a table-like alphabet; mutations of the sample filings (lines deleted, duplicated, shifted
sideways, tags removed, inserted or unbalanced, cut short), taken from a random window of
40-200 lines so that many inputs run quickly. Exits 1 if any input raised; prints the first
few tracebacks with the seed and index that reproduce them.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from parser import parse_text
from parser.text import decode_bytes, refuse_reason

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [p.read_text() for p in sorted((ROOT / "filings").glob("*.txt"))]
TAGS = ["<TABLE>", "</TABLE>", "<CAPTION>", "<S>   <C>   <C>", "<FN>", "</FN>", "<PAGE>", "<DOCUMENT>",
        "</DOCUMENT>", "<TEXT>", "</TEXT>", "<TYPE>10-Q", "<SEC-HEADER>", "</SEC-HEADER>", "[S] [C]"]
ALPHABET = "0123456789(),.-$%  \n\t<>/TABLESC=_|abcGBP'[]£—"


def _mutate(rng: random.Random) -> str:
    lines = rng.choice(SAMPLES).split("\n")
    start = rng.randrange(len(lines))
    lines = lines[start : start + rng.randint(40, 200)] or [""]
    for _ in range(rng.randint(1, 15)):
        index = rng.randrange(len(lines)) if lines else 0
        if not lines:
            lines = [""]
        operation = rng.randrange(8)
        if operation == 0:
            del lines[index]
        elif operation == 1:
            lines.insert(index, lines[rng.randrange(len(lines))])
        elif operation == 2:
            lines[index] = " " * rng.randint(1, 40) + lines[index]
        elif operation == 3:
            lines[index] = lines[index].replace("<TABLE>", "").replace("</TABLE>", "")
        elif operation == 4:
            lines.insert(index, rng.choice(TAGS))
        elif operation == 5:
            lines = lines[:index]
        elif operation == 6:
            lines[index] = lines[index][rng.randint(0, max(len(lines[index]) - 1, 0)):]
        else:
            lines[index] = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 90)))
    return "\n".join(lines)


def _input(seed: int, index: int) -> tuple[str, object]:
    rng = random.Random(seed * 1_000_003 + index)
    kind = index % 3
    if kind == 0:
        return "bytes", bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000)))
    if kind == 1:
        return "text", "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 2000)))
    return "mutation", _mutate(rng)


def _run_slice(seed: int, start: int, stop: int) -> tuple[int, list[str]]:
    failures: list[str] = []
    for index in range(start, stop):
        kind, data = _input(seed, index)
        try:
            if kind == "bytes":
                if refuse_reason(data) is None:  # type: ignore[arg-type]  # kind "bytes": bytes
                    parse_text(decode_bytes(data).text, f"fuzz-{index}")  # type: ignore[arg-type]
            else:
                parse_text(data, f"fuzz-{index}")
        except Exception:  # noqa: BLE001 - counted and reported, never hidden
            failures.append(f"seed {seed} index {index} ({kind}):\n{traceback.format_exc()}")
    return stop - start, failures


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=100_000)
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--workers", type=int, default=2)
    args = options.parse_args()
    started = time.perf_counter()
    step = 2_000
    done, failures = 0, []
    with ProcessPoolExecutor(args.workers) as pool:
        jobs = [pool.submit(_run_slice, args.seed, s, min(s + step, args.count)) for s in range(0, args.count, step)]
        for job in jobs:
            count, found = job.result()
            done += count
            failures.extend(found)
    elapsed = time.perf_counter() - started
    print(f"fuzzed {done:,} inputs (seed {args.seed}) in {elapsed:.0f} s: {len(failures)} uncaught exceptions")
    for failure in failures[:5]:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
