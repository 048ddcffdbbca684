"""Turn a table segment (header band + body lines) into a typed Table."""

from __future__ import annotations

import dataclasses
import re

from .blocks import Segment, move_headings_to_body
from .checks import find_checks
from .columns import Layout, assign_headers, layout_columns
from .kinds import table_kind
from .lines import BLANK, PERIOD_WORDS, RULE, TEXT, UNIT_WORDS, Line
from .model import AMOUNT, COUNT, HEADING, NIL, PER_SHARE, PERCENT, SUBTOTAL, Cell, Column, Row, Table
from .periods import column_period, column_qualifier, column_unit
from .rows import RawRow, build_rows

_NOTE_NUMBER = re.compile(r"^\s*(?:\d{1,2}[a-z]?|[a-z]|[ivx]{1,4})[.)]\s+\S", re.I)
VALUES_DROPPED = "more numbers on the line than the table has columns; some were left out"
_STATEMENT_NAMES = re.compile(
    r"statements?\s+of|balance\s+sheets?|cash\s*flow|profit\s+and\s+loss|income\s+statement|key\s+financial",
    re.I,
)
_STATEMENT_WORDS = re.compile(
    r"statements?\b|balance\s+sheets?|cash\s+flows?|profit\s+and\s+loss|income|earnings|operations|"
    r"financial\s+(?:position|condition|data|highlights)|shareholders|stockholders|equity|segment",
    re.I,
)
_PER_SHARE = re.compile(r"per\s+(?:\w+\s+){0,2}(?:share|ADS|unit)|\bEPS\b|earnings\s+per|dividends?\s+per", re.I)
_COUNT_LABEL = re.compile(
    r"^(?:weighted\s+average|(?:average\s+)?number\s+of|(?:common\s+|ordinary\s+)?shares\s+(?:used|outstanding|in\s+issue)|"
    r"average\s+(?:common\s+|ordinary\s+)?shares|headcount|employees|customers)"
    r"|\bshares\b.*\((?:in\s+thousands|'?000'?s?|in\s+millions)\)\s*$",
    re.I,
)
_COUNT_SCALE = [
    (re.compile(r"\('?000'?s?\)|\bin\s+thousands\b|\(thousands\)", re.I), 1000),
    (re.compile(r"\(millions?\)|\bin\s+millions\b", re.I), 1_000_000),
]


def build_table(
    segment: Segment, index: int, year_end: tuple[int, int] | None = None
) -> tuple[Table, set[int], set[int]]:
    """Read one segment's columns, rows, cells and checks; also the lines its header and body
    use, and the lines of its title."""
    move_headings_to_body(segment)
    data_lines = segment.data_lines
    layout, assignment = layout_columns(data_lines)
    layout.use_markers(segment.markers)
    width = segment.label_width
    title_lines, header_lines = _split_title(segment.band)
    header = assign_headers(header_lines, layout, width)
    title = _title(title_lines, header.table_text, segment)
    context = " ".join([title, *header.table_text, *segment.context])
    instant = table_kind(title, (), ()) == "balance"
    printed = _printed_currencies(layout.count, data_lines, assignment)
    columns = tuple(
        _column(k, layout, header.labels[k], context, printed[k], year_end, instant) for k in range(layout.count)
    )
    columns = _percent_columns(columns, data_lines, assignment)
    raw_rows = build_rows(segment.body)
    rows = tuple(_row(i, raw, columns, assignment) for i, raw in enumerate(raw_rows))
    kind = table_kind(title, rows, columns)
    notes = tuple(" ".join(line.text.split()) for line in segment.notes if line.kind == TEXT)
    used = {line.number for line in header_lines + segment.body if line.kind != BLANK}
    printed = [line.number for line in title_lines + header_lines + segment.body if line.kind != BLANK]
    first_line, last_line = min(printed), max(printed)
    table = Table(
        index=index,
        title=title,
        kind=kind,
        columns=columns,
        rows=rows,
        first_line=first_line,
        last_line=last_line,
        checks=find_checks(rows, columns),
        notes=notes,
        tagged=segment.tagged,
    )
    return table, used, {line.number for line in title_lines + _title_source(segment, title_lines)}


def _is_title_line(line: Line) -> bool:
    if line.kind != TEXT:
        return False
    text = line.text.strip()
    if _NOTE_NUMBER.match(text):
        return True
    if PERIOD_WORDS.search(text) or UNIT_WORDS.search(text):
        return False
    return "  " not in text


def _split_title(band: list[Line]) -> tuple[list[Line], list[Line]]:
    """Title lines at the top of the band, then the header lines proper."""
    lines = [line for line in band if line.kind != BLANK]
    while lines and lines[0].kind == RULE:
        lines.pop(0)
    titles: list[Line] = []
    while lines and (_is_title_line(lines[0]) or (titles and _continues_title(titles[-1], lines[0]))):
        titles.append(lines.pop(0))
    return titles, lines


def _continues_title(previous: Line, line: Line) -> bool:
    text = line.text.strip()
    return line.kind == TEXT and line.number == previous.number + 1 and bool(text) and not text[0].isupper() and "  " not in text


def _title(title_lines: list[Line], table_text: list[str], segment: Segment) -> str:
    """The table's title: the nearest title-like text, preferring one that names a statement."""
    candidates: list[str] = []
    if title_lines:
        candidates.append(" ".join(line.text for line in title_lines))
    candidates.extend(t for t in table_text if not UNIT_WORDS.search(t) and not PERIOD_WORDS.search(t))
    candidates.extend(_before_titles(segment.before))
    candidates.extend(
        text
        for text in reversed(segment.context)
        if not text.startswith("(") and len(text) < 90 and not text.rstrip().endswith((".", ":", ","))
        and not PERIOD_WORDS.search(text)
    )
    candidates = [clean_title(text) for text in candidates if text.strip()]
    for pattern in (_STATEMENT_NAMES, _STATEMENT_WORDS):
        for text in candidates:
            if pattern.search(text):
                return text
    return candidates[0] if candidates else ""


