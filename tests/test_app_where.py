"""The line above the panes says where you are: the folder, how many filings, the open filing's company,
form and date, and a filing's warnings (a table cut off by the end of the file)."""

from __future__ import annotations

from pathlib import Path

from tests_support import ready
from tui.app import build_app
from tui.widgets.where_line import WhereLine

FILINGS = Path(__file__).resolve().parents[1] / "filings"
SAMPLE = FILINGS / "001_e47b350a37731711.txt"


async def test_the_where_line_names_folder_count_filing_and_a_truncated_tables_warning(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "whole.txt").write_bytes(SAMPLE.read_bytes())
    lines = SAMPLE.read_text(encoding="latin-1").splitlines(keepends=True)
    balance = next(k for k, line in enumerate(lines) if "Total assets" in line)  # inside the balance sheet table
    (folder / "cut.txt").write_text("".join(lines[:balance + 1]), encoding="latin-1")
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        main = app.screen
        where = main.query_one(WhereLine)
        for name in ("whole.txt", "cut.txt"):
            path = str(folder / name)
            main.filing_list.highlighted = main.filing_list.paths.index(path)
            await pilot.pause()
            main.open_filing(path)
            await pilot.pause()
            text = str(where.render())
            assert text.startswith("mine/ · 2 filings · COLT TELECOM GROUP plc · 6-K · 2004-07-21"), text
            if name == "whole.txt":
                assert "⚠" not in text and not where.has_class("-warning")
            else:
                assert "⚠" in text and "table not closed" in text and where.has_class("-warning")
