"""Index and search at scale: build, warm refresh, reopen to interactive, first paint, search latency, RSS.

Run on a corpus from `benchmarks/corpus.py` (10,000 filings, 200,000+ unique labels):

    python benchmarks/corpus.py /tmp/corpus10k
    python benchmarks/index_scale.py /tmp/corpus10k [--runs 5] [--build-runs 1] [--verify]

Every figure is a median over --runs runs (the cold build over --build-runs, as it takes minutes).
The cache files go to --work (default /tmp/colt-tui-bench), never into the corpus folder. The app
timings spawn `colt-tui` in a 100x30 pseudo-terminal: first paint is COLT_TUI_FIRST_PAINT's stamp,
interactive is COLT_TUI_READY's (the list filled from the cache and painted). Peak RSS is GNU
time's maximum resident set of the largest process (the parent, or one pool worker).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from app_timing import run_timed

QUERIES = ["total assets", "turnover", "ebitda", "interest payable", "deferred tax", "cash at bank",
           "operating profit", "net debt", "share premium", "restructuring costs milan", "capex",
           "revenue", "senior notes series", "amortisation of goodwill", "trade creditors", "headcount",
           "provision for pension costs", "turnvoer", "minority interests", "loss per share"]


def colt(*args: str) -> list[str]:
    """The colt-tui command line."""
    script = Path(sys.executable).with_name("colt-tui")
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "tui", *args]


def timed(command: list[str]) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in MB, stdout) of a command, via GNU time; CPU seconds in `timed.cpu`."""
    with open(os.devnull, "w") as null:
        rss_file = Path(f"/tmp/colt-bench-rss-{os.getpid()}")
        started = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", str(rss_file), *command],
                                stdout=subprocess.PIPE, stderr=null, text=True)
        wall = time.perf_counter() - started
    user, system, rss = rss_file.read_text().split()[-3:]
    timed.cpu = float(user) + float(system)  # type: ignore[attr-defined]  # the function carries it
    return wall, int(rss) // 1024, result.stdout


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    from importlib.metadata import version

    return (f"{os.cpu_count()} cores ({cpu}), {platform.python_version()}, textual {version('textual')}, "
            f"rapidfuzz {version('rapidfuzz')}, load average {os.getloadavg()[0]:.2f}")


def corpus_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.iterdir() if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def build(folder: Path, work: Path, runs: int, count: int, size: int) -> dict:
    """Cold builds (empty cache) and warm refreshes (nothing changed)."""
    cold, rss = [], []
    for run in range(runs):
        cache = work / f"cold-{run}.sqlite3"
        for side in (cache, Path(f"{cache}-wal"), Path(f"{cache}-shm")):
            side.unlink(missing_ok=True)
        wall, peak, out = timed(colt("index", str(folder), "--cache", str(cache)))
        cold.append(wall)
        rss.append(peak)
        cpu: float = timed.cpu  # type: ignore[attr-defined]
        print(f"  cold build {run + 1}: {wall:.1f} s, {size / wall / 1e6:.2f} MB/s, {count / wall:.1f} files/s, "
              f"peak RSS {peak} MB, {cpu:.0f} CPU s = {size / cpu / 1e6:.2f} MB per CPU second, "
              f"load average {os.getloadavg()[0]:.2f} | {out.splitlines()[0] if out else ''}", flush=True)
    return {"cold": cold, "rss": rss, "cache": work / "cold-0.sqlite3"}


def warm(folder: Path, cache: Path, runs: int, size: int) -> list[float]:
    walls = []
    for _ in range(runs):
        wall, _peak, _out = timed(colt("index", str(folder), "--cache", str(cache)))
        walls.append(wall)
    print(f"  warm refresh: {[round(w, 2) for w in walls]} s (median {statistics.median(walls):.2f} s, "
          f"{size / statistics.median(walls) / 1e6:,.0f} MB/s)", flush=True)
    return walls


def app_times(folder: Path, cache: Path, runs: int) -> dict:
    """Process start to first paint, and to the list filled from the cache (interactive)."""
    results: dict[str, list] = {"first_paint": [], "interactive": [], "rss": [], "search_ready": [],
                                "rss_search_ready": []}
    for _ in range(runs):
        seconds, _rss = run_timed(colt("--cache", str(cache), str(folder)), "COLT_TUI_FIRST_PAINT")
        results["first_paint"].append(seconds)
        seconds, rss = run_timed(colt("--cache", str(cache), str(folder)), "COLT_TUI_READY")
        results["interactive"].append(seconds)
        results["rss"].append(rss)
        seconds, rss = run_timed(colt("--cache", str(cache), str(folder)), "COLT_TUI_SEARCH_READY")
        results["search_ready"].append(seconds)
        results["rss_search_ready"].append(rss)
    for name, values in results.items():
        print(f"  app {name}: {[round(v, 3) for v in values]} (median {statistics.median(values):.3f})", flush=True)
    return results


