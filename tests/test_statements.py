"""One statement, one table, with its printed title and right kind, as `colt-tui tables` lists it.

The statements of each real filing were listed by hand in tests/fixtures/truth/*.statements.tsv
(title as printed, kind, the lines of the first and last rows of numbers, the number of value
columns); see the README there.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest

from tui.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRUTH = FIXTURES / "truth"
EXTRA = FIXTURES / "extra"
_LISTED = re.compile(r"^\s*(\d+)\s+(\S+)\s+(\d+)x(\d+)\s+.*?(\d+)-(\d+)\s{2,}(.*)$")


def _statements():
    for path in sorted(TRUTH.glob("*.statements.tsv")):
        filing = path.name.replace(".statements.tsv", ".txt")
        with path.open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle, delimiter="\t"):
                yield pytest.param(filing, record, id=f"{filing[:12]}-{record['first_line']}")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


@cache
def listed(filing: str) -> tuple[tuple[int, str, int, int, int, str], ...]:
    """(index, kind, columns, first line, last line, title) of every table `colt-tui tables` lists."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["tables", str(EXTRA / filing)]) == 0
    rows = []
    for line in out.getvalue().splitlines()[1:]:
        match = _LISTED.match(line)
        assert match, line
        index, kind, _rows, columns, first, last, title = match.groups()
        rows.append((int(index), kind, int(columns), int(first), int(last), title.strip()))
    return tuple(rows)


def test_at_least_twelve_filings_have_their_statements_listed():
    filings = {param.values[0] for param in _statements()}
    assert len(filings) >= 12


@pytest.mark.parametrize("filing, statement", list(_statements()))
def test_statement_is_one_table_with_its_title_and_kind(filing, statement):
    first, last = int(statement["first_line"]), int(statement["last_line"])
    holding = [t for t in listed(filing) if t[3] <= first <= t[4]]
    assert holding, f"no table holds line {first}"
    _index, kind, columns, _start, end, title = holding[0]
    assert end >= last, f"the table ends at line {end}, before the statement's last row ({last})"
    assert kind == statement["kind"]
    assert _norm(statement["title"]) in _norm(title), title
    assert columns == int(statement["columns"])
