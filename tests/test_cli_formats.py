"""`colt-tui facts --format tsv|xlsx`, and a format whose optional extra is missing: one line naming
the extra, exit 2, nothing written."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tui.cli import main

FILINGS = Path(__file__).resolve().parents[1] / "filings"
SAMPLE = str(FILINGS / "001_e47b350a37731711.txt")


def test_facts_as_xlsx_keep_numbers_as_numbers_and_text_as_text(tmp_path):
    """Balance sheet of filing 001: Total assets 2,284,872 (GBP'000) at 30 June 2004."""
    import pandas as pd

    target = tmp_path / "facts.xlsx"
    assert main(["facts", SAMPLE, "--format", "xlsx", "-o", str(target), "--cache", ":memory:"]) == 0
    sheet = pd.read_excel(target, sheet_name="facts", engine="openpyxl", dtype={"raw": str, "cik": str})
    total = sheet[(sheet["line_item"] == "Total assets") & (sheet["period_end"] == "2004-06-30")
                  & (sheet["currency"] == "GBP")]
    assert total["value"].tolist() == [2284872] and total["raw"].tolist() == ["2,284,872"]
    assert sheet["value"].dtype.kind == "f"


def test_facts_as_tsv(tmp_path, capsys):
    assert main(["facts", SAMPLE, "--format", "tsv", "--cache", ":memory:"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split("\t")
    assert header[:3] == ["filing", "table", "table_title"]
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert any(r["line_item"] == "Total assets" and r["value"] == "2284872" for r in rows)


@pytest.mark.parametrize("fmt, module, extra", [("xlsx", "xlsxwriter", "xlsx"), ("parquet", "pyarrow", "parquet")])
def test_a_missing_extra_is_named_in_one_line_and_exits_2(tmp_path, capsys, monkeypatch, fmt, module, extra):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == module else real(name, *a))
    target = tmp_path / f"facts.{fmt}"
    assert main(["facts", SAMPLE, "--format", fmt, "-o", str(target), "--cache", ":memory:"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and f"pip install 'colt-tui[{extra}]'" in error and module in error
    assert not target.exists() and list(tmp_path.iterdir()) == []
