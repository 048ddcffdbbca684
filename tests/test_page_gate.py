"""The cheap way of asking the page-break pattern answers as the pattern does, on every line."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parser import continuation

ROOT = Path(__file__).resolve().parents[1]


def agrees(line: str) -> bool:
    return continuation._breaks_page(line) == bool(continuation._PAGE.match(line))


def test_every_kind_of_page_break_passes():
    for line in ("<PAGE>", "  <page>", "12", " - 3 -", "-4-", "F-7", "  page F-12", "Page 3 of 9", "\fText", "\f",
                 "\u0663", "\u2003 17", " \t - 12 -  "):
        assert continuation._PAGE.match(line), line
        assert continuation._breaks_page(line), line


def test_the_answers_agree_with_the_pattern_on_every_fixture_line():
    paths = sorted((ROOT / "filings").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "extra").glob("*.txt"))
    lines = {line for path in paths for line in path.read_text(errors="replace").splitlines() if line}
    breaks = [line for line in lines if continuation._breaks_page(line)]
    assert 100 < len(breaks) < len(lines) // 10
    assert not [line for line in lines if not agrees(line)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\f\v\x1c\x85\u2003\u00a0<>-PAGEpagF0123\u0663x", min_size=1, max_size=12))
def test_the_answers_agree_with_the_pattern_on_any_line(line):
    assert agrees(line)
