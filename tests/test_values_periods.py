"""Printed values, periods and units, one notation at a time."""

from __future__ import annotations

from datetime import date

import pytest

from parser import Period, load_filing
from parser.clues import Clues, FilingDates, Header
from parser.evidence import column_period
from parser.qualifier import column_qualifier
from parser.units import read_unit
from parser.values import read_value, split_line


@pytest.mark.parametrize(
    "raw, value, kind, currency",
    [
        ("(195,477)", -195477, "amount", None),
        ("1,510,888", 1510888, "amount", None),
        ("--", 0, "nil", None),
        ("-", 0, "nil", None),
        ("-0-", 0, "nil", None),
        ("nil", 0, "nil", None),
        ("33.3%", 33.3, "percent", None),
        ("(10%)", -10, "percent", None),
        ("GBP(0.02)", -0.02, "amount", "GBP"),
        ("$(0.03)", -0.03, "amount", "USD"),
        ("$1.375", 1.375, "amount", "USD"),
        (".175", 0.175, "amount", None),
        ("5.12*", 5.12, "amount", None),
        ("$92 3/4", 92.75, "amount", "USD"),
    ],
)
def test_read_value(raw, value, kind, currency):
    token = read_value(raw)
    assert token.value == pytest.approx(value)
    assert (token.kind, token.currency) == (kind, currency)


@pytest.mark.parametrize("raw", ["$", "(vii)", "Total", "1,2,3", "(12"])
def test_not_values(raw):
    assert read_value(raw) is None


def test_a_line_of_footnote_marks_is_not_a_row_of_values():
    from parser.lines import TEXT, classify

    assert classify(1, "                        (1)                 (1)         (2)").kind == TEXT


def test_split_line_keeps_footnote_marks_in_the_label_and_folds_lone_dollars():
    label, _start, values = split_line("EBITDA (1)                                  37.9      38.3")
    assert label == "EBITDA (1)" and [v.raw for v in values] == ["37.9", "38.3"]
    label, _, values = split_line("Net sales.........   $   14,860  $   10,215")
    assert [v.raw for v in values] == ["14,860", "10,215"] and {v.currency for v in values} == {"USD"}
    label, _, values = split_line("Private Wire VGEs (000) (at end")
    assert values == [] and label == "Private Wire VGEs (000) (at end"


def _period(own=(), spanning=(), caption=(), dates=None, **clues):
    headers = tuple(Header(text, 1) for text in own) + tuple(Header(text, 2) for text in spanning)
    return column_period(headers, Clues(caption=tuple(caption), **clues), dates or FilingDates())


@pytest.mark.parametrize(
    "own, spanning, caption, expected",
    [
        (("2004", "GBP'000"), ("Three months ended 30 June",), (), Period(date(2004, 6, 30), 3)),
        (("At 31", "December", "2003"), (), (), Period(date(2003, 12, 31), 0)),
        (("Q2 04",), (), (), Period(date(2004, 6, 30), 3)),
        (("March 27, 1998",), ("Six Months Ended",), (), Period(date(1998, 3, 27), 6)),
        (("4/1/00",), (), (), Period(date(2000, 4, 1), 0)),
        (("Year ended December 31, 1995",), (), (), Period(date(1995, 12, 31), 12)),
        (("1997",), (), ("BALANCE SHEETS", "DECEMBER 31, 1997 AND 1996"), Period(date(1997, 12, 31), 0)),
        (("1999",), (), ("YEARS ENDED JUNE 30, 1999, 1998 AND 1997",), Period(date(1999, 6, 30), 12)),
        (("1996",), (), ("YEAR ENDED DECEMBER 31, 1997 AND PERIOD FROM", "JUNE 3, 1996 (INCEPTION) TO DECEMBER 31, 1996"),
         Period(date(1996, 12, 31), 7)),
        (("1995",), ("June 30,",), (), Period(date(1995, 6, 30), 0)),
        (("Q2 2004", "Actual"), ("Compared to Q1 2004",), (), Period(date(2004, 6, 30), 3)),
    ],
)
def test_column_period(own, spanning, caption, expected):
    assert _period(own, spanning, caption).period == expected


@pytest.mark.parametrize("own", [("Growth", "Q2 04-", "Q1 04"), ("% Change",), ("Increase", "(Decrease)")])
def test_columns_of_changes_have_no_period_and_no_doubt(own):
    reading = _period(own)
    assert reading.period is None and reading.not_a_period and reading.doubt is None


def test_bare_year_in_an_annual_report_is_the_fiscal_year():
    annual = FilingDates(annual=True, year_end=(30, 6))
    assert _period(("1993",), dates=annual).period == Period(date(1993, 6, 30), 12)
    assert _period(("1993",), dates=annual, instant=True).period == Period(date(1993, 6, 30), 0)
    unread = _period(("1993",))
    assert unread.period is None and str(unread.doubt).startswith("period not read")


def test_a_year_stated_twice_over_one_column_is_not_read():
    reading = _period(("1993 1992",))
    assert reading.period is None and "several years" in str(reading.doubt)


def test_a_weekly_filer_year_snaps_to_its_printed_end_or_is_not_read():
    dates = FilingDates(annual=True, year_end=(31, 12), known_ends=(date(2000, 1, 2), date(1999, 1, 3), date(2000, 12, 31)))
    caption = ("FOR THREE YEARS ENDED DECEMBER 31, 2000",)
    assert _period(("1999",), caption=caption, dates=dates).period == Period(date(2000, 1, 2), 12)
    assert _period(("1998",), caption=caption, dates=dates).period == Period(date(1999, 1, 3), 12)
    unread = _period(("1996",), caption=caption, dates=dates)
    assert unread.period is None and "52/53-week" in str(unread.doubt)


@pytest.mark.parametrize(
    "text, currency, scale",
    [
        ("GBP m", "GBP", 1_000_000),
        ("GBP'000", "GBP", 1000),
        ("$'000", "USD", 1000),
        ("(In millions)", None, 1_000_000),
        ("(Dollars in thousands)", "USD", 1000),
        ("in million EUR", "EUR", 1_000_000),
        ("[expressed in Canadian dollars]", "CAD", None),
        ("Value (x$1000)", "USD", 1000),
        ("(In Millions of KWHs)", None, 1_000_000),
        ("2004", None, None),
    ],
)
def test_read_unit(text, currency, scale):
    unit = read_unit(text)
    assert (unit.currency, unit.scale) == (currency, scale)


def test_unit_exceptions_name_what_is_not_scaled():
    assert not read_unit("(In thousands, except per share data)").shares_excepted
    assert read_unit("(In Thousands, Except Number of Shares)").shares_excepted
    assert read_unit("(In millions, shares in thousands)").shares_scale == 1000
    assert read_unit("(In Millions of KWHs)").measure == "KWHs"


def test_column_qualifier():
    assert column_qualifier(("Three months ended 30 June", "2003", "Before", "Exceptional", "Items", "GBP'000")) \
        == "Before Exceptional Items"
    assert column_qualifier(("Compared to Q1 2004", "Q2 2004", "GBP'000", "Actual")) == "Actual"


def test_table_to_frame_has_period_and_unit_columns():
    table = load_filing("filings/001_e47b350a37731711.txt").tables[5]
    frame = table.to_frame()
    assert list(frame.columns.names) == ["period", "unit", "qualifier"]
    assert frame.loc["Total assets", ("at 2004-06-30", "GBP'000", "")] == 2284872
    assert frame.loc["Total assets", ("at 2003-12-31", "GBP'000", "")] == 2423038
    assert frame.loc["Total assets", ("at 2004-06-30", "USD'000", "")] == 4141559
