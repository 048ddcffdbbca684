"""The palette finds a filing by its company and a table by its statement kind (real 10-Ks of two
companies: Microsoft 1997, whose SEC header names MICROSOFT CORP, filed 19970929; Aeroflex 1995)."""

from __future__ import annotations

from tests_support import extra_folder, ready
from tui.app import build_app
from tui.screens.palette import JumpProvider


async def test_the_palette_finds_filings_by_company_and_tables_by_kind(tmp_path):
    folder = extra_folder(tmp_path, "11_microsoft-10k-1997.txt", "06_aeroflex-10k-1995.txt")
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        provider = JumpProvider(app.screen)
        texts = {text: callback for text, _help, callback in provider._targets()}
        assert "Open filing: MICROSOFT CORP 10-K 1997-09-29 (11_microsoft-10k-1997.txt)" in texts
        assert any(text.startswith("Open filing: Aeroflex Incorporated 10-K") for text in texts)
        balance = "Open table: MICROSOFT CORP · Balance Sheets — balance sheet · 1997-09-29, table 6"
        assert balance in texts
        hits = [hit async for hit in provider.search("microsoft balance sheet")]
        best = max(hits, key=lambda hit: hit.score)
        assert best.text == balance
        best.command()
        await pilot.pause()
        assert app.screen.content.table.title == "Balance Sheets"
        assert app.screen.content.filing.name == "11_microsoft-10k-1997.txt"
        texts["Open filing: MICROSOFT CORP 10-K 1997-09-29 (11_microsoft-10k-1997.txt)"]()
        await pilot.pause()
        assert app.screen.outline.filing.name == "11_microsoft-10k-1997.txt"
