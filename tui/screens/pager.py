"""`o`: the filing in the user's pager (or editor) at a line, the app suspended meanwhile."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess

from ..data.text import safe_name

DEFAULT_PAGER = "less"


def pager_command(path: str, line: int, environ=os.environ) -> list[str] | None:
    """The command that shows `path` at `line`: $PAGER, else $EDITOR, else less; `+LINE` before the path
    (less, more, vi, nano and emacs all read it). None when the program is not installed."""
    words = shlex.split(environ.get("PAGER") or environ.get("EDITOR") or DEFAULT_PAGER)
    if not words or shutil.which(words[0]) is None:
        return None
    separator = ["--"] if _takes_double_dash(words[0]) else []
    return [*words, f"+{max(line, 1)}", *separator, path]


def _takes_double_dash(program: str) -> bool:
    """less and vi-likes take `--` before a file name that might begin with '-'."""
    return os.path.basename(program) in {"less", "vi", "vim", "nvim", "view"}


def open_in_pager(app, path: str, line: int) -> None:
    """Suspend the app, run the pager on the file (the path as one argument, never through a shell),
    and come back; a missing pager or a terminal that cannot suspend is said in one line."""
    from textual.app import SuspendNotSupported

    command = pager_command(path, line)
    if command is None:
        name = os.environ.get("PAGER") or os.environ.get("EDITOR") or DEFAULT_PAGER
        app.notify(f"No pager: {safe_name(name)} is not installed (set $PAGER).", severity="warning", markup=False)
        return
    try:
        with app.suspend():
            subprocess.run(command, check=False)
    except SuspendNotSupported:
        app.notify("This terminal cannot hand the screen to a pager.", severity="warning")
    except OSError as error:
        app.notify(f"Could not run {safe_name(command[0])}: {error.strerror}", severity="warning", markup=False)
