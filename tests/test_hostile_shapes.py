"""Bounded parse time on hostile shapes (issue 9, point 10), shown without timing anything.

- A table too wide to be a statement is kept as text with a one-line warning.
- The linear rewrites read exactly what the quadratic code read: each is compared with the
  code it replaced on generated inputs.
- The work done grows linearly: lines of the parser's own code executed (counted with a trace
  function on the module concerned) when the input doubles; each of these counts grew about
  fourfold per doubling before the fix. (Work done inside a regular expression or a list
  operation is not counted: those rewrites are checked by the comparisons above and by
  parsing the long runs that made them quadratic.)

`benchmarks/hostile_shapes.py` measures the times; BENCHMARKS.md records them.
"""

from __future__ import annotations

import random
import re
import sys
from bisect import bisect_right
from itertools import accumulate

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parser import blocks, columns, keyvalues, load, parse_text, sections
from parser.lines import LazyLines
from parser.spans import SpanFinder
from parser.tables import MAX_COLUMNS

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _wide(columns_count: int, rows: int = 3) -> str:
    head = " " * 12 + "  ".join(f"{1900 + i % 100:>6}" for i in range(columns_count)) + "\n"
    body = "".join(f"Item {r}      " + "  ".join(f"{(i * 7 + r) % 9000 + 100:>6}" for i in range(columns_count)) + "\n"
                   for r in range(rows))
    return "Other assets\n\n" + head + body


# --- the per-table limit -------------------------------------------------------------------


def test_a_header_of_10000_columns_is_kept_as_text_with_one_warning():
    filing = parse_text(_wide(10_000), "wide.txt")
    assert filing.tables == ()
    assert len(filing.warnings) == 1
    warning = filing.warnings[0]
    assert warning.startswith("wide.txt: line 4: 10,000 numbers on one line")
    assert f"{MAX_COLUMNS} columns" in warning and "kept as text" in warning and "\n" not in warning
    assert len(filing.lines) == 6 and filing.lines[3].startswith("Item 0")  # the text itself is kept


def test_a_tagged_table_over_the_limit_is_kept_as_text_and_the_next_one_is_read():
    text = ("<TABLE>\n" + _wide(MAX_COLUMNS + 1) + "</TABLE>\n\n"
            "<TABLE>\n                 1998     1997\nRevenue         1,234    1,100\nCosts             200      100\n</TABLE>\n")
    filing = parse_text(text, "two.txt")
    assert len(filing.tables) == 1 and [row.label for row in filing.tables[0].rows] == ["Revenue", "Costs"]
    assert [w for w in filing.warnings if "kept as text" in w] == [
        f"two.txt: line 5: {MAX_COLUMNS + 1} numbers on one line, more than a table's {MAX_COLUMNS} columns; kept as text"]


def test_a_table_at_the_limit_is_still_read():
    filing = parse_text(_wide(MAX_COLUMNS), "limit.txt")
    assert not filing.warnings
    assert len(filing.tables) == 1 and len(filing.tables[0].columns) == MAX_COLUMNS
    assert filing.tables[0].rows[0].cells[-1] is not None


def test_the_limit_is_far_above_any_real_table():
    assert MAX_COLUMNS >= 200  # real statements print fewer than 30 columns, lines under 400 characters


# --- the linear rewrites read what the old code read ---------------------------------------

_OLD_PAIR = re.compile(r"\d[\d,.)\]%-]*  +(?:[($£\[-]\s*)*\.?\d")
_OLD_SINGLE = re.compile(r"\S(?: \S+)*\s{4,}(?:\$\s*)?\(?-?[\d,]*\.?\d+\)?%?\s*$")
_OLD_KEY_VALUE = re.compile(r"^\s*(?P<label>[A-Za-z][^:]{2,80}?):\s+(?P<value>\S.*?)\s*$")
_NUMBERISH = st.text(alphabet=st.sampled_from(list("0123456789  ,.)]%-($£[\n\t x$")), max_size=120)


def _line_of(text: str):
    starts = list(accumulate((len(line) + 1 for line in text.split("\n")), initial=0))
    return lambda position: bisect_right(starts, position) - 1


@FAST
@given(_NUMBERISH)
def test_numeric_line_candidates_are_the_lines_the_pattern_finds(text):
    line_of = _line_of(text)
    expected: list[int] = []
    for match in _OLD_PAIR.finditer(text):
        if not expected or expected[-1] != line_of(match.start()):
            expected.append(line_of(match.start()))
    assert blocks.numeric_line_candidates(text, line_of) == expected


@FAST
@given(st.text(alphabet=st.sampled_from(list("ab $(),.-%1239\t")), max_size=40))
def test_single_value_pattern_matches_the_same_lines(text):
    for line in (text, "Pool factor" + text):
        assert bool(blocks._SINGLE.search(line)) == bool(_OLD_SINGLE.search(line))


@FAST
@given(st.text(alphabet=st.sampled_from(list("ab: \t\x0c\u3000x1$(.")), max_size=40))
def test_label_value_pattern_reads_the_same_label_and_value(text):
    for line in (text, "Label" + text):
        old, new = _OLD_KEY_VALUE.match(line), keyvalues._PAIR.match(line)
        assert (old is None) == (new is None)
        if old:
            assert (old["label"], old["value"]) == (new["label"], new["value"])


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12)


