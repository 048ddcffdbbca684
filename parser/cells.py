"""Give each printed number its kind, unit and period: the column's, unless the number itself
(a `$`, a `%`) or its row (see `rowtraits`) says otherwise; and the doubts that remain."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from .columnunit import UnitReading
from .dates import add_months, months_between, safe_date
from .clues import FilingDates, Partial, PeriodReading
from .evidence import complete, start_of
from .model import Cell, CellKind, Column, Doubt, DoubtReason, Period, Source
from .reportdates import ReportDates, report_period
from .rowtraits import RowTraits, balance_day, read_row
from .units import DOLLAR_CURRENCIES
from .values import is_bare_dollar


PENNY = 0.01  # the scale of a number printed in pence ("14.22p"): hundredths of a pound


@dataclasses.dataclass(frozen=True)
class ColumnEvidence:
    """A column as read, with the readings behind it, for the cells under it."""

    column: Column
    period: PeriodReading
    unit: UnitReading
    kind: CellKind | None = None
    report: ReportDates = ReportDates()


def make_cell(token, evidence: ColumnEvidence, traits: RowTraits, line: int, dates: FilingDates, money_table: bool) -> Cell:
    """One cell: kind and unit from the number, its row and its column; period likewise."""
    column = evidence.column
    kind, currency, scale, unit_source = _unit(token, evidence, traits, money_table)
    period, period_source, why = _period(evidence, traits, dates)
    doubts: list[Doubt] = []
    if period is None and not evidence.period.not_a_period:
        doubts.append(Doubt(DoubtReason.PERIOD_NOT_READ, why) if why else evidence.period.doubt
                      or Doubt(DoubtReason.PERIOD_NOT_READ, "no date in its header, caption or the filing"))
    if token.value != token.value:  # NaN: too many digits for a number (see values.MAX_DIGITS)
        doubts.append(Doubt(DoubtReason.TOO_LONG, f"{sum(ch.isdigit() for ch in token.raw)} digits printed; no value read"))
    if period is not None and period == column.period:
        doubts.extend(d for d in column.doubts if d.reason == DoubtReason.SAME_HEADING)
    if kind == CellKind.AMOUNT and currency is None:
        doubts.append(Doubt(DoubtReason.CURRENCY_NOT_READ))
    if (kind == CellKind.COUNT and evidence.unit.unpriced and traits.kind is None and traits.scale is None
            and evidence.kind is None and not traits.weak_shares):  # "(million)" over a row of a table without money: counted
        doubts.append(Doubt(DoubtReason.UNIT_NOT_READ, "no unit printed for this table or its row: read as a count"))
    if unit_source == Source.STATEMENTS and kind in (CellKind.AMOUNT, CellKind.NIL) and evidence.unit.scale_source == Source.STATEMENTS:
        doubts.append(Doubt(DoubtReason.UNIT_NOT_READ, "no scale stated for this table; the filing's other statements state it"))
    return Cell(
        raw=token.raw.strip(),
        value=token.value,
        kind=kind,
        line=line,
        column=column.index,
        currency=currency,
        scale=scale,
        start=token.start,
        end=token.end,
        period=period,
        period_source=period_source,
        unit_source=unit_source,
        doubts=tuple(doubts),
    )


def _unit(token, evidence: ColumnEvidence, traits: RowTraits, money_table: bool):
    """(kind, currency, scale, source) of one number."""
    column, unit = evidence.column, evidence.unit
    nil = token.kind == "nil"
    if token.kind == "percent":
        return CellKind.PERCENT, None, 1, Source.CELL
    if token.kind == "ratio":
        return CellKind.RATIO, None, 1, Source.CELL
    if token.kind == "pence":
        kind = CellKind.AMOUNT if traits.kind not in (CellKind.PER_SHARE, None) else CellKind.PER_SHARE
        return kind, "GBP", PENNY, Source.CELL
    if evidence.kind == CellKind.PERCENT and evidence.period.not_a_period and not token.currency:
        return (CellKind.NIL if nil else CellKind.PERCENT), None, 1, Source.COLUMN  # a "% Change" column
    kind = traits.kind or evidence.kind
    if kind is None and traits.weak_shares and unit.source not in (Source.COLUMN, Source.SPANNING):
        kind = CellKind.COUNT
    if kind == CellKind.COUNT and not token.currency:
        shares = traits.shares or traits.weak_shares or evidence.kind == CellKind.COUNT
        own = unit.scale if evidence.kind == CellKind.COUNT and unit.scale_source == Source.COLUMN else None  # "Shares (000s)"
        scale = traits.scale or own or _share_scale(unit) if shares else (traits.scale or (unit.scale if unit.measure else 1))
        return (CellKind.NIL if nil else CellKind.COUNT), None, scale or 1, Source.ROW
    if kind == CellKind.PERCENT and evidence.kind == CellKind.PERCENT and traits.kind is None and not token.currency:
        return (CellKind.NIL if nil else kind), None, 1, Source.COLUMN
    if kind in (CellKind.PERCENT, CellKind.RATIO) and not token.currency:
        return (CellKind.NIL if nil else kind), None, 1, Source.ROW
    currency = token.currency or column.currency
    if is_bare_dollar(token) and column.currency in DOLLAR_CURRENCIES:
        currency = column.currency
    if kind == CellKind.PER_SHARE or (
        token.currency and re.search(r"\.\d\d\)?$", token.raw) and column.scale > 1 and abs(token.value) < 100 and kind is None
    ):
        return (CellKind.NIL if nil else CellKind.PER_SHARE), currency, 1, Source.ROW if kind else Source.CELL
    source = Source.CELL if token.currency and not column.currency else unit.source
    if traits.money is not None and kind is None:
        named, scale = traits.money
        return (CellKind.NIL if nil else CellKind.AMOUNT), named or currency, scale, Source.ROW
    if nil:
        return CellKind.NIL, currency, column.scale, source
    if currency is None and not money_table:
        return CellKind.COUNT, None, traits.scale or column.scale, unit.source
    return CellKind.AMOUNT, currency, column.scale, source


def _share_scale(unit: UnitReading) -> int:
    """The scale share counts carry: stated for shares, else the table's unless it excepts them."""
    if unit.shares_scale:
        return unit.shares_scale
    if unit.shares_excepted or unit.scale is None:
        return 1
    if unit.scale_source in (Source.CAPTION, Source.HEADING, Source.STATEMENTS) or unit.currency is None:
        return unit.scale
    return 1


