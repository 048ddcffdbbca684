"""The app answers keys while a big filing is still being parsed (parsing never blocks the UI)."""

from __future__ import annotations

from pathlib import Path

from tests_support import ready
from tui.app import build_app
from tui.screens.help import HelpScreen

ROOT = Path(__file__).resolve().parents[1]


async def test_keys_work_while_a_big_filing_parses(tmp_path):
    folder = tmp_path / "filings"
    folder.mkdir()
    sample = (ROOT / "filings" / "001_e47b350a37731711.txt").read_text()
    (folder / "big.txt").write_text(sample * 120)  # about 6 MB of tables: seconds of parsing
    (folder / "small.txt").write_text((ROOT / "filings" / "002_3c3cc2a74b250ec0.txt").read_text())
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.index_report is None, "parsing had already finished: the file is too small to show anything"
        await pilot.press("escape")
        await ready(app, pilot)
        assert app.index_report is not None and not app.index_report.failed
        assert sorted(Path(p).name for p in app.screen.filing_list.paths) == ["big.txt", "small.txt"]