@FAST
@given(_SPANS, st.integers(0, 60), st.integers(0, 60), st.booleans())
def test_header_spans_touched_are_the_overlapping_ones(spans, start, end, ordered):
    if ordered:  # as a table's columns are: left and right ends both going up
        lefts, rights = sorted(a for a, _ in spans), sorted(b for _, b in spans)
        spans = list(zip(lefts, rights))
    expected = [index for index, span in enumerate(spans) if columns._overlap((start, end), span) > 0]
    assert columns._Spans(spans).touching(start, end) == expected


@FAST
@given(_SPANS, st.integers(-1, 61), st.booleans())
def test_span_finder_finds_the_first_span_holding_a_line(spans, line, ordered):
    if ordered:  # as a submission's documents are: in order, apart
        bounds = sorted(value for span in spans for value in span)
        spans = list(zip(bounds[0::2], bounds[1::2]))
    expected = next((index for index, (start, stop) in enumerate(spans) if start <= line < stop), None)
    assert SpanFinder(spans).first(line) == expected


class _Node:
    def __init__(self, first_line: int, last_line: int) -> None:
        self.first_line, self.last_line = first_line, last_line


@FAST
@given(_SPANS, st.lists(st.integers(0, 60), max_size=10))
def test_the_owner_of_a_table_is_the_last_section_holding_it(spans, tables):
    nodes = [_Node(first, last) for first, last in spans]
    owners = load._last_holders(nodes, sorted(set(tables)))
    for line in set(tables):
        holding = [node for node in nodes if node.first_line <= line <= node.last_line]
        assert owners.get(line) is (holding[-1] if holding else None)


def test_sections_hold_the_same_tables_as_before():
    rng = random.Random(5)
    for _ in range(300):
        headings = []
        for _ in range(rng.randint(0, 12)):
            first = rng.randint(0, 80)
            headings.append(sections._Heading("h", rng.randint(-1, 4), "heading", first, first + rng.randint(0, 1)))
        spans = [(first, first + 3) for first in (rng.randint(1, 90) for _ in range(rng.randint(0, 10)))]
        tree = sections.build_tree(headings, 100, spans)
        for node in (node for root in tree for node in root.walk()):
            first, end = node.first_line - 1, node.last_line - 1
            inner = [(child.first_line - 1, child.last_line - 1) for child in node.children]
            expected = tuple(index for index, (line, _) in enumerate(spans) if first <= line - 1 <= end
                             and not any(a <= line - 1 <= b for a, b in inner))
            assert node.tables == expected


# --- the work grows linearly ---------------------------------------------------------------


def _lines_run(module, call) -> int:
    """Lines of `module`'s code executed while `call()` runs."""
    filename = module.__file__
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):
        return local if frame.f_code.co_filename == filename else None

    sys.settrace(tracer)
    try:
        call()
    finally:
        sys.settrace(None)
    return count


def _grows_linearly(module, make, size: int) -> None:
    small = _lines_run(module, lambda: make(size))
    large = _lines_run(module, lambda: make(2 * size))
    assert large <= 2.6 * small, (small, large)


def _notes(count: int) -> str:
    return "".join(f"NOTE {i} - OTHER ASSETS\n\n<TABLE>\n                 1998     1997\n"
                   f"Prepaid         1,234    1,100\nDeposits        {i:5d}      500\n</TABLE>\n\n" for i in range(count))


@pytest.mark.parametrize("module", [sections, blocks])
def test_notes_each_with_a_table_take_linear_work(module):
    text = _notes(300)
    _grows_linearly(module, lambda count: parse_text(text * (count // 300), "notes"), 300)


def test_tables_titled_from_their_sections_take_linear_work():
    def notes(count: int):
        return parse_text("".join(
            f"{i % 99 + 1}. Other assets\n\nThe following amounts were included in other assets at the end of each "
            f"year shown below.\n\n                       1998        1997\nPrepaid             1,234       1,100\n"
            f"Deposits              {i:5d}         500\n\n" for i in range(count)), "notes")

    _grows_linearly(load, notes, 200)


def test_untagged_runs_between_many_tagged_tables_take_linear_work():
    def find(count: int) -> None:
        raw = ["<TABLE>", "Revenue   1,234   5,678", "</TABLE>", "Costs   1   2"] * count
        ranges = [(4 * i + 3, 4 * i + 4) for i in range(count)]
        candidates = [4 * i + 1 for i in range(count)] + [4 * i + 3 for i in range(count)]
        blocks.find_untagged_blocks(LazyLines(raw), sorted(candidates), ranges)

    _grows_linearly(blocks, find, 2000)


def test_a_wide_header_takes_linear_work():
    _grows_linearly(columns, lambda count: parse_text(_wide(count), "wide"), MAX_COLUMNS // 2)


def test_many_documents_take_linear_work():
    def documents(count):
        return parse_text("".join(
            f"<DOCUMENT>\n<TYPE>EX-{i}\n<TEXT>\n<TABLE>\nRevenue   1,234   5,678\n</TABLE>\n</TEXT>\n</DOCUMENT>\n"
            for i in range(count)), "documents")
    _grows_linearly(load, documents, 300)


def test_long_runs_of_digits_and_spaces_are_read_in_one_pass():
    # The patterns that backtracked over these runs took minutes at this size; no time is
    # asserted, the parse simply has to come back, with nothing read as a table.
    for text in ("Total    " + "1" * 200_000 + "x1\n", "Label: x" + " " * 200_000 + "y\n",
                 " ".join(str(1000 + i % 9000) for i in range(40_000)) + "\n"):
        assert parse_text(text, "run").tables == ()
