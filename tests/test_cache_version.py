"""The cache is versioned by everything it stores: the parser's source and the tui code that builds the
summaries, search keys, line items and facts kept per file; a change to either parses the files again."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from parser import PARSER_VERSION
from tui.index import open_index, version
from tui.index.build import safe_record, skipped_record
from tui.index.record import make_record
from tui.index.scan import FileStat

ROOT = Path(__file__).resolve().parents[1]
FILINGS = ROOT / "filings"
SAMPLE = FILINGS / "001_e47b350a37731711.txt"  # a filing with tables, line items and facts


@pytest.fixture()
def fresh_version():
    """Recompute the version in the test, and again after it (the real sources)."""
    version.cache_version.cache_clear()
    yield
    version.cache_version.cache_clear()


def test_the_version_joins_the_parser_version_and_a_digest_of_the_storing_code(fresh_version):
    stored = version.cache_version()
    assert stored.startswith(f"{PARSER_VERSION}/tui-") and len(stored) == len(PARSER_VERSION) + 17


def test_a_change_to_the_storing_code_parses_every_file_again(tmp_path, monkeypatch, fresh_version):
    folder = tmp_path / "filings"
    shutil.copytree(FILINGS, folder)
    cache = tmp_path / "index.sqlite3"
    open_index(folder, cache).close()
    before = version.cache_version()

    sources = tmp_path / "tui"
    for name in version.STORED_BY:
        (sources / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(version.TUI / name, sources / name)
    with open(sources / "data" / "lineitems.py", "a") as edited:
        edited.write("# a change to how search keys are built\n")
    monkeypatch.setattr(version, "TUI", sources)
    version.cache_version.cache_clear()
    assert version.cache_version() != before

    index = open_index(folder, cache, refresh=False)
    assert sorted(index.pending) == sorted(str(p) for p in folder.iterdir())
    assert index.refresh().parsed == 3
    index.close()
    rows = sqlite3.connect(cache).execute("SELECT DISTINCT version, typeof(version) FROM files").fetchall()
    assert rows == [(version.cache_version(), "text")]


def test_every_tui_module_that_runs_while_a_record_is_built_is_in_the_version(tmp_path, monkeypatch):
    """Function calls only: a module whose constants alone shape the stored data must be listed by reason."""
    from tests_support_markup import MARKUP  # escape sequences in labels: the CSV lines go through `safe`

    escaped = tmp_path / "markup.txt"
    escaped.write_text(MARKUP, encoding="utf-8")
    ran: set[str] = set()
    tui = str(version.TUI) + "/"

    def watch(frame, event, arg):
        filename = frame.f_code.co_filename
        if filename.startswith(tui) and frame.f_code.co_name != "<module>":
            ran.add(filename[len(tui):])

    sys.setprofile(watch)
    try:
        stat = SAMPLE.stat()
        make_record(str(SAMPLE), stat.st_size, stat.st_mtime_ns)
        make_record(str(escaped), escaped.stat().st_size, escaped.stat().st_mtime_ns)
        skipped_record(FileStat(str(FILINGS / "sub"), -1, -1, "a folder"))
        monkeypatch.setattr("tui.index.build.make_record", lambda *args: 1 / 0)
        safe_record(str(SAMPLE), stat.st_size, stat.st_mtime_ns)
    finally:
        sys.setprofile(None)
    assert ran - set(version.STORED_BY) <= {"index/version.py"}
    assert {"index/record.py", "index/facts.py", "data/lineitems.py", "data/text.py"} <= ran
