"""Any file name works: bytes that are not UTF-8, escape sequences, newlines and markup in a name never crash a
command or the app, never reach the terminal raw, and never break a report's one line per filing."""

from __future__ import annotations

import csv
import io
import json
import os
import re

import pandas as pd
import pytest

from parser import load_filing
from parser.names import shown_name
from tests_support import ready, rendered
from tests_support_hostile import BAD_UTF8, FORGED, GOOD_WITH_TABLES, MARKUP, OSC52, write_named
from tui.app import build_app
from tui.cli import main
from tui.data.text import safe_name
from tui.widgets.filing_list import ERROR_MARK

RAW_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
SHOWN_BAD = "bad\\xff\\xfename.txt"
SHOWN_OSC = "osc\\x1b]52;c;aGVsbG8=\\x07.txt"
SHOWN_FORGED = "nl\\x0acolt-tui: 9 files: 9 parsed.txt"


@pytest.fixture()
def odd(tmp_path):
    """A folder of filings with odd names: two with tables (one not UTF-8, one with an OSC 52 sequence),
    one empty whose name holds a newline and a fake summary line."""
    folder = tmp_path / "filings"
    folder.mkdir()
    good = GOOD_WITH_TABLES.read_bytes()
    write_named(folder, BAD_UTF8, good)
    write_named(folder, OSC52, good)
    write_named(folder, FORGED, b"")
    return folder


@pytest.mark.parametrize("name, shown", [
    (os.fsdecode(BAD_UTF8), SHOWN_BAD), (os.fsdecode(OSC52), SHOWN_OSC), (os.fsdecode(FORGED), SHOWN_FORGED),
    ("tab\there\r.txt", "tab\\x09here\\x0d.txt"), ("c1\x9b31m\u2028.txt", "c1\\x9b31m\\u2028.txt"),
    ("café [red]x[/red]", "café [red]x[/red]"),
])
def test_one_representation_in_the_parser_and_the_app(name, shown):
    assert shown_name(name) == safe_name(name) == shown
    assert shown_name(shown) == shown  # already shown: unchanged


def test_every_byte_is_shown_the_same_way_by_both():
    every = os.fsdecode(bytes(range(1, 256)).replace(b"/", b""))
    assert shown_name(every) == safe_name(every)
    assert not RAW_CONTROL.search(shown_name(every)) and shown_name(every).encode("utf-8")


def test_load_filing_names_the_file_as_shown(odd):
    filing = load_filing(os.path.join(os.fsencode(odd), BAD_UTF8))
    assert filing.name == SHOWN_BAD and len(filing.tables) == 19
    assert os.path.exists(filing.path)  # the path stays the real one, to open again
    assert load_filing(os.fsdecode(os.path.join(os.fsencode(odd), FORGED))).error == f"{SHOWN_FORGED}: empty file"


def _lines(text: str) -> list[str]:
    """The lines of an output, checked: no raw control character or undecodable byte within a line."""
    assert not RAW_CONTROL.search(text.replace("\n", "")), text
    text.encode("utf-8")  # no lone surrogates
    return text.splitlines()


def test_index_reports_one_line_per_file_and_reopens_from_the_cache(odd, tmp_path, capsys):
    cache = str(tmp_path / "cache.sqlite3")
    for run, parsed in ((1, 3), (2, 0)):
        assert main(["index", "--cache", cache, str(odd)]) == 3, run
        out, err = capsys.readouterr()
        assert _lines(err) == [f"colt-tui: {SHOWN_FORGED}: empty file"]
        summary, where = _lines(out)
        assert summary.startswith(f"3 files: {parsed} parsed, {3 - parsed} from cache, 0 removed, 1 unreadable")
        assert where == f"cache: {cache}"


def test_facts_csv_json_and_parquet_name_each_filing_as_shown(odd, tmp_path, capsys):
    cache = str(tmp_path / "cache.sqlite3")
    assert main(["facts", "--cache", cache, str(odd)]) == 3
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO("\n".join(_lines(out)))))
    assert {row["filing"] for row in rows} == {SHOWN_BAD, SHOWN_OSC} and len(rows) > 200
    assert _lines(err) == [f"colt-tui: {SHOWN_FORGED}: empty file"]
    for fmt in ("csv", "json", "parquet"):
        target = tmp_path / f"facts.{fmt}"
        assert main(["facts", "--cache", cache, "--format", fmt, "-o", str(target), str(odd)]) == 3
        if fmt == "csv":
            frame = pd.read_csv(io.StringIO(target.read_bytes().decode("utf-8")))
        elif fmt == "json":
            frame = pd.DataFrame(json.loads(target.read_bytes().decode("utf-8")))
        else:
            frame = pd.read_parquet(target)
        assert set(frame["filing"]) == {SHOWN_BAD, SHOWN_OSC}, fmt
    capsys.readouterr()


