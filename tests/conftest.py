"""Every test (and every command it runs) keeps the index cache in a temporary folder, never the user's;
the fixtures several test modules share, the command line run in-process (`cli`) among them."""

import atexit
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_CACHE = tempfile.mkdtemp(prefix="colt-tui-test-cache-")
os.environ["COLT_TUI_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


@pytest.fixture()
def folder(tmp_path):
    """A copy of the three sample filings (a module may define its own `folder` instead)."""
    target = tmp_path / "filings"
    shutil.copytree(Path(__file__).resolve().parents[1] / "filings", target)
    return target


@dataclass
class Ran:
    """What a command line run left: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture()
def cli(capsys, monkeypatch):
    """Run `colt-tui ARGS` in this process, from the repository (or `cwd`): `cli("facts", path)` returns a
    `Ran`. Only what the command itself prints is kept (anything printed earlier in the test is dropped)."""
    from tui.cli import main

    def run(*args, cwd=REPO) -> Ran:
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as stop:  # argparse's --help, --version and usage errors
            code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run
