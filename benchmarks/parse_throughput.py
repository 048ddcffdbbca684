"""Parse throughput in MB/s over filings/ repeated to about 50 MB, on one core.

Run: python benchmarks/parse_throughput.py [--target-mb 50] [--runs 5]

Each run parses every sample filing in turn until the target volume is reached and reports
MB/s; the median of the runs is printed with the spread, and a per-filing breakdown shows
where the time goes (prose-only filings against the table-dense results release). Every
cache of the parser's modules is cleared before every filing, so a repeated file is
parsed as cold as the first time.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

from parser import parse_text

ROOT = Path(__file__).resolve().parents[1]


def _clear_caches() -> None:
    """Empty every cache of the parser's modules (their functions with `cache_clear`)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("parser"):
            for function in vars(module).values():
                if callable(getattr(function, "cache_clear", None)):
                    function.cache_clear()


def _run(texts: list[tuple[str, str]], target_bytes: int) -> float:
    done = 0
    started = time.perf_counter()
    while done < target_bytes:
        for name, text in texts:
            _clear_caches()
            parse_text(text, name)
            done += len(text.encode())
    return done / (time.perf_counter() - started) / 1e6


def _per_filing(texts: list[tuple[str, str]], repeats: int = 20) -> None:
    for name, text in texts:
        times = []
        for _ in range(repeats):
            _clear_caches()
            started = time.perf_counter()
            parse_text(text, name)
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        print(f"  {name}: {len(text.encode()) / 1024:.1f} KiB, {median * 1000:.2f} ms, "
              f"{len(text.encode()) / median / 1e6:.1f} MB/s")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--target-mb", type=float, default=50.0)
    options.add_argument("--runs", type=int, default=5)
    args = options.parse_args()
    texts = [(p.name, p.read_text()) for p in sorted((ROOT / "filings").glob("*.txt"))]
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}")
    rates = [_run(texts, int(args.target_mb * 1e6)) for _ in range(args.runs)]
    print(f"parse throughput over {args.target_mb:.0f} MB: median {statistics.median(rates):.2f} MB/s "
          f"(runs: {', '.join(f'{r:.2f}' for r in rates)})")
    print("per filing (median of 20):")
    _per_filing(texts)


if __name__ == "__main__":
    main()
