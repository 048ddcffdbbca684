"""13F information tables, read by the columns Form 13F prescribes: name of issuer, title of
class, CUSIP, value, shares or principal amount, investment discretion, other managers and
voting authority (sole, shared, none).

The generic reader cuts a line into a label and the numbers at its right; a holdings line has
text columns between its numbers (CUSIP, "X", "SH", manager lists "4, 11, 14"), so it is cut
into fields instead: at the `<C>` markers when there are any, else at the header's words. Each
number goes to the field its right edge stands in; only value, shares and voting fields give
facts. A row without an issuer name continues the issuer above; a name wrapped onto a line of
its own joins its row. The holdings are at the end of the quarter reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .checks import find_checks
from .lines import BLANK, DATA, RULE, TAG, TEXT, Line, is_marker_line
from .model import Cell, CellKind, Column, Doubt, DoubtReason, Period, Row, RowKind, Source, Table, TableKind
from .units import read_unit
from .values import read_value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (PEP 781)
if TYPE_CHECKING:
    from .values import Token

_HOLDINGS = re.compile(r"name\s+of\s+issuer|\bissuer\b", re.I)
_SECOND = re.compile(r"\bcusip\b|voting\s+authority|investment\s+discretion|other\s+managers", re.I)
_MARKER = re.compile(r"<[SC]>", re.I)
_CUSIP = re.compile(r"^[0-9A-Z]{6}(?:\s?[0-9A-Z]{2}\s?[0-9A-Z]|[0-9A-Z]{3})$", re.I)
_ROLES = [
    ("cusip", re.compile(r"\bcusip\b", re.I)),
    ("managers", re.compile(r"\bmanagers?\b", re.I)),
    ("value", re.compile(r"\bvalue\b|\bmarket\b|x\s*\$\s*1,?000|\bthousands\b", re.I)),
    ("shares", re.compile(r"\bshares\b|\bprincipal\b|\bprn\s+amt\b|\bamount\b", re.I)),
    ("sole", re.compile(r"\bsole\b", re.I)),
    ("shared", re.compile(r"\bshared\b", re.I)),
    ("none", re.compile(r"\bnone\b", re.I)),
    ("discretion", re.compile(r"\bdiscretion\b|\bdefined\b", re.I)),
    ("class", re.compile(r"\btitle\b|\bclass\b", re.I)),
]
_NUMERIC = ("value", "shares", "sole", "shared", "none")
_LABELS = {"value": "Value", "shares": "Shares or principal amount", "sole": "Voting authority: sole",
           "shared": "Voting authority: shared", "none": "Voting authority: none"}


def is_holdings(lines: list[Line]) -> bool:
    """True for a block that prints a 13F information table's header."""
    text = " ".join(line.text for line in lines[:40] if line.kind in (TEXT, DATA))
    return bool(_HOLDINGS.search(text)) and bool(_SECOND.search(text))


@dataclass
class _Field:
    start: int
    end: int
    role: str
    header: str


def holdings_table(lines: list[Line], index: int, title: str, period: Period | None, period_source: Source) -> Table | None:
    """One block's information table, or None when no line of it holds a value."""
    fields, header_end = _fields(lines)
    if not fields or not any(f.role == "value" or f.role in _NUMERIC for f in fields):
        return None
    numeric = [f for f in fields if f.role in _NUMERIC]
    columns = tuple(_column(k, f, period, period_source, fields) for k, f in enumerate(numeric))
    rows = _rows(lines[header_end:], fields, numeric, columns)
    if not rows:
        return None
    numbers = [line.number for line in lines if line.kind not in (BLANK, TAG)]
    return Table(index, title, TableKind.HOLDINGS, columns, tuple(rows), min(numbers), max(numbers),
                 checks=find_checks(tuple(rows), columns))


def _fields(lines: list[Line]) -> tuple[list[_Field], int]:
    """The fields of the table and the index of its first body line."""
    markers: list[int] = []
    header: list[Line] = []
    first_body = len(lines)
    for position, line in enumerate(lines):
        if is_marker_line(line.text):
            markers = [m.start() for m in _MARKER.finditer(line.text)]
            continue
        if _looks_like_row(line.text):
            first_body = position
            break
        if line.kind in (TEXT, DATA):
            header.append(line)
    if not header:
        return [], first_body
    starts = markers if len(markers) >= 4 else _header_starts(header[-1].text)
    if not starts or starts[0] > 2:
        starts = [0, *starts]
    bounds = list(zip(starts, [*starts[1:], 10_000]))
    fields = []
    for number, (start, end) in enumerate(bounds):
        words = " ".join(
            m.group() for line in header for m in re.finditer(r"\S+", line.text) if start <= m.end() - 1 < end
        )
        fields.append(_Field(start, end, "name" if number == 0 else _role(words), words))
    _voting_after_managers(fields, any(re.search(r"\bvoting\b", line.text, re.I) for line in header))
    return fields, first_body


_GROUPED = re.compile(r"^\$?\(?\d{1,3}(?:,\d{3})+\)?(?:\([a-z]\))?$")


def _looks_like_row(text: str) -> bool:
    """A line with a number in thousands groups or a CUSIP: a holding, not the header."""
    words = text.split()
    return any(_GROUPED.match(word) for word in words) or bool(re.search(r"\b[0-9]{5}[0-9A-Z]\s?[0-9A-Z]{2}\s?[0-9]\b", text))


