"""A folder of bad entries, made by the test: each bad one reported in one line, the good ones load."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parser import load_filing, load_paths

from tests_support import GOOD, make_bad_folder


@pytest.fixture()
def bad_folder(tmp_path):
    """The shared bad folder plus Latin-1 and cp1252 text, a file to lock, a link loop and a hidden file."""
    folder = make_bad_folder(tmp_path)
    (folder / "latin1.txt").write_bytes("FORM 6-K\n\nProfit for the year £12 million, caf\xe9\n".encode("latin-1"))
    (folder / "cp1252.txt").write_bytes("FORM 6-K\n\n\u201cQuoted\u201d results \u2013 \u00a310m\n".encode("cp1252"))
    (folder / "locked.txt").write_bytes(GOOD[0].read_bytes())
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / ".hidden.txt").write_text("ignored")
    return folder


@pytest.fixture()
def locked(monkeypatch, bad_folder):
    """Opening locked.txt fails as it would without read permission (the tests may run as root)."""
    original = os.open

    def open_file(path, *args, **kwargs):
        if isinstance(path, (str, os.PathLike)) and Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_file)
    return bad_folder


EXPECTED_ERRORS = {
    "empty.txt": "empty file",
    "binary.txt": "binary file",
    "page.htm": "HTML document",
    "locked.txt": "cannot read (Permission denied)",
    "broken-link.txt": "broken symbolic link",
    "loop-a.txt": "symbolic link loop",
    "loop-b.txt": "symbolic link loop",
    "sub": "a folder",
    "notes.pdf": "not a plain-text filing (.pdf files are skipped)",
}


def test_every_entry_is_listed_and_each_bad_one_says_why(locked):
    filings = {f.name: f for f in load_paths([locked])}
    assert set(filings) == {g.name for g in GOOD} | set(EXPECTED_ERRORS) | {"latin1.txt", "cp1252.txt"}
    for name, reason in EXPECTED_ERRORS.items():
        error = filings[name].error
        assert error and error.startswith(f"{name}: ") and reason in error and "\n" not in error, (name, error)
    for good in GOOD:
        assert filings[good.name].error is None and filings[good.name].title
    assert len(filings[GOOD[1].name].tables) == 19


def test_latin1_and_cp1252_text_still_parse_with_a_warning(bad_folder):
    latin = load_filing(bad_folder / "latin1.txt")
    assert latin.error is None and "£12 million, café" in "\n".join(latin.lines)
    assert any("not UTF-8" in w for w in latin.warnings)
    windows = load_filing(bad_folder / "cp1252.txt")
    assert "\u201cQuoted\u201d results \u2013 \u00a310m" in "\n".join(windows.lines)
    assert any("cp1252" in w for w in windows.warnings)


def test_a_file_past_the_size_limit_is_refused(tmp_path, monkeypatch):
    import parser.load

    monkeypatch.setattr(parser.load, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(GOOD[1].read_bytes())
    filing = load_filing(big)
    assert filing.error == f"big.txt: too large ({big.stat().st_size:,} bytes; limit 1,000)"


def test_nothing_is_written_into_the_folder(locked):
    before = {p.name: (p.lstat().st_size, p.lstat().st_mtime_ns) for p in locked.iterdir()}
    load_paths([locked])
    after = {p.name: (p.lstat().st_size, p.lstat().st_mtime_ns) for p in locked.iterdir()}
    assert before == after
    assert sorted(os.listdir(locked / "sub")) == ["inside.txt"]