def _title_source(segment: Segment, title_lines: list[Line]) -> list[Line]:
    """The gap lines a table's title was read from, when it was not in the band."""
    if title_lines:
        return []
    paragraph: list[Line] = []
    for line in reversed(segment.before):
        if line.kind == TEXT:
            paragraph.insert(0, line)
        elif paragraph:
            break
    return paragraph if len(paragraph) <= 3 else []


def _before_titles(before: list[Line]):
    paragraph: list[Line] = []
    for line in reversed(before):
        if line.kind == TEXT:
            paragraph.insert(0, line)
        elif paragraph:
            break
    if paragraph and len(paragraph) <= 3:
        text = " ".join(line.text.strip() for line in paragraph)
        if _NOTE_NUMBER.match(text) or not text.endswith((".", ":")):
            yield clean_title(text)


def clean_title(text: str) -> str:
    """A title with its spacing and note number spacing normalised ("5a.  X" -> "5a. X")."""
    return " ".join(text.split())


def _column(index, layout: Layout, label, context: str, printed_currency, year_end, instant) -> Column:
    label = tuple(label)
    currency, scale = column_unit(label, context)
    if currency is None:
        currency = printed_currency
    return Column(
        index=index,
        label=tuple(" ".join(part.split()) for part in label),
        start=layout.starts[index],
        end=layout.ends[index],
        period=column_period(label, context, year_end, instant),
        currency=currency,
        scale=scale or 1,
        qualifier=column_qualifier(label),
    )


def _percent_columns(columns, data_lines, assignment):
    """A column that prints only percentages has no currency and no scale."""
    kinds: dict[int, set[str]] = {column.index: set() for column in columns}
    for line in data_lines:
        for token, column in zip(line.values, assignment[line.number]):
            if column is not None and token.kind != "nil":
                kinds[column].add(token.kind)
    return tuple(
        dataclasses.replace(column, currency=None, scale=1) if kinds[column.index] == {"percent"} else column
        for column in columns
    )


def _printed_currencies(width: int, data_lines: list[Line], assignment) -> list[str | None]:
    """Per column, the one currency printed on its whole amounts ("$1,601"), if any."""
    seen: list[set[str]] = [set() for _ in range(width)]
    for line in data_lines:
        for token, column in zip(line.values, assignment[line.number]):
            if column is not None and token.currency and token.kind == "amount" and "." not in token.raw:
                seen[column].add(token.currency)
    return [found.pop() if len(found) == 1 else None for found in seen]


def _row(index: int, raw: RawRow, columns: tuple[Column, ...], assignment) -> Row:
    label = raw.label
    group = tuple(raw.group)
    cells: list[Cell | None] = [None] * len(columns)
    if raw.data is not None:
        traits = _RowTraits(label, group)
        for token, column in zip(raw.data.values, assignment.get(raw.data.number, [])):
            if column is None or token.value is None:
                continue
            cells[column] = _cell(token, columns[column], traits, raw.data.number)
    lines = raw.lines
    anchor = raw.data.number if raw.data is not None else lines[0]
    doubts = list(raw.doubts)
    if raw.data is not None and None in assignment.get(raw.data.number, []):
        doubts.append(VALUES_DROPPED)
    return Row(
        index=index,
        label=label,
        group=group,
        kind=raw.kind if raw.kind in (HEADING, SUBTOTAL) else "item",
        cells=tuple(cells),
        line=anchor,
        first_line=min(lines),
        last_line=max(lines),
        doubts=tuple(dict.fromkeys(doubts)),
    )


class _RowTraits:
    """What a row's label and groups say about its numbers: counts, per-share, a scale."""

    def __init__(self, label: str, group: tuple[str, ...]) -> None:
        context = " ".join([label, *group])
        self.count = bool(_COUNT_LABEL.search(label))
        self.per_share = bool(_PER_SHARE.search(context))
        self.label_scale = _count_scale(label, 0)
        self.context_scale = _count_scale(context, 0)


def _cell(token, column: Column, traits: _RowTraits, line: int) -> Cell:
    common = dict(raw=token.raw.strip(), value=token.value, line=line, column=column.index, start=token.start, end=token.end)
    if token.kind == "percent":
        return Cell(kind=PERCENT, currency=None, scale=1, **common)
    if traits.count and not token.currency and "." not in token.raw:
        scale = traits.label_scale or column.scale
        return Cell(kind=COUNT if token.kind != "nil" else NIL, currency=None, scale=scale, **common)
    per_share = traits.per_share or (
        token.currency and "." in token.raw and column.scale > 1 and abs(token.value) < 100
    )
    if per_share and token.kind != "nil":
        return Cell(kind=PER_SHARE, currency=token.currency or column.currency, scale=1, **common)
    currency = token.currency or column.currency
    if token.kind == "nil":
        scale = column.scale if currency else (traits.context_scale or column.scale)
        return Cell(kind=NIL, currency=currency, scale=scale, **common)
    if currency is None:
        return Cell(kind=COUNT, currency=None, scale=traits.context_scale or column.scale, **common)
    return Cell(kind=AMOUNT, currency=currency, scale=column.scale, **common)


def _count_scale(context: str, default: int = 1) -> int:
    for pattern, scale in _COUNT_SCALE:
        if pattern.search(context):
            return scale
    return default
