"""How a column gets its currency and scale: the same evidence as its period (see `evidence`),
weighed in the same order, then the currency printed with its numbers, then the filing's one
currency and scale (with a doubt where the table states none)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clues import Clues, FilingDates, Header
from .evidence import source_rank
from .model import Source
from .units import DOLLAR_CURRENCIES, read_unit

_US_DOLLAR = re.compile(r"\bUS\$|\bU\.S\.\s*(?:\$|dollars?)|\bUSD\b|\bUS\s+dollars?", re.I)


@dataclass(frozen=True)
class UnitReading:
    """A column's currency and scale, and where each was read."""

    currency: str | None
    scale: int | None
    source: Source = Source.NONE
    shares_scale: int | None = None
    shares_excepted: bool = False
    scale_source: Source = Source.NONE
    measure: str | None = None
    unpriced: bool = False  # no unit printed for the table, and the filing's was not borrowed


def column_unit(headers: tuple[Header, ...], clues: Clues, printed: str | None, dates: FilingDates) -> UnitReading:
    """Currency and scale of one column: its own header, a spanning one, the caption, the
    heading, the currency printed with its numbers, then the filing's one currency and scale."""
    levels = [
        (Source.COLUMN, [read_unit(h.text, whole_line=True) for h in headers if h.span == 1]),
        (Source.SPANNING, [read_unit(h.text, whole_line=True) for h in headers if h.span > 1]),
        (Source.CAPTION, [read_unit(text) for text in clues.caption]),
        (Source.HEADING, [read_unit(text) for text in clues.heading]),
    ]
    us_named = any(_US_DOLLAR.search(h.text) for h in headers)  # "US$" over the column: not the caption's dollar
    currency = scale = shares_scale = measure = None
    currency_source = scale_source = Source.NONE
    excepted = False
    for source, units in levels:
        for unit in units:
            if measure is None and currency is None and unit.measure:
                measure = unit.measure
            if currency is None and measure is None and unit.currency is not None:
                currency, currency_source = unit.currency, source
            if scale is None and unit.scale is not None:
                scale, scale_source = unit.scale, source
                excepted = unit.shares_excepted
            if shares_scale is None and unit.shares_scale is not None:
                shares_scale = unit.shares_scale
    named = {unit.currency for _source, units in levels for unit in units} & DOLLAR_CURRENCIES
    if printed == "$" and us_named:
        printed = "USD"
    if printed == "$":  # a bare "$": the dollar the table or its document names
        printed = next(iter(named)) if len(named) == 1 else dates.currency if dates.currency in DOLLAR_CURRENCIES else "USD"
    if printed is not None and (currency is None or currency_source in (Source.HEADING,)):
        currency, currency_source = printed, Source.CELL
    if currency == "USD" and len(named) == 1 and not us_named:
        currency = named.pop()
    if currency is None and dates.currency is not None and measure is None and not clues.unpriced:
        currency, currency_source = dates.currency, Source.STATEMENTS
    if scale is None and dates.scale is not None and not clues.whole_numbers and not clues.unpriced:
        scale, scale_source = dates.scale, Source.STATEMENTS
    source = max(currency_source, scale_source, key=source_rank) if scale is not None else currency_source
    unpriced = clues.unpriced and currency is None and scale is None and dates.currency is not None
    return UnitReading(currency, scale, source, shares_scale, excepted, scale_source, measure, unpriced)
