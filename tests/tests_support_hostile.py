"""Hostile folders made by the tests (special files, odd file names), and running commands that might hang."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from tests_support import GOOD, ROOT

GOOD_WITH_TABLES = GOOD[1]  # 001: 19 tables, so it has facts

BAD_UTF8 = b"bad\xff\xfename.txt"
OSC52 = b"osc\x1b]52;c;aGVsbG8=\x07.txt"  # would set the clipboard to "hello" if printed raw
FORGED = b"nl\ncolt-tui: 9 files: 9 parsed.txt"  # a newline that would start a fake report line
MARKUP = ("[red]x.txt", "[bold]y[nope].txt", "[@click=app.quit]q.txt", "Segments [Axis].txt")  # no "/" in a name

_ISOLATED = """
import contextlib, io, json, sys
from tui.cli import main
results = []
for args in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    results.append([code, out.getvalue(), err.getvalue()])
print(json.dumps(results))
"""


def make_special_folder(folder: Path) -> dict[str, str]:
    """A good filing beside a FIFO, a link to /dev/zero and (where the system allows) a socket, all named
    like filings; returns each special entry's name and the reason it must be given."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_bytes(GOOD_WITH_TABLES.read_bytes())
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    reasons = {"fifo.txt": "a FIFO (named pipe), not a file", "zero.txt": "a device, not a file"}
    if _make_socket(folder, "sock.txt"):
        reasons["sock.txt"] = "a socket, not a file"
    return reasons


def _make_socket(folder: Path, name: str) -> bool:
    """Bind a Unix socket at folder/name (relative to the folder, so a long tmp path does not matter)."""
    if not hasattr(socket, "AF_UNIX"):
        return False
    saved = os.getcwd()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.chdir(folder)
        server.bind(name)
        return True
    except OSError:
        return False
    finally:
        server.close()  # the socket file stays, as after a server that exited
        os.chdir(saved)


def write_named(folder: Path, name: str | bytes, data: bytes) -> str:
    """Write a file whose name may be any bytes; returns its path as Python lists it (str)."""
    path = os.path.join(os.fsencode(folder), os.fsencode(name))
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(descriptor, data)
    finally:
        os.close(descriptor)
    return os.fsdecode(path)


def run_isolated(commands: list[list[str]], timeout: float = 60) -> list[tuple[int, str, str]]:
    """Run `tui.cli.main` on each argument list in one child process, so a command that would block
    forever fails the test after `timeout` seconds instead of hanging it: (exit code, stdout, stderr)."""
    try:
        result = subprocess.run([sys.executable, "-c", _ISOLATED, json.dumps(commands)], capture_output=True,
                                text=True, cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{commands} did not finish in {timeout} s") from None
    assert result.returncode == 0, result.stderr
    return [tuple(item) for item in json.loads(result.stdout)]
