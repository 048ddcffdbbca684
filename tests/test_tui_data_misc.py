"""Headless helpers: safe text, labels, numbers, find, library order, keys doc, import hygiene."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from parser import Filing
from tui.data.find import deepest_section, find_all, step
from tui.data.keys import KEYS, MARKS, markdown_table, marks_table
from tui.data.library import Library
from tui.data.numbers import decimals_of, grouped, percent, plain
from tui.data.text import normalise_label, safe_text

REPO = Path(__file__).resolve().parents[1]


def test_safe_text_shows_control_characters():
    assert safe_text("a\x1b[31mb") == "a\\x1b[31mb"
    assert safe_text("[red]x[/red]") == "[red]x[/red]"
    assert safe_text("a\tb") == "a       b"
    assert safe_text("bell\x07\x7f") == "bell\\x07\\x7f"


def test_normalise_label():
    assert normalise_label("EBITDA (1)") == "ebitda"
    assert normalise_label("  Selling, general & administrative ") == "selling general and administrative"
    assert normalise_label("Turnover") == normalise_label("TURNOVER")


def test_numbers():
    assert plain(2284872.0) == "2284872" and plain(-0.02) == "-0.02" and plain(None) == ""
    assert decimals_of("GBP(0.02)") == 2 and decimals_of("1,234") == 0
    assert grouped(8266, sign=True) == "+8,266" and grouped(0, sign=True) == "0"
    assert percent(2.8214) == "+2.8%" and percent(None) == "n/a"


def test_find_and_step():
    lines = ["Turnover rose", "no", "turnover fell; TURNOVER"]
    matches = find_all(lines, "turnover")
    assert matches == [(1, 0, 8), (3, 0, 8), (3, 15, 23)]
    assert step(matches, None, True, from_line=2) == (3, 0, 8)
    assert step(matches, (3, 15, 23), True) == (1, 0, 8)
    assert step(matches, (1, 0, 8), False) == (3, 15, 23)
    assert find_all(["a\x1bb"], "\\x1b") == [(1, 1, 5)]


def test_deepest_section():
    from parser import load_filing

    filing = load_filing(REPO / "filings" / "001_e47b350a37731711.txt")
    assert deepest_section(filing, 780).title == "5b. EBITDA reconciliation"
    assert deepest_section(filing, 1).title == "Cover page"


def test_library_newest_first_failures_then_pending(tmp_path):
    library = Library([str(tmp_path)])
    library.add_pending(["a.txt", "b.txt", "c.txt", "d.txt"])
    library.add(Filing("a.txt", "a.txt", date=date(2004, 7, 1), title="Old"))
    library.add(Filing("b.txt", "b.txt", date=date(2004, 11, 10), title="New"))
    library.add(Filing("c.txt", "c.txt", error="c.txt: empty file"))
    assert [entry.name for entry in library.entries()] == ["b.txt", "a.txt", "c.txt", "d.txt"]
    assert library.progress == (3, 4)
    assert [entry.name for entry in library.entries("new")] == ["b.txt"]
    assert [f.name for f in library.filings()] == ["b.txt", "a.txt"]


def test_keys_documented():
    doc = (REPO / "docs" / "BROWSER.md").read_text(encoding="utf-8")
    assert markdown_table() in doc
    keys = " ".join(key for _, key, _ in KEYS)
    for key in ("tab", "j k", "g / G", "enter", "[ / ]", "/", "c", "s", "e", "y", "q", "n / N", "ctrl+p", "F1",
                "C", "v", "o", "x / M", "F9", "F10", "1 / 2 / 3"):
        assert key in keys
    assert marks_table() in doc and {mark for mark, _ in MARKS} >= {"?", "≠", "Δ", "R", "▦", "✗"}


def test_data_and_parser_never_import_textual_or_rich():
    code = (
        "import sys, parser, tui.data.compare, tui.data.series, tui.data.search, tui.data.export, "
        "tui.data.library, tui.data.find, tui.data.describe, tui.data.chart, tui.data.keys; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'pandas')]; print(bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


def test_start_up_path_stays_light():
    # The parser package itself is light (its names load on first use), and `parser.names` is how every
    # file name is shown; no parsing stage, model or pandas comes with the app's start.
    code = (
        "import sys, tui.app; "
        "print([m for m in ('pandas', 'numpy', 'rapidfuzz', 'textual.widgets._data_table') if m in sys.modules] + "
        "[m for m in sys.modules if m.startswith('parser.') and m != 'parser.names'])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"
