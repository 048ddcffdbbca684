"""Key latency of the browser while a large folder indexes.

Run on a corpus from `benchmarks/corpus.py`:

    python benchmarks/corpus.py /tmp/corpus2k -n 2000 --labels 40000
    python benchmarks/key_latency.py /tmp/corpus2k [--runs 3] [--every 0.2]

Each run opens the app headless (Textual's test harness, 100x30, the same process layout as the
real app: this process draws and answers keys, a thread loads, a process pool parses) on the folder
with an empty cache, then, from the moment the list is shown until indexing ends, presses a key
every --every seconds (down and up in turn: the filing list's cursor moves and the highlighted
filing opens) and measures the time from the key's arrival to the first screen refresh after
the cursor moved (Pilot's own `press` waits until the whole process is idle, which it never is
while indexing, so the key goes straight to the driver's queue as a terminal's would). Prints, per run and over
all runs, the number of keys, the median, the 95th percentile and the maximum latency, and the
indexing time. The cache goes to a temporary folder, never into the corpus.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textual import events

from tui.app import build_app


async def one_run(folder: str, every: float) -> tuple[list[float], float, int]:
    """(key latencies in seconds, indexing seconds, files) of one cold run."""
    with tempfile.TemporaryDirectory(prefix="colt-key-latency-") as work:
        app = build_app([folder], str(Path(work) / "cache.sqlite3"))
        latencies: list[float] = []
        async with app.run_test(size=(100, 30)) as pilot:
            await app.index_opened.wait()
            started = time.perf_counter()
            screen = app.screen
            shown = asyncio.Event()
            screen.watch(screen.filing_list, "highlighted",  # type: ignore[attr-defined]  # the main screen
                         lambda *_: app.call_after_refresh(shown.set), init=False)  # type: ignore[arg-type]
            keys = ("down", "up")
            while not app.index_finished.is_set():
                shown.clear()
                pressed = time.perf_counter()
                app._driver.send_message(events.Key(keys[len(latencies) % 2], None))  # type: ignore[union-attr]  # running
                await shown.wait()
                latencies.append(time.perf_counter() - pressed)
                await asyncio.sleep(max(0.0, every - (time.perf_counter() - pressed)))
            seconds = time.perf_counter() - started
            files = app.library.progress[1]
            await pilot.press("q")
    return latencies, seconds, files


def describe(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (f"{len(ordered)} keys: median {statistics.median(ordered) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("folder")
    options.add_argument("--runs", type=int, default=3)
    options.add_argument("--every", type=float, default=0.2)
    args = options.parse_args()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    everything: list[float] = []
    for run in range(args.runs):
        latencies, seconds, files = asyncio.run(one_run(args.folder, args.every))
        everything += latencies
        print(f"run {run + 1}: {files} files indexed in {seconds:.1f} s; {describe(latencies)}")
    print(f"all runs: {describe(everything)}")


if __name__ == "__main__":
    main()