def search(folder: Path, cache: Path, runs: int, verify: bool) -> dict:
    """Per-keystroke latency over QUERIES typed one character at a time; the first page materialised."""
    from tui.index import open_index

    started = time.perf_counter()
    index = open_index(folder, cache, refresh=False)
    search_index = index.search_index()
    load = time.perf_counter() - started
    postings = search_index.postings
    import numpy as np

    labels = len(np.unique(postings.label_keys))
    print(f"  search index: {len(postings):,} line items, {labels:,} unique labels, "
          f"{postings.vocabulary.active.size:,} keys, {len(postings.vocabulary.words):,} words, "
          f"loaded in {load:.2f} s", flush=True)
    passes = []
    for _ in range(runs):
        first, whole = [], []
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                began = time.perf_counter()
                results = search_index.results(query[:end])
                results[:min(20, results.ready)]
                first.append(time.perf_counter() - began)
                results.complete()
                whole.append(time.perf_counter() - began)
        passes.append((percentiles(first), percentiles(whole), len(first)))
        search_index.postings.vocabulary._word_keys.cache_clear()
    for (p50, p95, worst), (c50, c95, cworst), n in passes:
        print(f"  search pass: {n} keystrokes; first page p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
              f"max {worst * 1000:.1f} ms; complete ranking p50 {c50 * 1000:.1f} ms, p95 {c95 * 1000:.1f} ms, "
              f"max {cworst * 1000:.1f} ms", flush=True)
    print(f"  search median of passes: first page p50 {statistics.median(p[0][0] for p in passes) * 1000:.1f} ms, "
          f"p95 {statistics.median(p[0][1] for p in passes) * 1000:.1f} ms; complete p95 "
          f"{statistics.median(p[1][1] for p in passes) * 1000:.1f} ms", flush=True)
    if verify:
        for query in QUERIES:
            same = search_index.results(query).same_as(search_index.results(query, prefilter=False))
            print(f"  prefilter == full scan for {query!r}: {same}", flush=True)
    from rapidfuzz import fuzz, process

    texts = [postings.texts[k] for k in np.unique(postings.label_keys).tolist()]
    began = time.perf_counter()
    process.extract("total assets", texts, scorer=fuzz.WRatio, limit=None, score_cutoff=72)
    full = time.perf_counter() - began
    print(f"  reference: one full WRatio scan over {len(texts):,} labels: {full * 1000:.0f} ms", flush=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return {"passes": passes, "load": load, "labels": labels, "full_scan": full, "rss": rss}


def percentiles(values: list[float]) -> tuple[float, float, float]:
    """p50, p95 and max."""
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))], ordered[-1]


def facts(folder: Path, cache: Path, work: Path) -> None:
    out = work / "facts.csv"
    wall, rss, _ = timed(colt("facts", str(folder), "--cache", str(cache), "-o", str(out)))
    rows = sum(1 for _ in out.open()) - 1
    print(f"  facts to CSV from the cache: {wall:.1f} s, {rows:,} rows, {out.stat().st_size / 1e6:.0f} MB, "
          f"peak RSS {rss} MB", flush=True)
    out.unlink()


def main(argv=None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("corpus")
    options.add_argument("--runs", type=int, default=5)
    options.add_argument("--build-runs", type=int, default=1)
    options.add_argument("--work", default="/tmp/colt-tui-bench")
    options.add_argument("--cache", help="reuse this built cache instead of building")
    options.add_argument("--verify", action="store_true", help="compare prefiltered and full-scan results")
    options.add_argument("--skip", default="", help="comma list of: build,warm,app,search,facts")
    args = options.parse_args(argv)
    folder, work = Path(args.corpus).resolve(), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    skip = set(args.skip.split(","))
    count, size = corpus_size(folder)
    print(f"machine: {machine()}\ncorpus: {count:,} files, {size / 1e6:.1f} MB", flush=True)
    cache = Path(args.cache) if args.cache else None
    if cache is None:
        cache = build(folder, work, args.build_runs, count, size)["cache"]
    if "warm" not in skip:
        warm(folder, cache, args.runs, size)
    if "app" not in skip:
        app_times(folder, cache, args.runs)
    if "search" not in skip:
        result = search(folder, cache, args.runs, args.verify)
        print(f"  search process peak RSS: {result['rss']} MB", flush=True)
    if "facts" not in skip:
        facts(folder, cache, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
