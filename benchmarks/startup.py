"""Start-up benchmark: process start to first paint of `colt-tui filings/` against a hello-world Textual app.

Method: each app runs in a pseudo-terminal (100x30) with COLT_TUI_FIRST_PAINT=<file>. When that
variable is set, the app schedules `call_after_refresh` from `on_mount`; the callback runs right
after the first screen refresh has been written, stores `time.time()` in the file and exits. The
figure is that time minus the wall clock just before the process was spawned, so it covers
interpreter start, imports, compose and the first paint (not shutdown). Runs alternate between
the apps after one untimed warm-up each; medians are reported and the ratios are computed
from medians measured in the same run. A third command, `python -c "from tui.app import
run_app; ..."`, times the browser without the command line's own imports, to show where any
gap lies. A fourth run of `colt-tui FOLDER` reports through COLT_TUI_LIST_SHOWN instead: the moment the
filing list has been drawn with what the cache holds (the time to something useful on screen); a
fifth through COLT_TUI_READY: the folder index has opened, so a filing opens when chosen.

With --instructions, each app instead runs once under valgrind's callgrind, which counts the
instructions executed from process start to the stamp (the process ends right after writing it):
a figure that does not move with the load of a shared machine, for comparing changes; the wall
clock remains the measure that counts.

Usage: python benchmarks/startup.py [--runs N] [--instructions] [FILINGS_FOLDER]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENV_VAR = "COLT_TUI_FIRST_PAINT"
LIST_VAR = "COLT_TUI_LIST_SHOWN"  # set: the app reports once the list shows what the cache holds
READY_VAR = "COLT_TUI_READY"  # set: the app reports once the index has opened (each filing opens on a key)

HELLO = f'''
import os, time
from pathlib import Path
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("Hello, world")

    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        Path(os.environ["{ENV_VAR}"]).write_text(repr(time.time()))
        self.exit()

Hello().run()
'''


def colt_command(folder: str) -> list[str]:
    """The installed console script if there is one, else `python -m tui`."""
    script = Path(sys.executable).with_name("colt-tui")
    return [str(script), folder] if script.exists() else [sys.executable, "-m", "tui", folder]


def time_to_first_paint(command: list[str], columns: int = 100, lines: int = 30, variable: str = ENV_VAR) -> float:
    """Seconds from spawning `command` in a pseudo-terminal to the moment it reports through `variable`
    (the first paint, or with LIST_VAR the filing list drawn with the cached filings in it)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    with tempfile.TemporaryDirectory() as folder:
        stamp = Path(folder) / "painted"
        env = dict(os.environ, **{variable: str(stamp), "TERM": "xterm-256color"})
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: the warm-up leaves compiled modules
        drain = threading.Thread(target=_drain, args=(master,), daemon=True)
        drain.start()
        started = time.time()
        process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=REPO)
        try:
            process.wait(timeout=60)
        finally:
            os.close(slave)
        if not stamp.exists():
            raise RuntimeError(f"{command[0]} exited ({process.returncode}) without reporting a paint")
        painted = float(stamp.read_text())
    os.close(master)
    return painted - started


def _drain(master: int) -> None:
    """Read and discard the terminal output so the app never blocks on a full pty."""
    try:
        while os.read(master, 65536):
            pass
    except OSError:
        pass


# Prepended to an app's code under callgrind: the process ends as soon as the stamp is written.
END_AT_STAMP = """
import os
from pathlib import Path
_write = Path.write_text
def _write_and_end(self, *args, **kwargs):
    _write(self, *args, **kwargs)
    os._exit(0)
Path.write_text = _write_and_end
"""


def instructions_to_stamp(code: str, variable: str, columns: int = 100, lines: int = 30) -> int:
    """Instructions callgrind counts from the start of `python -c code` to its report through `variable`."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, **{variable: str(Path(folder) / "painted"), "TERM": "xterm-256color"})
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        threading.Thread(target=_drain, args=(master,), daemon=True).start()
        command = ["valgrind", "--tool=callgrind", "--cache-sim=no", f"--callgrind-out-file={folder}/callgrind.out",
                   sys.executable, "-c", END_AT_STAMP + code]
        process = subprocess.run(command, stdin=slave, stdout=slave, stderr=subprocess.PIPE, env=env, cwd=REPO,
                                 timeout=600)
        os.close(slave)
    found = re.search(rb"Collected : (\d+)", process.stderr)
    if not found:
        raise RuntimeError(f"callgrind gave no count: {process.stderr[-300:]!r}")
    return int(found.group(1))


def count_instructions(folder: str) -> int:
    """One run of each app under callgrind (after a normal warm-up run that leaves compiled modules)."""
    colt = f"import sys; sys.argv = ['colt-tui', {folder!r}]; from tui.cli import main; sys.exit(main())"
    runs = {"hello-world Textual app, first paint": (HELLO, ENV_VAR),
            f"colt-tui {folder}, first paint": (colt, ENV_VAR),
            f"colt-tui {folder}, list shown": (colt, LIST_VAR)}
    time_to_first_paint(colt_command(folder), variable=LIST_VAR)
    counts = {name: instructions_to_stamp(code, variable) for name, (code, variable) in runs.items()}
    hello = counts["hello-world Textual app, first paint"]
    print("instructions from process start to the stamp (valgrind callgrind, one run each)")
    for name, count in counts.items():
        print(f"{name:<40} {count / 1e6:8.1f} M  ratio {count / hello:.3f}x")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="filings")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--instructions", action="store_true", help="count instructions under callgrind instead")
    args = parser.parse_args()
    if args.instructions:
        return count_instructions(args.folder)
    commands = {
        "hello-world Textual app": ([sys.executable, "-c", HELLO], ENV_VAR),
        f"colt-tui {args.folder}": (colt_command(args.folder), ENV_VAR),
        "tui.app.run_app (no CLI)": ([sys.executable, "-c", f"from tui.app import run_app; run_app([{args.folder!r}])"],
                                     ENV_VAR),
        f"list shown: colt-tui {args.folder}": (colt_command(args.folder), LIST_VAR),
        f"index open: colt-tui {args.folder}": (colt_command(args.folder), READY_VAR),
    }
    for command, variable in commands.values():
        time_to_first_paint(command, variable=variable)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, (command, variable) in commands.items():
            times[name].append(time_to_first_paint(command, variable=variable))
    medians = {name: statistics.median(values) for name, values in times.items()}
    hello = medians["hello-world Textual app"]
    print(f"runs: {args.runs} each, interleaved, after one warm-up; pty 100x30; python {sys.version.split()[0]}")
    for name, values in times.items():
        print(f"{name:<34} median {medians[name] * 1000:6.1f} ms  (min {min(values) * 1000:.1f}, "
              f"max {max(values) * 1000:.1f})  ratio {medians[name] / hello:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
