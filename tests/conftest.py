"""Every test (and every command it runs) keeps the index cache in a temporary folder, never the user's;
the fixtures several test modules share."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

_CACHE = tempfile.mkdtemp(prefix="colt-tui-test-cache-")
os.environ["COLT_TUI_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


@pytest.fixture()
def folder(tmp_path):
    """A copy of the three sample filings (a module may define its own `folder` instead)."""
    target = tmp_path / "filings"
    shutil.copytree(Path(__file__).resolve().parents[1] / "filings", target)
    return target
