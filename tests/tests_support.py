"""Helpers shared by several test modules: parsing fixtures once, waiting on the app, bad folders."""

from __future__ import annotations

import asyncio
import re
from functools import cache
from pathlib import Path

from parser import load_filing

ROOT = Path(__file__).resolve().parents[1]
GOOD = sorted((ROOT / "filings").glob("*.txt"))


def norm(text: str) -> str:
    """Lower case, punctuation to spaces, spaces collapsed: for comparing names and labels."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


@cache
def load_once(path: Path):
    """A fixture filing, parsed once per test session."""
    return load_filing(path)


def rendered(widget) -> str:
    """The text a widget paints, line by line."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


LIFECYCLE_TIMEOUT = 300.0  # seconds; generous for a loaded machine: a hang fails instead of blocking the suite


async def ready(app, pilot) -> None:
    """Wait until the app has handled the end of indexing (every file listed, parsed and in the
    search index), then until the screen has processed what that queued."""
    await asyncio.wait_for(app.index_finished.wait(), LIFECYCLE_TIMEOUT)
    await pilot.pause()


async def exported(app, pilot) -> None:
    """Wait until the app has said how the export it started ended."""
    await asyncio.wait_for(app.export_finished.wait(), LIFECYCLE_TIMEOUT)
    await pilot.pause()


EXTRA = ROOT / "tests" / "fixtures" / "extra"


def extra_folder(tmp_path: Path, *names: str) -> Path:
    """A folder holding copies of some of the real filings of tests/fixtures/extra."""
    folder = tmp_path / "filings"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes((EXTRA / name).read_bytes())
    return folder


def make_bad_folder(tmp_path: Path) -> Path:
    """The three good filings plus an empty, a binary and an HTML file, a broken link, a
    sub-folder and a PDF: one of each kind of entry that is not a filing."""
    folder = tmp_path / "filings"
    folder.mkdir()
    for good in GOOD:
        (folder / good.name).write_bytes(good.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "page.htm").write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    (folder / "broken-link.txt").symlink_to(folder / "nowhere.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "inside.txt").write_bytes(GOOD[0].read_bytes())
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a filing")
    return folder
