"""Time `colt-tui` in a pseudo-terminal until it stamps a file named by an environment variable."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import tempfile
import termios
import threading
import time
from pathlib import Path


def run_timed(command: list[str], variable: str, columns: int = 100, lines: int = 30) -> tuple[float, int]:
    """(seconds from spawn to the stamp, peak RSS in MB) of an app that writes time.time() and exits."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    with tempfile.TemporaryDirectory() as folder:
        stamp, rss = Path(folder) / "stamp", Path(folder) / "rss"
        env = dict(os.environ, **{variable: str(stamp), "TERM": "xterm-256color"})
        threading.Thread(target=_drain, args=(master,), daemon=True).start()
        started = time.time()
        process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", str(rss), *command],
                                   stdin=slave, stdout=slave, stderr=slave, env=env)
        try:
            process.wait(timeout=120)
        finally:
            os.close(slave)
        if not stamp.exists():
            raise RuntimeError(f"{command} exited ({process.returncode}) without writing {variable}")
        seconds = float(stamp.read_text()) - started
        peak = int(rss.read_text().split()[-1]) // 1024
    os.close(master)
    return seconds, peak


def _drain(fd: int) -> None:
    """Read and drop the app's output so it never blocks on a full pty."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
