"""Interrupts: Ctrl-C ends `index` and `facts` with one line and exit 130; killing the parent ends
its pool workers; quitting the app while it indexes ends the workers, and the next start resumes."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests_support import LIFECYCLE_TIMEOUT, ready
from tui.app import ColtApp

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "filings" / "001_e47b350a37731711.txt"
SMALL = ROOT / "filings" / "002_3c3cc2a74b250ec0.txt"
LINUX = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads process states from /proc (Linux)")


def slow_folder(tmp_path: Path, small: int = 0, big: int = 4) -> Path:
    """Small filings first, then big ones (the results release 10 times over: a second or more each to parse)."""
    folder = tmp_path / "filings"
    folder.mkdir()
    for k in range(small):
        (folder / f"a{k:02d}.txt").write_bytes(SMALL.read_bytes())
    text = SAMPLE.read_bytes() * 10
    for k in range(big):
        (folder / f"b{k:02d}.txt").write_bytes(text)
    return folder


def children(pid: int) -> list[int]:
    """The live child processes of a process (Linux)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(k) for k in (task / "children").read_text().split()]
    return [k for k in found if running(k)]


def running(pid: int) -> bool:
    """True while a process exists and is not a zombie (Linux)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    state = next(line for line in status.splitlines() if line.startswith("State:"))
    return "Z" not in state.split()[1]


def start(args: list[str]) -> subprocess.Popen:
    """The command line in its own process group (as a terminal's job is)."""
    return subprocess.Popen([sys.executable, "-m", "tui", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_for_workers(process: subprocess.Popen) -> list[int]:
    """The pool's worker processes once they run (the resource tracker is a child too) and the parent
    answers Ctrl-C again (it ignores it while the workers start, so that they start ignoring it)."""
    deadline = time.monotonic() + LIFECYCLE_TIMEOUT
    while time.monotonic() < deadline:
        found = children(process.pid)
        if (len(found) >= 3 and not ignores_sigint(process.pid)) or process.poll() is not None:
            return found
        time.sleep(0.05)
    raise AssertionError("no worker processes started")


def ignores_sigint(pid: int) -> bool:
    """True while a process ignores SIGINT (its SigIgn mask in /proc, bit SIGINT - 1)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    mask = next(line for line in status.splitlines() if line.startswith("SigIgn:")).split()[1]
    return bool(int(mask, 16) >> (signal.SIGINT - 1) & 1)


def gone(pids: list[int]) -> bool:
    """True once none of the processes runs, waiting up to the lifecycle timeout."""
    deadline = time.monotonic() + LIFECYCLE_TIMEOUT
    while any(running(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@LINUX
@pytest.mark.parametrize("command", ["index", "facts"])
def test_ctrl_c_prints_one_line_and_exits_130(tmp_path, command):
    folder = slow_folder(tmp_path)
    cache = tmp_path / "cache.sqlite3"
    process = start([command, str(folder), "--cache", str(cache)])
    workers = wait_for_workers(process)
    assert process.poll() is None, "parsing ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C: the whole job
    out, err = process.communicate(timeout=LIFECYCLE_TIMEOUT)
    assert process.returncode == 130
    assert err == "colt-tui: interrupted\n" and out == ""
    assert gone(workers)
    again = start(["index", str(folder), "--cache", str(cache)])
    out, err = again.communicate(timeout=LIFECYCLE_TIMEOUT * 2)
    assert again.returncode == 0 and "4 files:" in out and "0 unreadable" in out, (out, err)


@LINUX
def test_killing_the_parent_ends_its_workers(tmp_path):
    folder = slow_folder(tmp_path)
    process = start(["index", str(folder), "--cache", str(tmp_path / "cache.sqlite3")])
    workers = wait_for_workers(process)
    assert process.poll() is None
    process.kill()
    process.wait()
    assert gone(workers), "pool workers outlived their parent"


class _Watched(ColtApp):
    """The app with one more explicit event: the first parsed batch has been handled."""

    CSS_PATH = str(Path(sys.modules[ColtApp.__module__].__file__ or "").parent / ColtApp.CSS_PATH)  # beside the app


    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.first_batch = asyncio.Event()

    def on_colt_app_filings_indexed(self, message) -> None:
        super().on_colt_app_filings_indexed(message)
        self.first_batch.set()


async def test_quitting_while_indexing_ends_the_workers_and_the_next_start_resumes(tmp_path):
    folder = slow_folder(tmp_path, small=4, big=3)
    cache = str(tmp_path / "cache.sqlite3")
    before = {process.pid for process in multiprocessing.active_children()}  # another test's, if any
    app = _Watched([str(folder)], cache)
    async with app.run_test(size=(100, 30)) as pilot:
        await asyncio.wait_for(app.first_batch.wait(), LIFECYCLE_TIMEOUT)
        assert app.library.progress[0] < 7, "parsing ended before the quit"
        await pilot.press("q")
    # The quit cancelled the loading thread: it returns within a poll of the pool, having ended the workers.
    assert await asyncio.to_thread(app.loader_stopped.wait, LIFECYCLE_TIMEOUT)
    left = [p for p in multiprocessing.active_children() if p.pid not in before]
    assert not left, f"pool workers left running after quit: {left}"
    again = ColtApp([str(folder)], cache)
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(again, pilot)
        report = again.index_report
        assert report.cached >= 1 and report.cached + report.parsed == 7 and not report.failed


async def test_ctrl_c_in_the_browser_quits_with_130_and_one_line(tmp_path):
    folder = slow_folder(tmp_path, small=2, big=2)
    before = {process.pid for process in multiprocessing.active_children()}
    app = ColtApp([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(100, 30)) as pilot:
        await asyncio.wait_for(app.index_opened.wait(), LIFECYCLE_TIMEOUT)
        await pilot.press("ctrl+c")
    assert app.return_code == 130
    assert await asyncio.to_thread(app.loader_stopped.wait, LIFECYCLE_TIMEOUT)
    assert not [p for p in multiprocessing.active_children() if p.pid not in before]
