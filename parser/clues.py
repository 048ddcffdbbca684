"""What is known around a column before its period is weighed (see `evidence`): the filing's dates,
units and fiscal calendar, a column's header lines, the table's caption and heading; and what the
weighing gives back, a column's period reading.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from .dates import month_end, week_rule_date
from .model import Doubt, Period, Source
from .reportdates import ReportDates
from .spans import SpanFinder

SNAP_DAYS = 7  # a printed period end within a week of a nominal one is that period's end (52/53-week years)


@dataclass(frozen=True)
class FilingDates:
    """What the filing as a whole says about periods and units (evidence 5 and 6)."""

    annual: bool = False
    year_end: tuple[int, int] | None = None
    year_end_source: Source = Source.NONE
    report_end: date | None = None
    known_ends: tuple[date, ...] = ()
    currency: str | None = None
    scale: int | None = None
    holdings: bool = False
    report_months: int | None = None
    fiscal_ends: tuple[tuple[int, date], ...] = ()
    fiscal_quarters: tuple[tuple[int, tuple[date, ...]], ...] = ()
    week_rule: tuple[str, int, int, int | None] | None = None  # "the last Wednesday in December"
    document_scales: tuple[tuple[int, int, int], ...] = ()

    document_currencies: tuple[tuple[int, int, str | None], ...] = ()

    def for_block(self, first_line: int) -> FilingDates:
        """These dates with the one scale and the one currency the tables of the block's
        document state, if any."""
        scales, currencies = self._document_spans
        holder = scales.first(first_line)
        scale = self.document_scales[holder][2] if holder is not None else None
        holder = currencies.first(first_line)
        currency = self.document_currencies[holder][2] if holder is not None else self.currency
        return dataclasses.replace(self, scale=scale, currency=currency)

    @cached_property
    def _document_spans(self) -> tuple[SpanFinder, SpanFinder]:
        """The documents' scales and currencies, looked up by line (see `SpanFinder`)."""
        return SpanFinder(self.document_scales), SpanFinder(self.document_currencies)

    @property
    def weekly(self) -> bool:
        """True when the filing's printed period ends fall near, not on, month ends: it keeps
        52/53-week years, so a period end it does not print cannot be inferred."""
        odd = [day for day in self.known_ends if day != month_end(day.year, day.month)]
        return len(odd) >= 2

    def snap(self, nominal: date) -> tuple[date | None, Source]:
        """The printed period end closest to a nominal one, within a week; else the nominal date,
        unless the filing keeps 52/53-week years (then None: the date is not printed)."""
        close = [day for day in self.known_ends if abs((day - nominal).days) <= SNAP_DAYS]
        if close:
            best = min(close, key=lambda day: abs((day - nominal).days))
            return best, (Source.NONE if best == nominal else Source.STATEMENTS)
        if self.week_rule is not None and self.week_rule[2] in (nominal.month, nominal.month % 12 + 1):
            for year in (nominal.year - 1, nominal.year, nominal.year + 1):
                ruled = week_rule_date(self.week_rule, year)
                if abs((ruled - nominal).days) <= SNAP_DAYS:
                    return ruled, Source.FILING
        if self.weekly:
            return None, Source.NONE
        return nominal, Source.NONE


@dataclass(frozen=True)
class Header:
    """One header line over a column: its text and how many columns it spans."""

    text: str
    span: int


@dataclass(frozen=True)
class Clues:
    """Text about the whole table: its caption and title block, and the heading above it."""

    caption: tuple[str, ...] = ()
    heading: tuple[str, ...] = ()
    instant: bool = False
    years_in_columns: bool = True
    whole_numbers: bool = False
    quarterly: bool = False
    report: ReportDates = ReportDates()
    # prints no currency with any number and names no statement ("OPERATING STATISTICS"): the
    # currency and scale of the filing's statements do not speak for it
    unpriced: bool = False


@dataclass(frozen=True)
class Partial:
    """What a column without a year says of its period: its length, day and month, quarter."""

    months: int | None = None
    day_month: tuple[int, int] | None = None
    quarter: int | None = None


@dataclass(frozen=True)
class PeriodReading:
    """A column's period, where it was read, and the doubt when it was not."""

    period: Period | None
    source: Source = Source.NONE
    doubt: Doubt | None = None
    not_a_period: bool = False
    quarter: int | None = None
    year: int | None = None
    partial: Partial | None = None
    start: date | None = None
    year_source: Source = Source.NONE
    end: date | None = None
