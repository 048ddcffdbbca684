"""Turn a table segment (header band + body lines) into a typed Table."""

from __future__ import annotations

import dataclasses
import re
from typing import Iterator, cast

from .blocks import Segment, move_headings_to_body
from .cells import ColumnEvidence, make_cell, roll_forward, with_period
from .checks import find_checks
from .columns import COMPANY, Layout, assign_headers, layout_columns
from .dates import MONTH, YEAR
from .columnunit import column_unit
from .clues import Clues, FilingDates, Header
from .evidence import QUARTERLY, column_period
from .kinds import table_kind
from .lines import BLANK, DATA, PERIOD_WORDS, RULE, TEXT, UNIT_ONLY, UNIT_WORDS, Line
from .model import HEADING, ITEM, SUBTOTAL, Cell, CellKind, Column, Doubt, DoubtReason, Period, Row, RowKind, Source, Table, TableKind
from .qualifier import column_qualifier
from .rows import RawRow, build_rows
from .reportdates import ReportDates
from .rowtraits import read_row
from .units import states_unit
from .values import Token, is_bare_dollar

# The most numbers one line of a table may print. A segment with a line of more is kept as
# text, with a warning: real statements print fewer than 30 columns (and a line of fewer than
# 400 characters cannot hold more than 200 numbers), while reading a header over thousands of
# columns costs, in places, columns x header chunks.
MAX_COLUMNS = 200


def too_wide(segment: Segment) -> str | None:
    """Why a segment is not read as a table (a line of more than MAX_COLUMNS numbers), or None."""
    widest = max(segment.data_lines, key=lambda line: len(line.values), default=None)
    if widest is None or len(widest.values) <= MAX_COLUMNS:
        return None
    return (f"line {widest.number}: {len(widest.values):,} numbers on one line, more than a table's "
            f"{MAX_COLUMNS} columns; kept as text")


_NOTE_NUMBER = re.compile(r"^\s*(?:\d{1,2}[a-z]?|[a-z]|[ivx]{1,4})[.)]\s+\S", re.I)
_STATEMENT_NAMES = re.compile(
    r"statements?\s+of|balance\s+sheets?|cash\s*flow|profit\s+and\s+loss|income\s+statement|key\s+financial",
    re.I,
)
_STATEMENT_WORDS = re.compile(
    r"statements?\b|balance\s+sheets?|cash\s+flows?|profit\s+and\s+loss|income|earnings|operations|"
    r"financial\s+(?:position|condition|data|highlights|information|overview)|selected\s+(?:consolidated\s+)?financial|"
    r"summary\s+of|shareholders|stockholders|equity|segment|(?:five|ten|\d+)[\s-]+year\s+(?:summary|review|data)",
    re.I,
)
_ITEM = re.compile(r"^item\s+\d+[a-z]?\.?\s+(?=\S)", re.I)
_NOT_TITLE = re.compile(
    r"^(?:page\s+)?[\dF\-\s]+$|^page\s+\d|^see\s+(?:accompanying|the\s+accompanying|notes)|^\(?(?:un)?audited\)?$|"
    r"^\(?continued\)?$|^\(?concluded\)?$|^-+$|^exhibit\s+[\d.]+$|^(?:annual\s+report\s+)?page\s+\d+$|^f-\d+$|"
    r"^form\s+(?:10-?[KQ]|8-K|6-K|20-F|40-F|10-?[KQ]SB|10-K405)\b",
    re.I,
)
_AUDITED = re.compile(r"\(\s*(?:un)?audited\s*\)", re.I)
_DATELINE = re.compile(r"\bfor\s+immediate\b|\bnews\s+release\b|^\s*date[d:]|\bcontact\s*:", re.I)
_AVERAGES = re.compile(r"\baverage|\byields?\b|\brates?\b|\binterest\s+(?:income|expense)\b", re.I)
_LABEL_CHUNK = re.compile(r"\S+(?: \S+)*")
_CONNECTOR_END = re.compile(r"\b(?:of|in|and|for|to|the|on)$", re.I)
_DATE_ONLY = re.compile(
    r"^\s*(?:(?:as\s+of|at)\s+)?(?:\d{1,2}\s+)?" + MONTH + r"(?:\s+\d{1,2})?,?(?:\s+(?:19|20)\d\d)?\s*$|^\s*(?:19|20)\d\d\s*$",
    re.I,
)
_COUNT_HEADER = re.compile(r"(?:^|\s)(?:number\s+of\s+)?(?:shares|units)(?:\s+(?:issued|outstanding))?$|^number$", re.I)
_MONEY_HEADER = re.compile(r"\$|amount|GBP|EUR|dollars|value", re.I)
_PERCENT_HEADER = re.compile(r"\bpercent(?:age)?\b|^%|\s%|\bpct\.?$", re.I)
_MEASURE_HEADER = re.compile(
    r"\b(?:tonnes|tons|ounces|oz|barrels|bbls?|mcf|bcf|mmbtu|kwh|mwh|gwh|gallons|pounds|lbs|grade|g/t|carats|bushels)\b", re.I
)
_GRADE_HEADER = re.compile(r"\bgrade\b|\bg/t\b|\boz/t(?:on)?\b|\bper\s+ton", re.I)
_CENTS = re.compile(r"^\(?\d{1,3}(?:,\d{3})+\.\d\d\)?$")  # "56,802.87": money to the cent
_PRICE_HEADER = re.compile(
    r"\bprice\b|\bper\s+share\b|\b(?:high|low)\b(?=.*\b(?:stock|exchange|market|nasdaq|nyse)\b)"
    r"|\b(?:stock|exchange|market|nasdaq|nyse)\b.*\b(?:high|low)\b", re.I
)


