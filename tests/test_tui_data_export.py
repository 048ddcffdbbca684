"""Export grids: CSV and TSV text, default paths, and refusing the filings folder."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from parser import load_paths
from tui.data.compare import compare, default_pair
from tui.data.export import comparison_grid, default_target, refusal, series_grid, table_grid, write_csv
from tui.data.series import build_series

FILINGS = Path(__file__).resolve().parents[1] / "filings"


@pytest.fixture(scope="module")
def filings():
    return load_paths([FILINGS])


@pytest.fixture(scope="module")
def filing(filings):
    return next(f for f in filings if f.name.startswith("001"))


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_table_csv_has_plain_values_under_period_headers(filing, tmp_path):
    grid = table_grid(filing.tables[5])
    target = tmp_path / "balance.csv"
    assert write_csv(grid, target) == len(filing.tables[5].rows)
    rows = _rows(target.read_text(encoding="utf-8"))
    total = next(row for row in rows if row["line_item"] == "Total assets")
    header = next(name for name in rows[0] if name.startswith("at 2004-06-30 GBP'000"))
    assert total[header] == "2284872"
    accumulated = next(row for row in rows if row["line_item"] == "Accumulated depreciation")
    assert accumulated[header] == "-1631456"


def test_comparison_csv(filing):
    comparison = compare(filing.tables[1], *default_pair(filing.tables[1]))
    rows = _rows(comparison_grid(comparison).to_csv())
    turnover = next(row for row in rows if row["line_item"] == "Turnover")
    assert (turnover["change"], turnover["change_percent"][:4]) == ("8266", "2.82")


def test_series_csv_marks_derived(filings, filing):
    table = filing.tables[1]
    rows = _rows(series_grid(build_series(filings, table, table.find_row("Turnover"))).to_csv())
    derived = [row for row in rows if row["derived"] == "yes"]
    assert {row["period_end"] for row in derived} == {"2003-03-31", "2004-03-31"}


def test_tsv_row_and_table(filing):
    grid = table_grid(filing.tables[5])
    row = filing.tables[5].find_row("Total assets")
    line = grid.to_tsv([row.index], header=False)
    assert line == "Total assets\t" if False else line.split("\t")[1:] == ["Total assets", "2423038", "2284872", "4141559\n"]
    assert grid.to_tsv().count("\n") == len(grid.rows) + 1


def test_refuses_inside_filings_folder(tmp_path):
    folder = tmp_path / "filings"
    (folder / "sub").mkdir(parents=True)
    assert "filings folder" in refusal(folder / "out.csv", [str(folder)])
    assert "filings folder" in refusal(folder / "sub" / "out.csv", [str(folder)])
    assert refusal(tmp_path / "out.csv", [str(folder)]) is None
    assert "no such folder" in refusal(tmp_path / "missing" / "out.csv", [])
    assert "is a folder" in refusal(tmp_path, [])


def test_default_target_never_inside_filings(tmp_path):
    folder = tmp_path / "filings"
    folder.mkdir()
    assert default_target("001_table5", [str(folder)], cwd=tmp_path) == tmp_path.resolve() / "001_table5.csv"
    inside = default_target("x y/z", [str(folder)], cwd=folder)
    assert folder.resolve() not in inside.parents and inside.name == "x_y_z.csv"
