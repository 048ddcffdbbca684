"""This checkout against another one (the code before a change), interleaved in the same run.

    git worktree add /tmp/before d2c883e
    python benchmarks/corpus.py /tmp/corpus1k -n 1000 --labels 20000
    python benchmarks/before_after.py --before /tmp/before --corpus /tmp/corpus1k --runs 5

Each figure is taken in a fresh process whose `parser` and `tui` are the checkout's own (run from
its folder, with it first on PYTHONPATH), before and after alternating run by run, so that the
machine's load falls on both alike; the medians of the runs and their ratio are printed.

- parse: one file parsed --repeats times in a process, every cache of the parser's modules
  cleared before each parse (a repeated file costs what the first one did); the process
  reports the median CPU time of a parse (`process_time`: the machine is shared, and the
  wall clock of one parse swings twofold with the other work on it).
- build: `colt-tui index CORPUS` into an empty cache, both cores, wall clock.
- reopen: `colt-tui --cache CACHE CORPUS` in a pseudo-terminal to the filing list shown
  (COLT_TUI_READY), on the cache that checkout built.
- search: `index_scale.py`'s per-keystroke search over that cache, p95 of the first page.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from app_timing import run_timed

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PARSE = """
import statistics, sys, time
from parser import parse_text
path, repeats = sys.argv[1], int(sys.argv[2])
text = open(path, encoding="utf-8", errors="replace").read()
parse_text(text, "warm-up")  # imports every stage, so that every cache below is found
caches = {id(f): f for name, module in list(sys.modules.items()) if name.startswith("parser")
          for f in vars(module).values() if callable(getattr(f, "cache_clear", None))}.values()
times = []
for _ in range(repeats):
    for cache in caches:
        cache.cache_clear()
    started = time.process_time()
    parse_text(text, path.rsplit("/", 1)[-1])
    times.append(time.process_time() - started)
print(statistics.median(times))
"""


def checkout_env(tree: Path) -> dict:
    """The environment that makes a process import `parser` and `tui` from `tree`."""
    return dict(os.environ, PYTHONPATH=str(tree))


@contextmanager
def inside(tree: Path):
    """Run from the checkout's folder (`python -m tui` puts the current folder first on the path)."""
    saved, previous = os.getcwd(), os.environ.get("PYTHONPATH")
    os.chdir(tree)
    os.environ["PYTHONPATH"] = str(tree)
    try:
        yield
    finally:
        os.chdir(saved)
        if previous is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = previous


def parse_seconds(tree: Path, path: Path, repeats: int) -> float:
    """Median seconds of one parse of `path` by the checkout's parser."""
    done = subprocess.run([sys.executable, "-c", PARSE, str(path), str(repeats)], cwd=tree, env=checkout_env(tree),
                          capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


def build_seconds(tree: Path, corpus: Path, cache: Path) -> float:
    """Wall seconds of `colt-tui index` into an empty cache."""
    for side in (cache, Path(f"{cache}-wal"), Path(f"{cache}-shm")):
        side.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui", "index", str(corpus), "--cache", str(cache)], cwd=tree,
                   env=checkout_env(tree), capture_output=True, check=True)
    return time.perf_counter() - started


def reopen_seconds(tree: Path, corpus: Path, cache: Path) -> float:
    """Process start to the filing list shown, from a built cache."""
    with inside(tree):
        seconds, _rss = run_timed([sys.executable, "-m", "tui", "--cache", str(cache), str(corpus)], "COLT_TUI_READY")
    return seconds


def search_p95(tree: Path, corpus: Path, cache: Path) -> float:
    """p95 milliseconds per keystroke to the first page of hits (index_scale.py's queries, one pass)."""
    done = subprocess.run([sys.executable, str(HERE / "index_scale.py"), str(corpus), "--cache", str(cache), "--runs", "1",
                           "--skip", "warm,app,facts"], cwd=tree, env=checkout_env(tree), capture_output=True, text=True,
                          check=True)
    return float(re.search(r"first page p50 [\d.]+ ms, p95 ([\d.]+) ms", done.stdout).group(1)) / 1000  # type: ignore[union-attr]  # check=True: it ran


def report(name: str, before: list[float], after: list[float], unit: str = "s", scale: float = 1.0) -> None:
    """One line: both medians, the runs, and how many times faster `after` is."""
    b, a = statistics.median(before), statistics.median(after)

    def runs(values: list[float]) -> str:
        return ", ".join(f"{value * scale:.3g}" for value in values)

    print(f"{name}: before {b * scale:.3g} {unit} ({runs(before)}), after {a * scale:.3g} {unit} ({runs(after)}), "
          f"{b / a:.2f}x", flush=True)


def main(argv=None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--before", required=True, help="the other checkout (a git worktree)")
    options.add_argument("--after", default=str(ROOT), help="this checkout by default")
    options.add_argument("--corpus", help="a folder from corpus.py: index build, reopen and search")
    options.add_argument("--files", nargs="*", default=["filings/001_e47b350a37731711.txt",
                                                        "tests/fixtures/extra/10_microsoft-10k-1995.txt"])
    options.add_argument("--runs", type=int, default=5)
    options.add_argument("--repeats", type=int, default=10, help="parses per process")
    options.add_argument("--work", default="/tmp/colt-tui-before-after")
    options.add_argument("--skip", default="", help="comma list of: parse,build,reopen,search")
    args = options.parse_args(argv)
    trees = {"before": Path(args.before).resolve(), "after": Path(args.after).resolve()}
    skip, work = set(args.skip.split(",")), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    print(f"before {trees['before']}, after {trees['after']}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)
    if "parse" not in skip:
        for name in args.files:
            times: dict[str, list[float]] = {"before": [], "after": []}
            for _ in range(args.runs):
                for side, tree in trees.items():
                    times[side].append(parse_seconds(tree, (ROOT / name).resolve(), args.repeats))
            report(f"parse {Path(name).name} ({(ROOT / name).stat().st_size / 1024:.1f} KiB)", times["before"],
                   times["after"], "ms", 1000)
    if not args.corpus:
        return 0
    corpus = Path(args.corpus).resolve()
    caches = {side: work / f"{side}.sqlite3" for side in trees}
    for figure, measure in (("build", build_seconds), ("reopen", reopen_seconds), ("search", search_p95)):
        if figure in skip:
            continue
        times = {"before": [], "after": []}
        for _ in range(args.runs):
            for side, tree in trees.items():
                times[side].append(measure(tree, corpus, caches[side]))
        unit, scale = ("ms", 1000) if figure == "search" else ("s", 1.0)
        report(f"{figure} ({corpus.name})", times["before"], times["after"], unit, scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