def build_table(
    segment: Segment, index: int, dates: FilingDates | None = None, heading: tuple[str, ...] = (),
    report: ReportDates | None = None,
) -> tuple[Table, set[int], set[int]]:
    """Read one segment's columns, rows, cells and checks; also the lines its header and body
    use, and the lines of its title."""
    dates = dates or FilingDates()
    move_headings_to_body(segment)
    _strip_text_column(segment)
    data_lines = segment.data_lines
    layout, assignment = layout_columns(data_lines, len(segment.markers))
    layout.use_markers(segment.markers)
    width = segment.label_width
    title_lines, header_lines = _split_title(segment.band)
    header = assign_headers(header_lines, layout, width)
    title = _title(title_lines, header.table_text, segment)
    caption = tuple(
        " ".join(text.split())
        for text in [*(line.text for line in title_lines), *header.table_text,
                     *(line.text for line in segment.before if line.kind == TEXT), *segment.context,
                     *(line.text for line in [*segment.body[-4:], *segment.notes[:4]]
                       if line.kind == TEXT and UNIT_ONLY.match(line.text))]
        if text.strip() and not _DATELINE.search(text)
    )
    headers = [
        tuple(Header(" ".join(text.split()), span) for text, span in zip(header.labels[k], header.spans[k]))
        for k in range(layout.count)
    ]
    caption += tuple(dict.fromkeys(  # "(In thousands, except ...)" over some columns speaks for all
        h.text for column in headers for h in column if h.text.startswith(("(", "[")) and states_unit(h.text)
    ))
    raw_rows = build_rows(segment.body)
    hint = _instant_hint(title, caption, raw_rows)
    clues = Clues(
        caption=caption,
        heading=heading,
        instant=hint,
        years_in_columns=any(YEAR.search(h.text) for column in headers for h in column),
        whole_numbers=_whole_numbers(data_lines),
        quarterly=any(QUARTERLY.search(h.text) for column in headers for h in column),
        report=report or ReportDates(),
        unpriced=not any(token.currency or _CENTS.match(token.raw) for line in data_lines for token in line.values)
        and table_kind(title, (), ()) in (TableKind.OTHER, TableKind.KPI),
    )
    printed = _printed_currencies(layout.count, data_lines, assignment)
    evidence = [_column(k, layout, headers[k], clues, printed[k], dates) for k in range(layout.count)]
    evidence = [dataclasses.replace(item, report=clues.report) for item in evidence]
    evidence = _percent_columns(evidence, data_lines, assignment)
    evidence = _alike_columns(evidence)
    columns = tuple(item.column for item in evidence)
    money = any(column.currency for column in columns)
    rows = [_row(i, raw, evidence, assignment, dates, money) for i, raw in enumerate(raw_rows)]
    rows = _roll_forward(rows)
    kind = table_kind(title, rows, columns)
    notes = tuple(" ".join(line.text.split()) for line in segment.notes if line.kind == TEXT)
    used = {line.number for line in header_lines + segment.body if line.kind != BLANK}
    printed_lines = [line.number for line in title_lines + header_lines + segment.body if line.kind != BLANK]
    table = Table(
        index=index,
        title=title,
        kind=cast(TableKind, kind),
        columns=columns,
        rows=tuple(rows),
        first_line=min(printed_lines),
        last_line=max(printed_lines),
        checks=find_checks(tuple(rows), columns),
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
    bare = _AUDITED.sub("", text)
    if PERIOD_WORDS.search(bare) or UNIT_WORDS.search(bare) or YEAR.search(text) or _DATE_ONLY.match(text):
        return False
    return "  " not in text


def _split_title(band: list[Line]) -> tuple[list[Line], list[Line]]:
    """Title lines at the top of the band, then the header lines proper. Above a blank line, a
    group of lines that are only titles or a dateline ("FOR IMMEDIATE RELEASE  25 November
    1997") belongs to the titles, and so does everything above it."""
    cut = _title_groups_end(band)
    titles = [line for line in band[:cut] if line.kind == TEXT or line.kind == DATA]
    lines = [line for line in band[cut:] if line.kind != BLANK]
    while lines and lines[0].kind == RULE:
        lines.pop(0)
    while lines and (_is_title_line(lines[0]) or (titles and _continues_title(titles[-1], lines[0]))):
        titles.append(lines.pop(0))
    return titles, lines


def _title_groups_end(band: list[Line]) -> int:
    """Where the header proper starts: after the last blank-separated group of title-only lines."""
    groups: list[tuple[int, int]] = []
    start = None
    for position, line in enumerate(band):
        if line.kind == BLANK:
            if start is not None:
                groups.append((start, position))
                start = None
        elif start is None:
            start = position
    if start is not None:
        groups.append((start, len(band)))
    for first, last in reversed(groups[:-1]):
        lines = [line for line in band[first:last] if line.kind != RULE]
        if lines and all(_is_title_line(line) or _DATELINE.search(line.text) or _unit_line(line) for line in lines) \
                and not all(_unit_line(line) for line in lines):
            return last
    return 0


def _unit_line(line: Line) -> bool:
    """A caption line that only states units ("(Dollars in thousands)")."""
    text = line.text.strip()
    return text.startswith(("(", "[")) and text.endswith((")", "]")) and states_unit(text)


def _continues_title(previous: Line, line: Line) -> bool:
    text = line.text.strip()
    return line.kind == TEXT and line.number == previous.number + 1 and bool(text) and not text[0].isupper() and "  " not in text


# Line items of a period's flows: a table holding them beside "Total assets" (selected data) is
# not a balance sheet.
_FLOW_ITEM = re.compile(
    r"^(?:net\s+(?:income|earnings|loss|sales)|(?:total\s+|net\s+|gross\s+)?revenues?|(?:\w+\s+)?sales\b|"
    r"cash\s+(?:provided|used|flows?)|operating\s+(?:income|profit|expenses)|income\s+before)",
    re.I,
)


def _instant_hint(title: str, caption: tuple[str, ...], raw_rows: list[RawRow]) -> bool:
    """A balance sheet's columns are points in time: so says its title, or, when the title names
    no statement, line items such as "Total assets" in a table that is not about averages."""
    named = table_kind(title, (), ())
    if named == TableKind.BALANCE:
        return True
    if named not in (TableKind.OTHER, TableKind.KPI) or _AVERAGES.search(" ".join([title, *caption])):
        return False
    labels = [row.label for row in raw_rows]
    return table_kind("", raw_rows, ()) == TableKind.BALANCE and not any(_FLOW_ITEM.search(label) for label in labels)


def _strip_text_column(segment: Segment) -> None:
    """A column of text between the labels and the numbers (a CUSIP, note letters) is not part of
    the labels: when most rows print a last label chunk starting at the same column, it is cut."""
    data = [line for line in segment.body if line.kind == DATA and line.label]
    starts: dict[int, int] = {}
    for line in data:
        chunks = list(_LABEL_CHUNK.finditer(line.label))
        if len(chunks) >= 2:
            starts[line.label_start + chunks[-1].start()] = starts.get(line.label_start + chunks[-1].start(), 0) + 1
    if not starts:
        return
    column, count = max(starts.items(), key=lambda item: item[1])
    if count < 3 or count < 0.6 * len(data):
        return
    for position, line in enumerate(segment.body):
        if line.kind == DATA and line.label and line.label_start < column - 2:
            cut = column - line.label_start
            if line.label[cut - 2 : cut] == "  " or cut >= len(line.label):
                segment.body[position] = dataclasses.replace(line, label=line.label[:cut].rstrip())


def _title(title_lines: list[Line], table_text: list[str], segment: Segment) -> str:
    """The table's title: the nearest title-like line, preferring one that names a statement;
    never a company name, a date, a unit, a page number or a note to see."""
    sources = [
        [line.text for line in title_lines],
        list(table_text),
        list(_before_titles(segment.before)),
        list(reversed([t for t in segment.context if len(t) < 90 and not t.rstrip().endswith((".", ":", ","))])),
    ]
    candidates: list[tuple[str, list[str], int]] = []
    for texts in sources:
        cleaned = [re.sub(r":\s.*$", ":", clean_title(text)) for text in texts]
        for position, text in enumerate(cleaned):
            if _titleworthy(text):
                candidates.append((text, cleaned, position))
    plain = [c for c in candidates if not c[0].endswith(":")]
    headings = [c for c in candidates if c[0].endswith(":")]
    for group in (plain, headings):
        for pattern in (_STATEMENT_NAMES, _STATEMENT_WORDS):
            for text, texts, position in group:
                if pattern.search(text):
                    return _joined(text, texts, position)
    ranked = plain + headings
    return ranked[0][0] if ranked else ""


def _titleworthy(text: str) -> bool:
    if not text or _NOT_TITLE.match(text) or _DATE_ONLY.match(text) or COMPANY.search(text):
        return False
    if text[0].islower():  # the end of a wrapped caption ("and operating statistics)")
        return False
    if text.startswith(("(", "[")) and (states_unit(text) or UNIT_WORDS.search(text)):
        return False
    if _STATEMENT_NAMES.search(text) or (_STATEMENT_WORDS.search(text) and len(text.split()) <= 10):
        return True
    bare = _AUDITED.sub("", text).strip()
    return bool(bare) and not (PERIOD_WORDS.search(bare) or UNIT_WORDS.search(bare) or (states_unit(bare) and len(bare) < 60))


def _joined(text: str, texts: list[str], position: int) -> str:
    """A title wrapped onto the next line ("STATEMENTS OF CHANGES IN NET ASSETS" / "AVAILABLE FOR
    BENEFITS") joined back."""
    following = texts[position + 1] if position + 1 < len(texts) else ""
    if following and text in texts and (_CONNECTOR_END.search(text) or following[:1].islower()):
        return f"{text} {following}"
    return text


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


def _before_titles(before: list[Line]) -> Iterator[str]:
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
    """A title with its spacing and note number spacing normalised ("5a.  X" -> "5a. X"), and the
    bars some annual reports draw beside it dropped."""
    return _ITEM.sub("", " ".join(text.strip(" |").split()))


def _column(index: int, layout: Layout, headers: tuple[Header, ...], clues: Clues, printed: str | None,
            dates: FilingDates) -> ColumnEvidence:
    """A column with its period and unit read from the evidence (see `evidence`)."""
    period = column_period(headers, clues, dates)
    unit = column_unit(headers, clues, printed, dates)
    label = tuple(header.text for header in headers)
    column = Column(
        index=index,
        label=label,
        start=layout.starts[index],
        end=layout.ends[index],
        period=period.period,
        currency=unit.currency,
        scale=unit.scale or 1,
        qualifier=column_qualifier(label),
        period_source=period.source,
        unit_source=unit.source,
        doubts=(period.doubt,) if period.doubt else (),
    )
    joined = " ".join(text for text in label if not states_unit(text))
    kind = None
    if _MEASURE_HEADER.search(joined) and not _MONEY_HEADER.search(joined):
        # "Tonnes (000's)", "Contained ounces", "Grade (g/t)": quantities, not money
        kind = CellKind.RATIO if _GRADE_HEADER.search(joined) else CellKind.COUNT
        own = unit.scale if unit.scale_source == Source.COLUMN and kind == CellKind.COUNT else 1
        column = dataclasses.replace(column, currency=None, scale=own or 1)
        unit = dataclasses.replace(unit, currency=None, scale=own or 1, measure=joined)
    elif _COUNT_HEADER.search(joined) and not _MONEY_HEADER.search(joined):
        kind = CellKind.COUNT
    elif _PRICE_HEADER.search(joined):
        kind = CellKind.PER_SHARE
    elif _PERCENT_HEADER.search(joined):
        kind = CellKind.PERCENT
    return ColumnEvidence(column, period, unit, kind)


def _percent_columns(evidence: list[ColumnEvidence], data_lines: list[Line], assignment: dict[int, list[int | None]]) -> list[ColumnEvidence]:
    """A column of percentages has no currency and no scale: one that prints only percentages,
    or, as a `$` is printed on a column's first and total rows only, one whose first and last
    numbers carry a "%" and whose others are small plain numbers (a percent-of-sales table)."""
    tokens: dict[int, list[Token]] = {item.column.index: [] for item in evidence}
    for line in data_lines:
        for token, column in zip(line.values, assignment[line.number]):
            if column is not None and token.kind != "nil":
                tokens[column].append(token)
    result = []
    for item in evidence:
        found = tokens[item.column.index]
        kinds = {token.kind for token in found}
        percent = kinds == {"percent"} or (
            len(found) >= 3 and found[0].kind == "percent" and found[-1].kind == "percent"
            and all(t.kind == "percent" or (t.kind == "amount" and not t.currency and abs(cast(float, t.value)) < 1000
                                            and "," not in t.raw) for t in found)
        )
        if percent:
            item = dataclasses.replace(item, column=dataclasses.replace(item.column, currency=None, scale=1),
                                       kind=item.kind or CellKind.PERCENT)
        result.append(item)
    return result


def _alike_columns(evidence: list[ColumnEvidence]) -> list[ColumnEvidence]:
    """Two columns headed alike ("1998" over both) and read as the same period and unit: nothing printed
    tells them apart, so neither period is certain; each keeps its reading with a doubt naming the other."""
    def key(item: ColumnEvidence) -> tuple[tuple[str, ...], Period | None, str | None, int, str]:
        column = item.column
        return (tuple(" ".join(text.split()).casefold() for text in column.label), column.period, column.currency,
                column.scale, column.qualifier)

    groups: dict[tuple[tuple[str, ...], Period | None, str | None, int, str], list[int]] = {}
    for item in evidence:
        if item.column.period is not None and any(text.strip() for text in item.column.label):
            groups.setdefault(key(item), []).append(item.column.index)
    result = []
    for item in evidence:
        same = [k for k in groups.get(key(item), []) if k != item.column.index] if item.column.period else []
        if same:
            heading = " | ".join(text for text in item.column.label if text.strip())
            doubt = Doubt(DoubtReason.SAME_HEADING, f"column {same[0]} is also headed '{heading}'")
            item = dataclasses.replace(item, column=dataclasses.replace(item.column, doubts=item.column.doubts + (doubt,)))
        result.append(item)
    return result


def _whole_numbers(data_lines: list[Line]) -> bool:
    """True when most large amounts end in ",000": printed in whole units, rounded."""
    large = [token.raw for line in data_lines for token in line.values
             if token.kind == "amount" and len(token.raw.replace(",", "").strip("$() ")) >= 5]
    return bool(large) and sum(raw.rstrip(")").endswith(",000") for raw in large) >= 0.5 * len(large)


def _printed_currencies(width: int, data_lines: list[Line], assignment: dict[int, list[int | None]]) -> list[str | None]:
    """Per column, the one currency printed on its whole amounts ("$1,601"), if any."""
    seen: list[set[str]] = [set() for _ in range(width)]
    for line in data_lines:
        for token, column in zip(line.values, assignment[line.number]):
            if column is not None and token.currency and token.kind == "amount" and "." not in token.raw:
                seen[column].add("$" if is_bare_dollar(token) else token.currency)
    return [found.pop() if len(found) == 1 else None for found in seen]


def _row(index: int, raw: RawRow, evidence: list[ColumnEvidence], assignment: dict[int, list[int | None]], dates: FilingDates,
         money: bool) -> Row:
    label = raw.label
    group = tuple(raw.group)
    cells: list[Cell | None] = [None] * len(evidence)
    if raw.data is not None:
        traits = read_row(label, group)
        for token, column in zip(raw.data.values, assignment.get(raw.data.number, [])):
            if column is None or token.value is None:
                continue
            cells[column] = make_cell(token, evidence[column], traits, raw.data.number, dates, money)
    lines = raw.lines
    anchor = raw.data.number if raw.data is not None else lines[0]
    doubts = [Doubt(DoubtReason(reason)) for reason in raw.doubts]
    if raw.data is not None and None in assignment.get(raw.data.number, []):
        doubts.append(Doubt(DoubtReason.VALUES_DROPPED))
    return Row(
        index=index,
        label=label,
        group=group,
        kind=cast(RowKind, raw.kind) if raw.kind in (HEADING, SUBTOTAL) else ITEM,
        cells=tuple(cells),
        line=anchor,
        first_line=min(lines),
        last_line=max(lines),
        doubts=tuple(dict.fromkeys(doubts)),
    )


def _roll_forward(rows: list[Row]) -> list[Row]:
    """Rows between two balances that print their dates take the period from one to the other."""
    dated = []
    for row in rows:
        dates = {cell.period.end for cell in row.cells if cell and cell.period and cell.period.months == 0 and cell.period_source == Source.ROW}
        if len(dates) == 1 and not row.is_heading:
            dated.append((row.index, dates.pop()))
    periods = roll_forward(rows, dated)
    if not periods:
        return rows
    result = []
    for row in rows:
        period = periods.get(row.index)
        if period is not None and any(cell and cell.period is None for cell in row.cells):
            cells = tuple(with_period(cell, period) if cell and cell.period is None else cell for cell in row.cells)
            row = dataclasses.replace(row, cells=cells)
        result.append(row)
    return result
