"""The one test behind every "never write inside the filings folder": `tui.data.paths`."""

from __future__ import annotations

import os

from tui.data.paths import filings_folder, holding_root, inside


def test_inside_means_the_folder_itself_or_under_it(tmp_path):
    filings = tmp_path / "filings"
    (filings / "sub").mkdir(parents=True)
    assert inside(filings, filings) and inside(filings / "sub" / "x.csv", filings)
    assert not inside(tmp_path / "filings2" / "x.csv", filings)  # a name that only starts the same
    assert not inside(tmp_path, filings)


def test_a_symlink_is_followed(tmp_path):
    filings = tmp_path / "filings"
    filings.mkdir()
    link = tmp_path / "link"
    os.symlink(filings, link)
    assert inside(link / "cache.sqlite3", filings) and inside(filings / "x.csv", link)


def test_a_filing_given_as_a_file_stands_for_its_folder(tmp_path):
    filings = tmp_path / "filings"
    filings.mkdir()
    filing = filings / "001.txt"
    filing.write_text("a filing\n")
    (tmp_path / "elsewhere").mkdir()
    assert filings_folder(filing) == str(filings.resolve()) and filings_folder(filings) == str(filings.resolve())
    assert holding_root(filings / "out.csv", [str(tmp_path / "elsewhere"), str(filing)]) == str(filing)
    assert holding_root(tmp_path / "out.csv", [str(filing)]) is None