def test_check_keeps_one_summary_line_per_filing(odd, capsys):
    assert main(["check", "--cache", ":memory:", str(odd)]) in (0, 3)
    out, err = capsys.readouterr()
    summaries = [line for line in _lines(out) if not line.startswith(" ")]
    assert sorted(line.split(": ")[0] for line in summaries) == sorted([SHOWN_BAD, SHOWN_OSC])
    assert _lines(err) == [f"colt-tui: {SHOWN_FORGED}: empty file"]
    assert main(["check", "--summary", "--cache", ":memory:", str(odd)]) in (0, 3)
    out, _ = capsys.readouterr()
    assert SHOWN_BAD in out and SHOWN_OSC in out and _lines(out)


def test_single_file_commands_and_missing_paths_show_the_name_escaped(odd, capsys):
    bad = os.fsdecode(os.path.join(os.fsencode(odd), BAD_UTF8))
    assert main(["outline", bad]) == 0 and main(["tables", bad]) == 0
    assert len(_lines(capsys.readouterr().out)) > 20
    assert main(["outline", os.fsdecode(os.path.join(os.fsencode(odd), FORGED))]) == 2
    assert _lines(capsys.readouterr().err) == [f"colt-tui: {SHOWN_FORGED}: empty file"]
    missing = str(odd / "gone\x1b]52;c;aGVsbG8=\x07\n.txt")
    for command in (["outline", missing], ["facts", missing], [missing]):
        assert main(command) == 2
        (line,) = _lines(capsys.readouterr().err)
        assert line.endswith("gone\\x1b]52;c;aGVsbG8=\\x07\\x0a.txt: no such file or folder"), line


def _shown(widget) -> str:
    """What a widget paints, each line without its trailing padding."""
    return "\n".join(line.rstrip() for line in rendered(widget).splitlines())


async def test_the_app_lists_odd_names_escaped_and_literal(odd, tmp_path):
    """Names not UTF-8, with escapes, newlines or markup: listed escaped and literal, opened, and reopened
    from the cache (where a path that is not UTF-8 is stored as bytes)."""
    for name in (b"empty\xff.txt", OSC52.replace(b"osc", b"oscempty"), *MARKUP):
        write_named(odd, name, b"")
    failed = ["empty\\xff.txt", SHOWN_OSC.replace("osc", "oscempty"), SHOWN_FORGED, *MARKUP]
    cache = str(tmp_path / "cache.sqlite3")
    for run in (1, 2):
        app = build_app([str(odd)], cache)
        async with app.run_test(size=(120, 50)) as pilot:
            await ready(app, pilot)
            screen = app.screen
            assert app.index_report.cached == (0 if run == 1 else 9)
            paths = screen.filing_list.paths
            for name in failed:
                screen.filing_list.highlighted = [app.library.get(p).name for p in paths].index(name)
                row = f"{ERROR_MARK} {name}"[:30]  # the list is narrower than the longest names
                await pilot.pause()
                assert re.search(f"^{re.escape(row)}.*\n  empty file$", _shown(screen.filing_list), re.M)
                assert not RAW_CONTROL.search(_shown(screen.filing_list).replace("\n", ""))
                await pilot.pause()
                assert screen.content.filing is not None and screen.content.filing.name == name
                message = rendered(screen.content.query_one("#message"))
                assert f"{name}: empty file" in " ".join(message.split()), message
            bad = os.fsdecode(os.path.join(os.fsencode(odd), BAD_UTF8))
            screen.filing_list.highlighted = paths.index(bad)
            await pilot.pause()
            assert screen.content.filing is not None and screen.content.filing.path == bad
            assert screen.content.current == "text" and screen.content.filing.name == SHOWN_BAD


def test_the_cache_keeps_a_name_not_utf8_apart_from_its_shown_form(odd, tmp_path):
    """The bytes b"bad\\xff..." and the text "bad\\\\xff..." are two files: two cache rows, both found again."""
    from tui.index import open_index
    from tui.index.pathkey import from_key, to_key

    literal = write_named(odd, SHOWN_BAD, b"")
    real = os.fsdecode(os.path.join(os.fsencode(odd), BAD_UTF8))
    assert to_key(real) == os.fsencode(real) and to_key(literal) == literal
    assert from_key(to_key(real)) == real and from_key(to_key(literal)) == literal
    cache = tmp_path / "cache.sqlite3"
    open_index([odd], cache).close()
    index = open_index([odd], cache, refresh=False)
    assert not index.pending and len(index.summaries) == 4
    assert index.summaries[real].error is None and index.summaries[literal].error == f"{SHOWN_BAD}: empty file"
    assert len(index.filing(real).tables) == 19
    index.close()
