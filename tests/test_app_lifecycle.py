"""The app's loading lifecycle: explicit events to await, late messages harmless, messages shown
literally, and a non-zero exit after an unexpected error."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets._toast import Toast

from tests_support import ready
from tui.app import ColtApp, build_app, run_app
from tui.screens.main import MainScreen

ROOT = Path(__file__).resolve().parents[1]
FILINGS = ROOT / "filings"


async def test_index_events_are_set_once_their_messages_are_handled(tmp_path):
    app = build_app([str(FILINGS)], str(tmp_path / "cache.sqlite3"))
    assert not app.index_opened.is_set() and not app.index_finished.is_set()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        assert app.index_opened.is_set() and app.index_finished.is_set()
        assert app.index_report is not None and app.index_report.parsed == 3
        assert app.library.progress == (3, 3)
        assert len(app.screen.filing_list.paths) == 3


async def test_messages_arriving_after_the_screens_are_gone_are_ignored(tmp_path):
    app = build_app([str(FILINGS)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        summaries = [app.library.get(path) for path in app.screen.filing_list.paths]
    assert not app.screen_stack
    # What a worker posts while the app closes reaches handlers with no screen left: no IndexError.
    app.on_colt_app_filings_indexed(ColtApp.FilingsIndexed([]))
    app.on_colt_app_index_opened(ColtApp.IndexOpened([], [], "late note"))
    app.on_colt_app_index_finished(ColtApp.IndexFinished(app.index_report))
    assert len(summaries) == 3


async def test_a_note_with_markup_is_shown_literally(tmp_path):
    folder = tmp_path / "[b]filings[/nope]"
    shutil.copytree(FILINGS, folder)
    app = build_app([str(folder)], str(tmp_path / "cache [/nope].sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        app.post_message(ColtApp.IndexOpened([], [], "cache [/nope] [red]moved aside[/red]"))
        await pilot.pause()
        notes = [n for n in app._notifications if "moved aside" in n.message]
        assert len(notes) == 1
        shown = Toast(notes[0]).render()  # what the toast paints: markup would drop or choke on the tags
        assert "cache [/nope] [red]moved aside[/red]" in str(shown)


def test_an_unexpected_error_exits_non_zero(monkeypatch):
    def broken(self, paths=()):
        raise RuntimeError("a bug in the browser")

    monkeypatch.setattr(MainScreen, "filings_arrived", broken)
    run = ColtApp.run
    monkeypatch.setattr(ColtApp, "run", lambda self, **kw: run(self, headless=True, **kw))
    assert run_app([str(FILINGS)], ":memory:") == 1


async def test_quitting_as_the_index_opens_raises_nothing(folder, tmp_path):
    """The app closing while it handles the opened index (a filing being shown, its text view mounting
    into a pane already on its way out) ends quietly: that view never arrives and nothing switches to it."""
    from tui.index import open_index

    cache = tmp_path / "cache.sqlite3"
    open_index([str(folder)], cache).close()  # cached: the list is filled before the index opens
    for _ in range(3):
        app = build_app([str(folder)], str(cache))
        async with app.run_test(size=(100, 30)):
            await app.index_opened.wait()
        assert app.return_code in (0, None)


async def test_a_table_opened_as_the_index_opens_stays_open(folder, tmp_path):
    """The newest filing opens a frame after the index does, unless something was opened in that frame (a
    search hit chosen at once): the first filing must not replace it."""
    from tui.index import open_index

    cache = tmp_path / "cache.sqlite3"
    open_index([str(folder)], cache).close()
    chosen = str(folder / "001_e47b350a37731711.txt")
    app = build_app([str(folder)], str(cache))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.index_opened.wait()  # the first filing's opening is queued for after the next refresh
        app.screen.show_table(chosen, 5)
        await ready(app, pilot)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        content = app.screen.content
        assert (content.filing.path, content.table_index) == (chosen, 5)
        assert content.table.title == "Consolidated Balance Sheet"
