"""EX-27 financial data schedules: `<TAG>  value` lines whose period and unit the schedule
itself states (`<PERIOD-TYPE>`, `<PERIOD-END>`, `<MULTIPLIER>`, `<CURRENCY>`), read as a table
of their own kind. Balance-sheet tags are points in time at the period end; the rest are flows
of the period's length; EPS tags are per-share amounts."""

from __future__ import annotations

import re
from datetime import date

from .dates import MONTHS
from .model import Cell, CellKind, Doubt, DoubtReason, Period, Row, RowKind, Source, Table, TableKind
from .units import read_unit

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (PEP 781)
if TYPE_CHECKING:
    from .lines import Line

_TAG_LINE = re.compile(r"^\s*<([A-Z][A-Z0-9&-]*)>\s+(\S.*?)\s*$")
_DATE = re.compile(r"^([A-Z]{3})-(\d{1,2})-(\d{4})$", re.I)
_PERIOD_MONTHS = {"YEAR": 12, "12-MOS": 12, "9-MOS": 9, "6-MOS": 6, "3-MOS": 3}
_INSTANT = {
    "CASH", "SECURITIES", "RECEIVABLES", "ALLOWANCES", "INVENTORY", "CURRENT-ASSETS", "PP&E",
    "DEPRECIATION", "TOTAL-ASSETS", "CURRENT-LIABILITIES", "BONDS", "PREFERRED-MANDATORY",
    "PREFERRED", "COMMON", "OTHER-SE", "TOTAL-LIABILITY-AND-EQUITY",
}
_SETTINGS = {"ARTICLE", "MULTIPLIER", "PERIOD-TYPE", "FISCAL-YEAR-END", "PERIOD-START", "PERIOD-END",
             "CURRENCY", "EXCHANGE-RATE", "NAME", "SERIES", "NUMBER", "LEGEND", "RESTATED", "CIK"}
_PER_SHARE = re.compile(r"^EPS-|PER-SHARE", re.I)
# Tags whose words do not read as the line item they stand for (Regulation S-K Item 601(c), Article 5
# and the tags other articles share); any other tag reads as its words.
_NAMES = {
    "PP&E": "Property, plant and equipment", "DEPRECIATION": "Accumulated depreciation",
    "CGS": "Cost of goods sold", "OTHER-SE": "Other stockholders' equity",
    "PREFERRED-MANDATORY": "Preferred stock, mandatory redemption", "PREFERRED": "Preferred stock",
    "COMMON": "Common stock", "BONDS": "Bonds and long-term debt",
    "TOTAL-LIABILITY-AND-EQUITY": "Total liabilities and equity", "INCOME-PRETAX": "Income before taxes",
    "INCOME-CONTINUING": "Income from continuing operations", "DISCONTINUED": "Discontinued operations",
    "EXTRAORDINARY": "Extraordinary items", "CHANGES": "Cumulative effect of accounting changes",
    "LOSS-PROVISION": "Provision for doubtful accounts", "ALLOWANCES": "Allowance for doubtful accounts",
    "SECURITIES": "Marketable securities", "EPS-PRIMARY": "Earnings per share, primary",
    "EPS-BASIC": "Earnings per share, basic", "EPS-DILUTED": "Earnings per share, diluted",
}
_ACRONYMS = {"EPS", "SE", "PP&E", "NOI", "FDIC"}


def is_schedule(lines: list[Line]) -> bool:
    """True for the lines of a financial data schedule (most are `<TAG> value`)."""
    tagged = [line for line in lines if _TAG_LINE.match(line.text)]
    return len(tagged) >= 8 and any("PERIOD-END" in line.text for line in tagged)


def schedule_table(lines: list[Line], index: int, currency: str | None) -> Table:
    """One schedule as a table: one column, one row per value tag."""
    settings: dict[str, str] = {}
    values: list[tuple[str, str, int]] = []
    for line in lines:
        match = _TAG_LINE.match(line.text)
        if not match:
            continue
        tag, text = match.group(1).upper(), match.group(2)
        if tag in _SETTINGS:
            settings.setdefault(tag, text)
        else:
            values.append((tag, text, line.number))
    end = _date(settings.get("PERIOD-END", ""))
    months = _PERIOD_MONTHS.get(settings.get("PERIOD-TYPE", "").upper())
    multiplier = settings.get("MULTIPLIER", "").replace(",", "")
    scale = int(multiplier) if multiplier.isdigit() and int(multiplier) > 0 else 1
    named = read_unit(settings["CURRENCY"]).currency if "CURRENCY" in settings else None
    currency = named or currency
    doubts = () if "MULTIPLIER" in settings else (Doubt(DoubtReason.UNIT_NOT_READ, "no <MULTIPLIER>: read as 1"),)
    rows = []
    for row_index, (tag, text, number) in enumerate(values):
        cell = _cell(tag, text, number, end, months, scale, currency, doubts)
        rows.append(Row(row_index, tag_name(tag), (), RowKind.ITEM, (cell,), number, number, number))
    from .model import Column

    column = Column(0, (settings.get("PERIOD-END", ""),), 0, 0,
                    Period(end, months) if end and months else None, currency, scale,
                    period_source=Source.COLUMN, unit_source=Source.COLUMN)
    numbers = [line.number for line in lines]
    return Table(index, "Financial data schedule", TableKind.SCHEDULE, (column,), tuple(rows),
                 min(numbers), max(numbers))


def tag_name(tag: str) -> str:
    """The line item a tag stands for, as a reader would write it: TOTAL-ASSETS -> 'Total assets'."""
    if tag in _NAMES:
        return _NAMES[tag]
    words = [word if word in _ACRONYMS else word.lower() for word in tag.split("-") if word]
    if not words:
        return tag
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def _cell(tag: str, text: str, number: int, end: date | None, months, scale: int, currency: str | None,
          doubts: tuple[Doubt, ...]) -> Cell | None:
    raw = text.strip()
    try:
        value = float(raw.replace(",", "").replace("(", "-").replace(")", ""))
    except ValueError:
        return None
    per_share = bool(_PER_SHARE.search(tag))
    instant = tag in _INSTANT
    period = None
    if end is not None and (instant or months):
        period = Period(end, 0 if instant else months)
    cell_doubts = doubts if not per_share else ()
    if period is None:
        cell_doubts += (Doubt(DoubtReason.PERIOD_NOT_READ, "no <PERIOD-END> or <PERIOD-TYPE>"),)
    return Cell(
        raw=raw, value=value, kind=CellKind.PER_SHARE if per_share else CellKind.AMOUNT, line=number, column=0,
        currency=currency, scale=1 if per_share else scale, period=period,
        period_source=Source.COLUMN if period else Source.NONE, unit_source=Source.COLUMN, doubts=cell_doubts,
    )


def _date(text: str) -> date | None:
    match = _DATE.match(text.strip())
    if not match:
        return None
    try:
        return date(int(match.group(3)), MONTHS[match.group(1).lower()], int(match.group(2)))
    except (KeyError, ValueError):
        return None
