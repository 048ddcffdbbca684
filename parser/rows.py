"""Assemble body lines into rows: wrapped labels joined, group headings kept as groups,
unlabeled rows of numbers kept as subtotals of their group."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import BLANK, DATA, RULE, TEXT, Line
from .model import HEADING, ITEM, SUBTOTAL, DoubtReason
from .text import capitals

_CONNECTOR = re.compile(
    r"(?:\b(?:and|or|of|under|from|in|on|for|to|the|before|after|per|with|by|less|at|a|an|"
    r"including|excluding|due|than|into|over)|[&,/\-(])$",
    re.I,
)
_DOT_LEADER = re.compile(r"\s*(?:\.\s?){3,}\.?\s*$|\s*(?:\.\s?){3,}(?=\s)")
LABEL_AFTER = DoubtReason.LABEL_AFTER
LABEL_JOINED = DoubtReason.LABEL_JOINED
_TOTAL = re.compile(r"^\s*(?:total|net\s+total)\b", re.I)
_AT_A_TIME = re.compile(r"^\s*(?:at|as\s+of)\s+(?:(?:fiscal\s+)?year[\s-]end|end\s+of|[A-Z][a-z]+\.?\s+\d)|\bend\s+of\s+(?:the\s+)?(?:year|period)\b", re.I)
_YEAR_HEADING = re.compile(r"^(?:(?:fiscal\s+)?(?:years?\s+ended\s+.*?,?\s+)?)?(?:19|20)\d\d\s*:?$", re.I)


@dataclass
class RawRow:
    """A row being assembled: its label lines, its numbers line and its group."""

    label_lines: list[Line] = field(default_factory=list)
    data: Line | None = None
    kind: str = ITEM
    group: tuple[str, ...] = ()
    doubts: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The label lines joined by single spaces (no space after a trailing "/")."""
        text = ""
        for line in self.label_lines:
            part = clean_label(line.label if line.kind == DATA else line.text.strip())
            if not part:
                continue
            text = f"{text}{part}" if text.endswith("/") or not text else f"{text} {part}"
        return text

    @property
    def lines(self) -> list[int]:
        """Every file line the row was read from."""
        numbers = [line.number for line in self.label_lines]
        if self.data is not None:
            numbers.append(self.data.number)
        return numbers


def clean_label(text: str) -> str:
    """A label with dot leaders and runs of spaces removed (both patterns need dots: most labels have none)."""
    if "." in text:
        text = _DOT_LEADER.sub(" ", text)
        text = text.rstrip(". ") if re.search(r"\.\s*\.\s*$", text) else text
    return " ".join(text.split())


def _starts_continuation(text: str) -> bool:
    """Does a label line read as the rest of the line above ("and other", "(note 3)")?"""
    stripped = text.strip()
    if not stripped or stripped[0].isupper() or stripped[0].isdigit():
        return False
    return True


def build_rows(body: list[Line]) -> list[RawRow]:
    """Read the rows of a table body in order, headings included."""
    rows: list[RawRow] = []
    pending: list[Line] = []
    last: RawRow | None = None  # the last data row, while no blank line has followed it
    following = _following_content(body)
    for position, line in enumerate(body):
        if line.kind in (BLANK, RULE):
            if pending and last is not None and last.data is not None and not last.data.label and last.label_lines == [] and pending_follows(last, pending):
                last.label_lines.extend(pending)
                last.doubts.append(LABEL_AFTER)
                pending = []
            last = None if line.kind == BLANK else last
            if pending:
                rows.append(_heading(pending))
                pending = []
            if line.kind == BLANK:
                rows.append(RawRow(kind="blank"))
            continue
        if line.kind == TEXT:
            if last is not None and not pending and last.data is not None and last.data.label and _continues(line, last):
                last.label_lines.append(line)
                if not _starts_continuation(line.text):
                    last.doubts.append(LABEL_JOINED)
            else:
                pending.append(line)
            continue
        # A line with numbers.
        row = RawRow(data=line)
        if pending:
            cut = _last_colon(pending) or _capital_heading(pending)
            if cut:
                rows.extend(_headings(pending[:cut]))
                pending = pending[cut:]
            if pending and (_joins_next(pending, line) or _hanging(pending, line, following[position])):
                row.label_lines.extend(pending)
                if line.label and not _starts_continuation(line.label):
                    row.doubts.append(LABEL_JOINED)
            elif pending:
                rows.append(_heading(pending))
            pending = []
        if line.label:
            row.label_lines.append(line)
        elif not row.label_lines:
            row.kind = SUBTOTAL
        rows.append(row)
        last = row
    if pending:
        if last is not None and last.data is not None and not last.data.label and not last.label_lines:
            last.label_lines.extend(pending)
            last.doubts.append(LABEL_AFTER)
        else:
            rows.append(_heading(pending))
    for row in rows:
        if row.kind == SUBTOTAL and row.label_lines:
            row.kind = ITEM
    return _assign_groups(rows)


def pending_follows(last: RawRow, pending: list[Line]) -> bool:
    """Label lines printed right under an unlabeled row of numbers name that row."""
    return last.data is not None and pending[0].number == last.data.number + 1


def _continues(line: Line, last: RawRow) -> bool:
    """Does a label-only line carry on the label of the row just above it?"""
    if _starts_continuation(line.text):
        return True
    return bool(_CONNECTOR.search(last.label))


def _last_colon(pending: list[Line]) -> int:
    """How many leading lines end in ":" (a heading such as "Costs and expenses:")."""
    cut = 0
    for index, line in enumerate(pending):
        if line.text.rstrip().endswith(":"):
            cut = index + 1
    return cut


