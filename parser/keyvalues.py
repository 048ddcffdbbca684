"""Runs of "Label:   value" lines (a 13F summary page, a cover's report data): a one-column
table whose numbers take their unit from the value ("$") and from a unit line printed under it
("(thousands)"), and their period only from the filing (the quarter a 13F reports)."""

from __future__ import annotations

import re
from typing import cast

from .lines import BLANK, RULE, LazyLines, Line
from .model import Cell, CellKind, Column, Doubt, DoubtReason, Period, Row, RowKind, Source, Table, TableKind
from .units import read_unit
from .values import Token, read_value

# The value runs to the line's last non-space (a lazy "\S.*?" before "\s*$" reads the same,
# but tried the end of the line again from every character: quadratic in a run of spaces).
_PAIR = re.compile(r"^\s*(?P<label>[A-Za-z][^:]{2,80}?):\s+(?P<value>\S(?:.*\S)?)\s*$")
_UNIT_LINE = re.compile(r"^\s*\((?:in\s+)?(?:thousands|millions|billions|000'?s)\)\s*$", re.I)
MIN_PAIRS = 3
MAX_GAP = 3


def find_pair_runs(lines: LazyLines, ranges: list[tuple[int, int]], taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) 0-based line spans of runs of at least three "Label: value" lines, at least
    one of them a number, outside the given taken lines."""
    runs: list[tuple[int, int]] = []
    for start, stop in ranges:
        run: list[int] = []
        for index in range(start, stop):
            if index in taken:
                continue
            line = lines.raw[index]
            if ":" not in line or not _PAIR.match(line):
                continue
            if run and index - run[-1] > MAX_GAP:
                _close(lines, run, runs)
                run = []
            run.append(index)
        _close(lines, run, runs)
    return runs


def _close(lines: LazyLines, run: list[int], runs: list[tuple[int, int]]) -> None:
    if len(run) >= MIN_PAIRS and any(_number(lines.raw[i]) for i in run):
        last = run[-1]
        for below in range(last + 1, min(last + 4, len(lines.raw))):
            if _UNIT_LINE.match(lines.raw[below]):
                last = below
        runs.append((run[0], last))


def _number(text: str) -> Token | None:
    match = _PAIR.match(text)
    if not match:
        return None
    value = match.group("value").split("(")[0].strip() if not match.group("value").startswith("(") else match.group("value")
    token = read_value(value)
    return token if token is not None and token.value is not None and token.kind != "nil" else None


def pairs_table(lines: list[Line], index: int, period: Period | None, period_source: Source) -> Table | None:
    """The numeric pairs of a run as a table, or None when none is a number."""
    rows: list[Row] = []
    for position, line in enumerate(lines):
        token = _number(line.text)
        if token is None:
            continue
        assert token.value is not None  # _number gives only tokens with a value
        label = cast("re.Match[str]", _PAIR.match(line.text)).group("label").strip()
        scale = _unit_below(lines, position) or read_unit(line.text.split(":", 1)[1]).scale or 1
        money = token.currency is not None or "$" in line.text
        kind = CellKind.AMOUNT if money else CellKind.COUNT
        doubts = () if period else (Doubt(DoubtReason.PERIOD_NOT_READ, "a line of a cover or summary page"),)
        start = line.text.index(token.raw.strip()) if token.raw.strip() in line.text else 0
        cell = Cell(token.raw.strip(), token.value, kind, line.number, 0, (token.currency or "USD") if money else None,
                    scale if money else 1, start, start + len(token.raw), period,
                    period_source if period else Source.NONE, Source.CELL, doubts)
        rows.append(Row(len(rows), label, (), RowKind.ITEM, (cell,), line.number, line.number, line.number))
    if not rows:
        return None
    column = Column(0, (), 0, 0, period, None, 1, "", period_source, Source.CELL)
    return Table(index, "Summary", TableKind.KPI, (column,), tuple(rows), lines[0].number, lines[-1].number)


def _unit_below(lines: list[Line], position: int) -> int | None:
    """The scale of a unit line printed under a value, rules and blanks between."""
    for line in lines[position + 1 : position + 4]:
        if line.kind in (BLANK, RULE):
            continue
        if _UNIT_LINE.match(line.text):
            return read_unit(line.text).scale
        return None
    return None
