"""Read-only: no command and no app session changes, adds or removes anything in the filings folder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from textual.widgets import Input

from tests_support import exported, ready
from tui.app import build_app
from tui.screens.compare import CompareScreen
from tui.screens.export import ExportDialog
from tui.screens.search import SearchScreen

ROOT = Path(__file__).resolve().parents[1]
GOOD = sorted((ROOT / "filings").glob("*.txt"))


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under the folder, symlinks not followed: file hashes, link targets, directories."""
    seen = {}
    for top, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(top) / name
            key = str(path.relative_to(folder))
            if path.is_symlink():
                seen[key] = "link:" + os.readlink(path)
            elif path.is_dir():
                seen[key] = "dir"
            else:
                seen[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


@pytest.fixture()
def folder(tmp_path):
    """A copy of filings/ plus a bad file, with a sub-folder and a broken link."""
    folder = tmp_path / "filings"
    folder.mkdir()
    for good in GOOD:
        (folder / good.name).write_bytes(good.read_bytes())
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "broken-link.txt").symlink_to(folder / "nowhere.txt")
    (folder / "sub").mkdir()
    return folder


def test_every_command_leaves_the_folder_unchanged(cli, folder, tmp_path):
    before = snapshot(folder)
    cache = tmp_path / "cache.sqlite3"
    one = folder / GOOD[1].name
    commands = [
        ("index", folder, "--cache", cache),
        ("index", folder, "--cache", cache),
        ("facts", folder, "--cache", cache),
        ("facts", folder, "--format", "json", "-o", tmp_path / "facts.json"),
        ("facts", one),
        ("outline", one),
        ("tables", one),
        ("tables", "--show", "0", one),
        ("check", folder, "--cache", cache),
        ("check", "-v", one),
        ("outline", folder / "binary.txt"),
    ]
    for args in commands:
        result = cli(*args, cwd=folder)
        assert result.returncode in (0, 1, 2, 3) and "Traceback" not in result.stderr, (args, result.stderr)
        assert snapshot(folder) == before, args
    assert cache.exists() and (tmp_path / "facts.json").exists()


async def test_full_app_session_leaves_the_folder_unchanged(folder, tmp_path, monkeypatch):
    before = snapshot(folder)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    filing = str(folder / GOOD[1].name)
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket", "j", "j", "l")
        await pilot.pause()
        assert app.screen.content.table_index is not None
        await pilot.press("slash", *"turnover")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        app.screen.show_table(filing, 1)
        await pilot.pause()
        await pilot.press("c")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one(Input).value = str(out / "pl.csv")
        await pilot.press("enter")
        await exported(app, pilot)
        assert snapshot(folder) == before
    assert (out / "pl.csv").exists()
    assert snapshot(folder) == before