def _header_starts(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+(?: \S+)*", text)]


def _role(words: str) -> str:
    for role, pattern in _ROLES:
        if pattern.search(words):
            return role
    return "text"


def _voting_after_managers(fields: list[_Field], voting: bool) -> None:
    """"Sole" under investment discretion is not a vote: voting fields stand after the managers,
    in a table whose header speaks of voting authority."""
    managers = next((k for k, f in enumerate(fields) if f.role == "managers"), None)
    for k, field in enumerate(fields):
        if field.role in ("sole", "shared", "none") and (not voting or (managers is not None and k < managers)):
            field.role = "discretion"


def _column(index: int, field: _Field, period: Period | None, period_source: Source, fields: list[_Field]) -> Column:
    label = (field.header,) if field.header else (_LABELS[field.role],)
    if field.role == "value":
        unit = read_unit(field.header)
        scale = unit.scale or 1
        return Column(index, label, field.start, field.end, period, unit.currency or "USD", scale,
                      _LABELS["value"], period_source, Source.COLUMN if unit.scale else Source.NONE)
    return Column(index, label, field.start, field.end, period, None, 1, _LABELS[field.role], period_source, Source.COLUMN)


def _rows(body: list[Line], fields: list[_Field], numeric: list[_Field], columns: tuple[Column, ...]) -> list[Row]:
    rows: list[Row] = []
    issuer = ""
    pending_name: list[str] = []
    previous_data = False
    content = [line for line in body if line.kind not in (BLANK, RULE, TAG) and not is_marker_line(line.text)]
    split = {line.number: _split(line, fields, numeric) for line in content}
    following = {a.number: b for a, b in zip(content, content[1:])}
    for line in body:
        if line.kind in (BLANK, RULE, TAG) or is_marker_line(line.text):
            previous_data = previous_data and line.kind == RULE
            if line.kind == BLANK:
                previous_data = False
            continue
        values, texts = split[line.number]
        name = " ".join(texts.get(0, []))
        if not values:
            after = following.get(line.number)
            starts_next = (after is not None and after.number == line.number + 1
                           and split[after.number][0] and split[after.number][1].get(0))
            if name and previous_data and rows and not starts_next:
                rows[-1] = _rename(rows[-1], f"{rows[-1].label} {name}")
                issuer = rows[-1].label
                continue
            if name:
                pending_name = [*pending_name, name] if not previous_data else [name]
            previous_data = False
            continue
        label = name
        other = " ".join(texts.get("other", []))
        if pending_name and name:
            label = " ".join([*pending_name, name])
        elif pending_name and not name:
            label = " ".join(pending_name)
        pending_name = []
        kind = RowKind.ITEM
        if label:
            issuer = label
        elif other and not _CUSIP.match(other.replace(" ", "")):
            label = other
        elif texts.get("identified"):
            label = issuer
        else:
            kind = RowKind.SUBTOTAL
        if _TOTAL.match(label) or _TOTAL.match(other):
            label, kind = (label or other), RowKind.ITEM
        cells = tuple(_cell(values.get(k), columns[k], line.number) for k in range(len(numeric)))
        rows.append(Row(len(rows), label, (), kind, cells, line.number, line.number, line.number))
        previous_data = True
    return rows


_TOTAL = re.compile(r"^\s*(?:grand\s+|aggregate\s+|page\s+)?total\b", re.I)


def _split(line: Line, fields: list[_Field], numeric: list[_Field]) -> tuple[
        dict[int, tuple[Token, bool]], dict[object, list[str]]]:
    """The numbers of a line by numeric field, and its words by field ("other": outside the name)."""
    values: dict[int, tuple[Token, bool]] = {}
    texts: dict[object, list[str]] = {}
    dollar = False
    for match in re.finditer(r"\S+", line.text):
        word, start, end = match.group(), match.start(), match.end()
        field = next((k for k, f in enumerate(fields) if f.start <= end - 1 < f.end), len(fields) - 1)
        role = fields[field].role
        if word == "$":
            dollar = True
            continue
        token = read_value(word, start) if role in _NUMERIC else None
        if token is not None and token.value is not None:
            values[numeric.index(fields[field])] = (token, dollar)
            dollar = False
            continue
        if field == 0:
            texts.setdefault(0, []).append(word)
        elif role in ("class", "cusip", "text") and role != "discretion":
            texts.setdefault("other", []).append(word)
        if role in ("cusip", "discretion", "managers", "class"):
            texts.setdefault("identified", []).append(word)
    return values, texts


def _cell(found, column: Column, line: int) -> Cell | None:
    if found is None:
        return None
    token, dollar = found
    money = column.currency is not None
    kind = CellKind.NIL if token.kind == "nil" else (CellKind.AMOUNT if money else CellKind.COUNT)
    raw = f"${token.raw}" if dollar and not token.raw.startswith("$") else token.raw
    doubts = () if column.period else (Doubt(DoubtReason.PERIOD_NOT_READ, "the quarter the holdings are at is not stated"),)
    return Cell(raw, token.value, kind, line, column.index, column.currency, column.scale, token.start, token.end,
                column.period, column.period_source if column.period else Source.NONE, column.unit_source, doubts)


def _rename(row: Row, label: str) -> Row:
    from dataclasses import replace

    return replace(row, label=label)


def holdings_period(texts: list[str], report_end: date | None) -> tuple[Period | None, Source]:
    """The quarter end the holdings are at: a date printed over the table, else the report's."""
    from .dates import full_dates

    for text in texts:
        found = full_dates(text)
        if found:
            return Period(found[-1], 0), Source.CAPTION
    if report_end is not None:
        return Period(report_end, 0), Source.FILING
    return None, Source.NONE
