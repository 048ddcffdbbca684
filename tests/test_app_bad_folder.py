"""The app on a folder of bad entries made by the test: good filings listed, each bad one marked with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests_support import GOOD, make_bad_folder, ready, rendered
from tui.app import build_app
from tui.widgets.filing_list import ERROR_MARK

REASONS = {
    "empty.txt": "empty file",
    "binary.txt": "binary file",
    "page.htm": "HTML document",
    "broken-link.txt": "broken symbolic link",
    "sub": "a folder",
    "notes.pdf": "not a plain-text filing",
}


@pytest.fixture()
def bad_folder(tmp_path):
    return make_bad_folder(tmp_path)


async def test_good_filings_listed_and_each_bad_entry_marked_with_its_reason(bad_folder, tmp_path):
    app = build_app([str(bad_folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 50)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        names = [Path(p).name for p in screen.filing_list.paths]
        assert set(names) == {g.name for g in GOOD} | set(REASONS)
        assert names[:3] == [g.name for g in GOOD]
        listed = " ".join(rendered(screen.filing_list).split())
        assert "COLT TELECOM GROUP PLC ANNOUNCES RESULTS" in listed
        for name, reason in REASONS.items():
            screen.filing_list.highlighted = names.index(name)
            await pilot.pause()
            listed = " ".join(rendered(screen.filing_list).split())
            assert f"{ERROR_MARK} {name} {reason}" in listed, (name, listed)
            assert screen.content.current == "message"
            assert reason in " ".join(rendered(screen.content.query_one("#message")).split())
        for good in GOOD:
            assert app.library.get(str(bad_folder / good.name)).error is None
        for name, reason in REASONS.items():
            error = app.library.get(str(bad_folder / name)).error
            assert error and reason in error and "\n" not in error, (name, error)
        assert f"{len(REASONS)} unreadable" in rendered(screen.query_one("#status"))