def _period(evidence: ColumnEvidence, traits: RowTraits, dates: FilingDates) -> tuple[Period | None, Source, str]:
    """The cell's period: the row's own date or point in time over the column's period; with
    why it was not read when it was not."""
    reading = evidence.period
    base = reading.period
    if traits.date is not None and (base is None or base.months > 0 or traits.at_end or traits.at_start):
        return Period(traits.date, 0), Source.ROW, ""
    if reading.partial is not None and traits.group_year is not None and reading.year_source in (Source.CAPTION, Source.NONE):
        base, why = complete(reading, traits.group_year, traits.group_year_end, dates)
        if base is None:
            return None, Source.NONE, why
        reading = dataclasses.replace(reading, period=base, source=Source.ROW)
    if base is None and traits.quarter and traits.group_year is not None and not reading.not_a_period:
        # "Second Quarter" under "1996", in columns that are not periods ("High", "Low")
        quarter = dataclasses.replace(reading, partial=Partial(3, None, traits.quarter))
        period, why = complete(quarter, traits.group_year, traits.group_year_end, dates)
        return period, (Source.ROW if period else Source.NONE), why
    if base is None and reading.end is not None and traits.months is not None:
        return Period(reading.end, traits.months), Source.ROW, ""
    if base is None and not reading.not_a_period and evidence.report.payment is not None and traits.label:
        period, why = report_period(traits.label, evidence.report)
        if period is not None or why:
            return period, (Source.ROW if period else Source.NONE), why
    if base is None:
        if traits.month_day and reading.year:
            day = balance_day(safe_date(reading.year, traits.month_day[1], traits.month_day[0]))
            if day:
                return Period(day, 0), Source.ROW, ""
        return None, Source.NONE, ""
    if traits.month_day and base.months > 0 and traits.at_end:
        day = balance_day(safe_date(base.end.year, traits.month_day[1], traits.month_day[0]))
        if day is not None:
            return Period(day, 0), Source.ROW, ""
    if traits.months is not None:
        return Period(base.end, traits.months), Source.ROW, ""
    if base.months == 0 and traits.flow_measure and not traits.at_end:
        if dates.annual:
            return Period(base.end, 12), Source.ROW, ""
        return None, Source.NONE, "a measure over a period under a column for a point in time"
    if base.months == 0:
        return base, reading.source, ""
    if traits.at_start and reading.start is not None:
        return Period(reading.start, 0), Source.CAPTION, ""
    if traits.at_start:
        start, _how = start_of(base, dates)
        if start is None:
            return None, Source.NONE, "the balance at the period's start: its date is not printed (52/53-week years)"
        return Period(start, 0), Source.ROW, ""
    if traits.at_end or traits.balance_item:
        return Period(base.end, 0), Source.ROW, ""
    if traits.quarter and base.months == 12:
        end = add_months(base.end, 3 * (traits.quarter - 4))
        snapped, _how = dates.snap(end)
        if snapped is None:
            return None, Source.NONE, f"a 52/53-week quarter whose end near {end:%B %d, %Y} is not printed"
        return Period(snapped, 3), Source.ROW, ""
    return base, reading.source, ""


def roll_forward(rows: list, dated: list[tuple[int, date]]) -> dict[int, Period]:
    """In a statement of changes (equity), the rows between two dated balances are the flows of
    the period from the one balance to the next: row index -> that period."""
    periods: dict[int, Period] = {}
    for (first, start), (last, end) in zip(dated, dated[1:]):
        months = months_between(start, end)
        if months <= 0:
            continue
        for index in range(first + 1, last):
            periods[index] = Period(end, months)
    return periods


def with_period(cell: Cell, period: Period) -> Cell:
    """The cell given a period read from its row's place between dated balances."""
    doubts = tuple(d for d in cell.doubts if d.reason != DoubtReason.PERIOD_NOT_READ)
    return dataclasses.replace(cell, period=period, period_source=Source.ROW, doubts=doubts)


def continued(cell: Cell, column: Column, label: str, group: tuple[str, ...], dates: FilingDates) -> Cell:
    """A cell on a statement's continuation page, whose own header printed no period, read under
    the column of the statement's first page."""
    if cell.period is not None or column.period is None:
        return cell
    reading = PeriodReading(column.period, column.period_source)
    evidence = ColumnEvidence(column, reading, UnitReading(column.currency, column.scale))
    period, source, _why = _period(evidence, read_row(label, group), dates)
    if period is None:
        return cell
    doubts = tuple(d for d in cell.doubts if d.reason != DoubtReason.PERIOD_NOT_READ)
    return dataclasses.replace(cell, period=period, period_source=source, doubts=doubts)


def fiscal_start(period: Period) -> date:
    """The first day after the period's start point."""
    return add_months(period.end, -period.months)
