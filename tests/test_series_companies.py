"""A series stays within one company, shows the number it charts and exports, and flags a
restatement (real filings: Microsoft's 1997 and 2000 10-Ks, Aeroflex and Movie Star 10-Ks)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from tests_support import load_once
from tui.data.compare import figure
from tui.data.export import series_grid
from tui.data.numbers import decimals_of
from tui.data.series import build_series, company_key

EXTRA = Path(__file__).resolve().parent / "fixtures" / "extra"
NAMES = ["11_microsoft-10k-1997.txt", "12_microsoft-10k-2000.txt", "06_aeroflex-10k-1995.txt",
         "07_moviestar-10k-1999.txt"]


@pytest.fixture(scope="module")
def filings():
    return [load_once(EXTRA / name) for name in NAMES]


def table_at(filing, line: int):
    return next(t for t in filing.tables if t.first_line <= line <= t.last_line)


def test_the_companies_are_told_apart(filings):
    keys = [company_key(f) for f in filings]
    assert keys[0] == keys[1] and len(set(keys)) == 3


def test_a_series_holds_one_companys_values_and_flags_a_restatement(filings):
    ms97 = filings[0]
    table = table_at(ms97, 2796)  # the income statement of the 1997 10-K: "Revenue ... $11,358"
    row = table.find_row("Revenue")
    series = build_series(filings, table, row, filing=ms97)
    assert "MICROSOFT" in series.company.upper()
    assert series.points and all(p.derived or p.source.split(" · ")[0].startswith(("11_microsoft", "12_microsoft"))
                                 for p in series.points)
    years = {p.end: p for p in series.points if p.months == 12}
    fy97 = years[date(1997, 6, 30)]
    # The 2000 10-K's five-year summary prints fiscal 1997 revenue as $11,936 (line 6096); the 1997
    # 10-K printed $11,358 (line 2796): the newer figure is shown, the older kept as a restatement.
    assert fy97.value == 11936 and fy97.source.startswith("12_microsoft")
    assert any(text.strip("$ ") == "11,358" and where.startswith("11_microsoft") for text, where in fy97.restated)
    assert years[date(2000, 6, 30)].value == 22956 and not years[date(2000, 6, 30)].restated
    # Fiscal 1996: $9,050 in the 2000 10-K's summary (line 6096); $8,671 twice in the 1997 10-K (lines 2346
    # and 2796, printed "$ 8,671" and "$8,671"): one restatement, not one per copy.
    fy96 = years[date(1996, 6, 30)]
    assert fy96.value == 9050 and [where.split(" · ")[0] for _, where in fy96.restated] == ["11_microsoft-10k-1997.txt"]


def test_net_income_of_one_company_never_takes_anothers(filings):
    aeroflex = filings[2]
    for table in aeroflex.tables:
        row = table.find_row("Net income")
        if row is not None and any(c and c.kind == "amount" for c in row.cells):
            break
    series = build_series(filings, table, row, filing=aeroflex)
    assert series.points
    assert all(p.derived or p.source.startswith("06_aeroflex") for p in series.points)


def test_the_number_shown_is_the_number_charted_and_exported(filings):
    ms97 = filings[0]
    table = table_at(ms97, 2796)
    series = build_series(filings, table, table.find_row("Net income"), filing=ms97)
    exported = list(csv.DictReader(io.StringIO(series_grid(series).to_csv())))
    assert len(exported) == len(series.points)
    for point, line in zip(series.points, exported):
        shown = point.text.replace("$", "").strip()
        assert shown == figure(point.value, decimals_of(shown))
        assert float(line["value"]) == point.value and line["unit"] == series.unit
        assert line["company"] == series.company


async def test_the_statement_keys_open_the_filings_three_statements(tmp_path):
    """1 / 2 / 3 open the income statement, balance sheet and cash-flow statement of the open filing
    (titles as printed on lines 2786, 2880 and 2829 of Microsoft's 1997 10-K)."""
    from tests_support import extra_folder, ready
    from tui.app import build_app

    folder = extra_folder(tmp_path, "11_microsoft-10k-1997.txt", "06_aeroflex-10k-1995.txt")
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        screen.filing_list.highlighted = [p.endswith("11_microsoft-10k-1997.txt") for p in screen.filing_list.paths].index(True)
        await pilot.pause()
        titles = []
        for key in ("1", "2", "3"):
            screen.filing_list.focus()
            await pilot.press(key)
            await pilot.pause()
            titles.append((screen.content.table.title, str(screen.content.table.kind)))
            assert screen.content.filing.name == "11_microsoft-10k-1997.txt"
        assert titles == [("Income Statements", "income"), ("Balance Sheets", "balance"),
                          ("Cash Flows Statements", "cash_flow")]
        assert "Income" in " ".join(str(b.description) for b in screen.active_bindings and
                                    [a.binding for a in screen.active_bindings.values()])


def test_a_point_whose_cell_is_in_doubt_carries_the_mark():
    """A two-column balance sheet whose 1997 total does not foot (5,500 printed, 5,400 summed): the
    series of that total says so for 1997, not for 1998, and the export keeps the reason."""
    from parser import parse_text
    from test_arithmetic_doubts import BALANCE

    filing = parse_text(BALANCE, "bs.txt")
    table = filing.tables[0]
    series = build_series([filing], table, table.find_row("Total current assets"), filing=filing)
    by_year = {p.end.year: p for p in series.points}
    assert "check does not foot" in by_year[1997].doubt and not by_year[1998].doubt
    exported = {line["period_end"]: line for line in csv.DictReader(io.StringIO(series_grid(series).to_csv()))}
    assert "check does not foot" in exported["1997-12-31"]["doubt"] and exported["1998-12-31"]["doubt"] == ""
