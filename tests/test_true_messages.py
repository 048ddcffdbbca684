"""Messages that say what is true: a folder that cannot be listed says so (not "is a folder"), and UTF-16
text is decoded (with or without a byte-order mark) instead of being called binary."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parser import load_filing, load_paths
from parser.text import decode_bytes, refuse_reason, utf16_encoding
from tests_support import GOOD
from tui.cli import main
from tui.index.scan import list_paths

TEXT = GOOD[1].read_text(encoding="utf-8")


@pytest.fixture()
def unlistable(tmp_path, monkeypatch):
    """A folder whose listing fails with Permission denied: chmod 000, or, as root (where permissions are
    not enforced), os.scandir made to fail on it."""
    folder = tmp_path / "filings"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    if os.geteuid() == 0:
        real_scandir = os.scandir

        def scandir(path="."):
            if os.path.abspath(os.fspath(path)) == str(folder):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
        yield folder
    else:
        folder.chmod(0)
        try:
            yield folder
        finally:
            folder.chmod(0o755)


def test_a_folder_that_cannot_be_listed_says_so(unlistable):
    (filing,) = load_paths([unlistable])
    assert filing.error == "filings: cannot list folder (Permission denied)"
    (entry,) = list_paths([str(unlistable)]).files
    assert entry.path == str(unlistable) and entry.skip == "cannot list folder (Permission denied)"


def test_index_reports_the_unlistable_folder_in_one_line(unlistable, capsys):
    assert main(["index", "--cache", ":memory:", str(unlistable)]) == 3
    out, err = capsys.readouterr()
    assert err == "colt-tui: filings: cannot list folder (Permission denied)\n"
    assert out.startswith("1 files: ")


def test_a_folder_named_as_a_file_is_still_a_folder(tmp_path):
    assert load_filing(tmp_path).error == f"{tmp_path.name}: is a folder, not a file"


@pytest.mark.parametrize("encoding, data", [
    ("utf-16-le", TEXT.encode("utf-16")),          # little-endian with a byte-order mark
    ("utf-16-be", b"\xfe\xff" + TEXT.encode("utf-16-be")),
    ("utf-16-le", TEXT.encode("utf-16-le")),       # no mark: told by the NUL of every other byte
    ("utf-16-be", TEXT.encode("utf-16-be")),
])
def test_utf16_text_is_decoded_with_a_warning(tmp_path, encoding, data):
    assert utf16_encoding(data) == encoding and refuse_reason(data) is None
    assert decode_bytes(data).text == TEXT
    path = tmp_path / "wide.txt"
    path.write_bytes(data)
    filing = load_filing(path)
    assert filing.error is None and len(filing.tables) == 19
    assert filing.tables[5].find_row("Total assets").cell(1).value == 2284872.0
    assert any("decoded as UTF-16" in warning for warning in filing.warnings)


def test_utf16_that_is_not_text_is_named_for_what_it_is():
    assert refuse_reason(" \n\n".encode("utf-16")) == refuse_reason(b"\xff\xfe") == "empty file (UTF-16)"
    assert refuse_reason("FORM 6-K\n\x00\x00 data".encode("utf-16")) == \
        "binary file (NUL character at offset 9 in UTF-16 text)"
    assert refuse_reason("<html><body>x</body></html>".encode("utf-16")) == "HTML document, not a plain-text filing"


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b"\x01\x00\x02\x00" * 500, b"PK\x03\x04" + b"\x00" * 64])
def test_binary_stays_binary(data):
    assert refuse_reason(data).startswith("binary file")


def test_outline_reads_utf16(tmp_path, capsys):
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    assert main(["outline", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "Financial Review" in out
    assert err == "colt-tui: warning: wide.txt: UTF-16 (little-endian) text; decoded as UTF-16\n"


def test_nothing_is_written_beside_the_files(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT.encode("utf-16-be"))
    load_filing(path)
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == ["wide.txt"]
