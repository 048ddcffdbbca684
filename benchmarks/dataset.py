"""Dataset throughput: `colt-tui dataset` on a LocalCluster of 1 and of 2 worker processes, against
`colt-tui index` (the local process pool, all cores) on the same generated corpus, same run.

Each figure is wall clock from start to the summary (cluster start included for the dataset), into an
empty output each time; medians of --runs runs; MB/s counts the corpus's bytes.

Usage: python benchmarks/dataset.py CORPUS_FOLDER [--runs 3]
(make one with: python benchmarks/corpus.py /tmp/corpus400 -n 400 --labels 8000)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("corpus")
    options.add_argument("--runs", type=int, default=3)
    args = options.parse_args()
    corpus = Path(args.corpus)
    files = [p for p in corpus.iterdir() if p.is_file()]
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    script = [sys.executable, "-m", "tui"]
    runs: dict[str, list[float]] = {"colt-tui index (process pool, 2 cores)": [],
                                    "colt-tui dataset, LocalCluster 1 worker": [],
                                    "colt-tui dataset, LocalCluster 2 workers": []}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as scratch:
            cache = Path(scratch) / "index.sqlite3"
            runs["colt-tui index (process pool, 2 cores)"].append(timed(script + ["index", str(corpus), "--cache", str(cache)]))
            for workers in (1, 2):
                out = Path(scratch) / f"dataset{workers}"
                name = f"colt-tui dataset, LocalCluster {workers} worker{'s' if workers > 1 else ''}"
                runs[name].append(timed(script + ["dataset", str(corpus), "--out", str(out), "--workers", str(workers)]))
    print(f"corpus: {len(files)} files, {megabytes:.1f} MB; {args.runs} runs each, medians")
    for name, values in runs.items():
        median = statistics.median(values)
        print(f"{name:<44} {median:7.1f} s  {megabytes / median:5.2f} MB/s  {len(files) / median:6.1f} files/s  "
              f"({', '.join(f'{v:.1f}' for v in values)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
