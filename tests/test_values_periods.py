"""Printed values, periods and units, one notation at a time."""

from __future__ import annotations

from datetime import date

import pytest

from parser import Period, load_filing
from parser.periods import column_period, column_qualifier, column_unit
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
    label, start, values = split_line("EBITDA (1)                                  37.9      38.3")
    assert label == "EBITDA (1)" and [v.raw for v in values] == ["37.9", "38.3"]
    label, _, values = split_line("Net sales.........   $   14,860  $   10,215")
    assert [v.raw for v in values] == ["14,860", "10,215"] and {v.currency for v in values} == {"USD"}
    label, _, values = split_line("Private Wire VGEs (000) (at end")
    assert values == [] and label == "Private Wire VGEs (000) (at end"


@pytest.mark.parametrize(
    "label, context, expected",
    [
        (("Three months ended 30 June", "2004", "GBP'000"), "", Period(date(2004, 6, 30), 3)),
        (("At 31", "December", "2003"), "", Period(date(2003, 12, 31), 0)),
        (("Q2 04",), "", Period(date(2004, 6, 30), 3)),
        (("Six Months Ended", "March 27, 1998"), "", Period(date(1998, 3, 27), 6)),
        (("4/1/00",), "", Period(date(2000, 4, 1), 0)),
        (("Year ended December 31, 1995",), "", Period(date(1995, 12, 31), 12)),
        (("1997",), "BALANCE SHEETS DECEMBER 31, 1997 AND 1996", Period(date(1997, 12, 31), 0)),
        (("Growth", "Q2 04-", "Q1 04"), "", None),
        (("Compared to Q1 2004", "Q2 2004", "Actual"), "", Period(date(2004, 6, 30), 3)),
    ],
)
def test_column_period(label, context, expected):
    assert column_period(label, context) == expected


def test_bare_year_in_an_annual_report_is_the_fiscal_year():
    assert column_period(("1993",), "", (31, 12)) == Period(date(1993, 12, 31), 12)
    assert column_period(("1993",), "", (31, 12), instant=True) == Period(date(1993, 12, 31), 0)
    assert column_period(("1993",), "") is None


@pytest.mark.parametrize(
    "label, context, expected",
    [
        (("GBP m",), "", ("GBP", 1_000_000)),
        (("GBP'000",), "", ("GBP", 1000)),
        (("$'000",), "", ("USD", 1000)),
        (("1997",), "(In millions)", (None, 1_000_000)),
        (("1997",), "(Dollars in thousands)", ("USD", 1000)),
        (("$",), "", ("USD", 1)),
        (("2004",), "", (None, None)),
    ],
)
def test_column_unit(label, context, expected):
    assert column_unit(label, context) == expected


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