def _capital_heading(pending: list[Line]) -> int:
    """1 when the first of several label lines is a heading in capitals with the next line
    indented under it ("INVESTING ACTIVITIES" / "  Additions to mineral properties, plant and")."""
    if len(pending) < 2:
        return 0
    first, second = pending[0], pending[1]
    text = first.text.strip()
    letters, share = capitals(text)
    all_capitals = letters >= 4 and share == 1.0
    return 1 if all_capitals and second.indent > first.indent and not second.text.strip().isupper() else 0


def _following_content(body: list[Line]) -> list[Line | None]:
    """For each line, the next line after it that is neither blank nor a rule."""
    result: list[Line | None] = [None] * len(body)
    upcoming: Line | None = None
    for index in range(len(body) - 1, -1, -1):
        result[index] = upcoming
        if body[index].kind not in (BLANK, RULE):
            upcoming = body[index]
    return result


def _hanging(pending: list[Line], line: Line, after: Line | None) -> bool:
    """A label wrapped with a hanging indent: one label line, then its numbers on a line indented
    deeper, then the next row back at the first line's indent ("GAIN ON PURCHASES OF
    SUBORDINATED" / "   DEBENTURES AND SENIOR NOTES   -   (157)")."""
    if len(pending) != 1 or not line.label or pending[0].text.rstrip().endswith(":"):
        return False
    first = pending[0].indent
    if line.label_start <= first:
        return False
    return after is None or (after.indent <= first and (after.kind != DATA or after.label_start <= first))


def _joins_next(pending: list[Line], line: Line) -> bool:
    """Are label-only lines the start of the label of the numbers line after them?"""
    if not line.label:
        return True
    if _starts_continuation(line.label):
        return True
    return bool(_CONNECTOR.search(pending[-1].text.strip()))


def _heading(lines: list[Line]) -> RawRow:
    return RawRow(label_lines=list(lines), kind=HEADING)


def _headings(lines: list[Line]) -> list[RawRow]:
    """Heading lines cut after each line ending in ":" ("OPERATING DATA:" / "Restaurants open
    at end of" / "period:" are two headings)."""
    result: list[RawRow] = []
    start = 0
    for index, line in enumerate(lines):
        if line.text.rstrip().endswith(":"):
            result.append(_heading(lines[start : index + 1]))
            start = index + 1
    if start < len(lines):
        result.append(_heading(lines[start:]))
    return result


@dataclass
class _Group:
    name: str
    rows: int = 0
    tight: bool = False
    gap_before_next: bool = False
    indent: int = 0
    year: bool = False
    row_indent: int = 0
    children: int = 0
    sticky: bool = False  # a year ("1997") or a point in time ("AT YEAR END"): "Total ..." rows do not close it


def _next_indents(rows: list[RawRow]) -> list[int | None]:
    """For each row, the indent of the next row with numbers (None at the end)."""
    result: list[int | None] = [None] * len(rows)
    upcoming = None
    for index in range(len(rows) - 1, -1, -1):
        result[index] = upcoming
        row = rows[index]
        if row.kind not in ("blank", HEADING) and row.label_lines:
            upcoming = row.label_lines[0].indent
    return result


def _assign_groups(rows: list[RawRow]) -> list[RawRow]:
    """Give each row the headings it sits under, and drop the blank markers."""
    stack: list[_Group] = []
    blank = False
    result: list[RawRow] = []
    following = _next_indents(rows)
    for position, row in enumerate(rows):
        if row.kind == "blank":
            blank = True
            continue
        if row.kind == HEADING:
            if stack and blank and stack[-1].tight:
                stack.pop()
            year = bool(_YEAR_HEADING.match(row.label))
            indent = row.label_lines[0].indent if row.label_lines else 0
            if year and any(g.year for g in stack):
                while not stack[-1].year:
                    stack.pop()
                stack.pop()
            while (stack and not year and (stack[-1].rows or stack[-1].children) and stack[-1].indent >= indent
                   and not stack[-1].year and (blank or stack[-1].row_indent > stack[-1].indent)):
                stack.pop()
            row.group = tuple(g.name for g in stack)
            if stack:
                stack[-1].children += 1
                if not stack[-1].rows:
                    stack[-1].row_indent = indent
            stack.append(_Group(row.label.rstrip(":").strip(), year=year, indent=indent,
                                sticky=year or bool(_AT_A_TIME.search(row.label))))
            result.append(row)
            blank = False
            continue
        row_indent = row.label_lines[0].indent if row.label_lines else None
        while (stack and row_indent is not None and stack[-1].rows and stack[-1].row_indent > stack[-1].indent
               and row_indent <= stack[-1].indent and len(stack) > 1):
            stack.pop()  # back at the heading's indent: out of its group
        if stack:
            top = stack[-1]
            closes_group = row.kind == SUBTOTAL or _TOTAL.match(row.label)
            if blank and not closes_group and top.tight:
                stack.pop()
            elif top.rows or not blank:
                top.tight = top.tight or not blank
        row.group = tuple(g.name for g in stack)
        if stack:
            top = stack[-1]
            row_indent = row.label_lines[0].indent if row.label_lines else top.indent
            inner_total = (bool(top.rows) and _TOTAL.match(row.label) and row_indent > top.row_indent > top.indent
                           and following[position] == top.row_indent)
            top.row_indent = row_indent if not top.rows else min(top.row_indent, row_indent)
            top.rows += 1
            if (row.kind == SUBTOTAL or (_TOTAL.match(row.label) and not top.sticky)) and not inner_total and top.rows > 1:
                stack.pop()  # a total printed deeper than its group's items totals only some of them
        result.append(row)
        blank = False
    return result
