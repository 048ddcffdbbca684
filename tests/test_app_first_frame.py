"""The first frame: a cached folder's filings are listed in it, read straight from the cache before the
folder index opens; the other panes come a frame later into space kept for them, so nothing moves."""

from __future__ import annotations

import pytest

from tests_support import ready
from tui.app import build_app
from tui.index import open_index
from tui.screens.main import MainScreen


def _watch_first_frame(monkeypatch) -> dict:
    """Record the screen as it is right after its first frame (MainScreen._complete runs then, before
    it mounts the other panes and starts loading)."""
    seen: dict = {}
    complete = MainScreen._complete

    async def watched(self):
        listing = self.filing_list
        seen["shown"] = self.app.export_screenshot()
        seen["paths"] = listing.paths
        seen["rows"] = [str(listing.row_lines(index, 60)[0]) for index in range(len(listing.paths))]
        seen["loaded"] = [self.app.library.get(path).loaded for path in listing.paths]
        seen["index"] = self.app.folder_index
        seen["panes"] = [len(self.query(name)) for name in ("#filter", "#outline", "#content", "#status")]
        seen["regions"] = [self.query_one(name).region for name in ("#filings", "#main-pane", "#panes")]
        await complete(self)

    monkeypatch.setattr(MainScreen, "_complete", watched)
    return seen


async def test_the_first_frame_lists_a_cached_folder_before_the_index_opens(folder, tmp_path, monkeypatch):
    cache = tmp_path / "cache.sqlite3"
    open_index([str(folder)], cache).close()
    seen = _watch_first_frame(monkeypatch)
    app = build_app([str(folder)], str(cache))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        assert seen["index"] is None  # the folder index had not been opened: the rows came from the glance
        assert seen["panes"] == [0, 0, 0, 0]
        assert [path.rsplit("/", 1)[1] for path in seen["paths"]] == [
            "000_18845e77b5f2995d.txt", "001_e47b350a37731711.txt", "002_3c3cc2a74b250ec0.txt"]
        assert seen["loaded"] == [False, False, False]  # shown, not yet openable
        # Read off the filings' covers: the three COLT 6-Ks, dated 10 November, 21 and 1 July 2004.
        for date in ("2004-11-10", "2004-07-21", "2004-07-01"):
            assert date in seen["shown"]
        assert seen["rows"] == ["2004-11-10  6-K  COLT TELECOM GROUP plc", "2004-07-21  6-K  COLT TELECOM GROUP plc",
                                "2004-07-01  6-K  COLT TELECOM GROUP plc"]  # as parsed: no pending marks
        # Then the index opens them: the newest is open, as before.
        assert app.screen.content.filing.path == seen["paths"][0]
        assert app.screen.complete


async def test_an_uncached_folder_lists_its_files_once_the_index_has_opened(folder, tmp_path, monkeypatch):
    seen = _watch_first_frame(monkeypatch)
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        assert seen["paths"] == []
        assert len(app.screen.filing_list.paths) == 3
        assert app.screen.content.filing.path == app.screen.filing_list.paths[0]


@pytest.mark.parametrize("size", [(100, 30), (200, 60), (80, 24), (101, 33)])
async def test_nothing_moves_when_the_other_panes_arrive(folder, tmp_path, monkeypatch, size):
    cache = tmp_path / "cache.sqlite3"
    open_index([str(folder)], cache).close()
    seen = _watch_first_frame(monkeypatch)
    app = build_app([str(folder)], str(cache))
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert [screen.query_one(name).region for name in ("#filings", "#main-pane", "#panes")] == seen["regions"]
        assert screen.query_one("#filter").region.bottom == seen["regions"][0].y  # the filter sits just above
