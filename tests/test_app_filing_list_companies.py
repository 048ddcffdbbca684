"""The filing list of a folder of several companies (real filings: Microsoft's 2000 10-K, Aeroflex's 1995
10-K, Southern's 2005 earnings 8-K): each entry names the company, form, date and period of report, and
the filter finds a filing by any of them."""

from __future__ import annotations

from tests_support import extra_folder, ready
from tui.app import build_app
from tui.widgets.filing_list import entry_lines

NAMES = ("12_microsoft-10k-2000.txt", "06_aeroflex-10k-1995.txt", "04_southern-8k-2005-earnings.txt")


async def test_the_list_names_each_company_and_the_filter_finds_it(tmp_path):
    from textual.widgets import Input

    app = build_app([str(extra_folder(tmp_path, *NAMES))], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        shown = {app.library.get(path).name: " ".join(line.plain for line in entry_lines(app.library.get(path), 60))
                 for path in screen.filing_list.paths}
        # Microsoft: filed 2000-09-28, period of report 2000-06-30 (SEC header, lines 16-17).
        assert shown[NAMES[0]].startswith("2000-09-28  10-K  MICROSOFT") and "for 2000-06-30" in shown[NAMES[0]]
        # Aeroflex: "For the fiscal year ended June 30, 1995" on the cover; no SEC header date.
        assert "10-K  AEROFLEX" in shown[NAMES[1]].upper() and "for 1995-06-30" in shown[NAMES[1]]
        assert shown[NAMES[2]].startswith("2005-01-25  8-K  SOUTHERN")

        def listed() -> list[str]:
            return [app.library.get(path).name for path in screen.filing_list.paths]

        box = screen.query_one("#filter", Input)
        for typed, expected in (("aeroflex", [NAMES[1]]), ("microsoft 10-k", [NAMES[0]]), ("8-k", [NAMES[2]]),
                                ("1995-06-30", [NAMES[1]]), ("southern-8k", [NAMES[2]])):
            box.value = typed
            await pilot.pause()
            assert listed() == expected, typed
        box.value = ""
        await pilot.pause()
        assert sorted(listed()) == sorted(NAMES)
