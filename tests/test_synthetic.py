"""Hand-written filings in tests/fixtures/synthetic/, each a layout the COLT samples lack.

Every expected value below was read off the fixture text by hand; line numbers are 1-based
lines of the whole file. The arithmetic built into each table is written next to it.

    submission_two_docs.txt   full <SEC-DOCUMENT> with a 10-Q and an EX-99; a balance sheet
    us_10q_dollar_columns.txt US statement of operations: "$" apart from the number, dot
                              leaders, "____" and "====" rules, "--" nils, "$.12" per share
    untagged_table.txt        6-K press release, fixed-width table with no tags, "$'000", "nil"
    misaligned_markers.txt    <S>/<C> markers 6 characters left of the numbers, one missing
    wrapped_labels.txt        Apple-style labels with the numbers on their last line, and a
                              deliberately wrong subtotal (2,187 printed, 2,178 true)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from parser import Period, facts_frame
from tests_support import load_once, norm

SYNTHETIC = Path(__file__).resolve().parent / "fixtures" / "synthetic"
ALL_FILES = (
    "submission_two_docs.txt",
    "us_10q_dollar_columns.txt",
    "untagged_table.txt",
    "misaligned_markers.txt",
    "wrapped_labels.txt",
)

NIL = object()  # expected cell: value 0, kind "nil"
ANY = object()  # expected group: not asserted (a total row that closes its group)


@dataclass(frozen=True)
class Expect:
    """One row read by hand: the line of its numbers, its label, group and every cell."""

    line: int
    label: str
    values: tuple
    group: object = ANY
    kind: str = "amount"
    currency: object = "from column"
    scale: object = "from column"
    first_line: int | None = None


@dataclass(frozen=True)
class Col:
    """One column read by hand."""

    period: Period | None
    currency: str | None
    scale: int
    label: tuple[str, ...] | None = None


def filing_of(name: str):
    """The parsed fixture, parsed once per test session."""
    return load_once(SYNTHETIC / name)


def only_table(name: str):
    """The single table of a fixture."""
    filing = filing_of(name)
    assert filing.error is None, filing.error
    assert len(filing.tables) == 1, [t.title for t in filing.tables]
    return filing.tables[0]


def row_on_line(table, line: int):
    """The row whose numbers stand on `line`."""
    hits = [row for row in table.rows if row.line == line and any(row.cells)]
    assert len(hits) == 1, f"want one row with numbers on line {line}, got {[r.label for r in hits]}"
    return hits[0]


def assert_columns(table, cols: list[Col]) -> None:
    """Column count, period, currency, scale (and label where given) of every column."""
    assert len(table.columns) == len(cols), [c.label for c in table.columns]
    for index, (column, want) in enumerate(zip(table.columns, cols)):
        assert column.index == index
        assert column.period == want.period, (index, column.label)
        assert column.currency == want.currency, (index, column.label)
        assert column.scale == want.scale, (index, column.label)
        if want.label is not None:
            assert tuple(column.label) == want.label


def assert_row(table, want: Expect, cols: list[Col]) -> None:
    """Label, group, kind and every cell (value, kind, line, column, currency, scale)."""
    row = row_on_line(table, want.line)
    assert row.label == want.label
    if want.group is not ANY:
        assert tuple(row.group) == want.group, row.group
    if want.first_line is not None:
        assert row.first_line == want.first_line
        assert row.last_line == want.line
    assert len(row.cells) == len(cols)
    for index, expected in enumerate(want.values):
        cell = row.cell(index)
        if expected is None:
            assert cell is None, (index, cell)
            continue
        assert cell is not None, f"{want.label}: no cell in column {index}"
        assert cell.line == want.line
        assert cell.column == index
        if expected is NIL:
            assert cell.value == 0
            assert cell.kind == "nil", cell
            continue
        assert cell.value == pytest.approx(expected), (index, cell.raw)
        assert cell.kind == want.kind, (index, cell.raw)
        currency = cols[index].currency if want.currency == "from column" else want.currency
        scale = cols[index].scale if want.scale == "from column" else want.scale
        assert cell.currency == currency, (index, cell.raw)
        assert cell.scale == scale, (index, cell.raw)


def checks_on(table, row, column: int):
    """The checks whose target is (row, column)."""
    return [check for check in table.checks if tuple(check.target) == (row.index, column)]


def assert_foots(table, target_line: int, column: int, printed: float, term_lines=None):
    """A check targets the cell, foots, and (when given) sums exactly the rows on term_lines."""
    row = row_on_line(table, target_line)
    found = checks_on(table, row, column)
    assert found, f"no check targets {row.label!r} column {column}"
    check = found[0]
    assert check.ok, check
    assert check.printed == pytest.approx(printed)
    assert check.computed == pytest.approx(printed)
    assert check.difference == pytest.approx(0)
    if term_lines is not None:
        want_rows = {row_on_line(table, line).index for line in term_lines}
        assert {term[0] for term in check.terms} == want_rows, check.terms
        assert {term[1] for term in check.terms} == {column}


# ---------------------------------------------------------------------------------------
# a. submission_two_docs.txt: <SEC-DOCUMENT> with a 10-Q (balance sheet) and an EX-99.
# Sums: 4,211+6,530+5,118+412 = 16,271; 3,874+6,102+4,987+388 = 15,351;
# 16,271+3,905+275 = 20,451; 15,351+4,020+275 = 19,646; 2,306+1,744+0 = 4,050;
# 2,118+1,902+500 = 4,520; 86+12,940+1,375 = 14,401; 85+12,811+230 = 13,126;
# 4,050+2,000+14,401 = 20,451; 4,520+2,000+13,126 = 19,646.

SUB = "submission_two_docs.txt"
SUB_COLS = [
    Col(Period(date(1998, 3, 31), 0), "USD", 1000, ("March 31,", "1998", "(Unaudited)")),
    Col(Period(date(1997, 12, 31), 0), "USD", 1000, ("December 31,", "1997")),
]
CA = ("Current assets",)
CL = ("Current liabilities",)
SE = ("Stockholders' equity",)
SUB_ROWS = [
    Expect(93, "Cash and cash equivalents", (4211, 3874), CA),
    Expect(94, "Accounts receivable, net", (6530, 6102), CA),
    Expect(95, "Inventories", (5118, 4987), CA),
    Expect(96, "Prepaid expenses", (412, 388), CA),
    Expect(98, "Total current assets", (16271, 15351)),
    Expect(99, "Property and equipment, net", (3905, 4020)),
    Expect(100, "Other assets", (275, 275)),
    Expect(102, "Total assets", (20451, 19646)),
    Expect(106, "Accounts payable", (2306, 2118), CL),
    Expect(107, "Accrued expenses", (1744, 1902), CL),
    Expect(108, "Current portion of long-term debt", (NIL, 500), CL),
    Expect(110, "Total current liabilities", (4050, 4520)),
    Expect(111, "Long-term debt", (2000, 2000)),
    Expect(113, "Common stock", (86, 85), SE),
    Expect(114, "Additional paid-in capital", (12940, 12811), SE),
    Expect(115, "Retained earnings", (1375, 230), SE),
    Expect(117, "Total stockholders' equity", (14401, 13126)),
    Expect(120, "Total liabilities and stockholders' equity", (20451, 19646), first_line=119),
]


def test_submission_metadata():
    filing = filing_of(SUB)
    assert filing.error is None
    assert filing.form == "10-Q"
    assert norm(filing.company) == "northwind instruments inc"
    assert filing.report_month == "1998-03"  # CONFORMED PERIOD OF REPORT: 19980331
    assert filing.date == date(1998, 5, 14)  # FILED AS OF DATE and the signature date
    assert filing.warnings == ()


def test_submission_documents():
    filing = filing_of(SUB)
    assert [doc.type for doc in filing.documents] == ["10-Q", "EX-99"]
    first, second = filing.documents
    # <DOCUMENT> lines 32-148 and 149-172; the table (lines 85-122) lies in the first.
    assert 32 <= first.first_line <= 37 and 146 <= first.last_line <= 148
    assert 149 <= second.first_line <= 154 and 171 <= second.last_line <= 173
    table = only_table(SUB)
    assert first.first_line <= table.first_line and table.last_line <= first.last_line


def test_submission_table_shape():
    table = only_table(SUB)
    assert table.kind == "balance"
    assert table.title.casefold() == "condensed consolidated balance sheets"
    assert table.tagged
    assert_columns(table, SUB_COLS)


@pytest.mark.parametrize("want", SUB_ROWS, ids=lambda e: f"L{e.line}")
def test_submission_cells(want):
    assert_row(only_table(SUB), want, SUB_COLS)


def test_submission_group_checks():
    table = only_table(SUB)
    for column, (tca, tcl, tse) in enumerate([(16271, 4050, 14401), (15351, 4520, 13126)]):
        assert_foots(table, 98, column, tca, term_lines=[93, 94, 95, 96])
        assert_foots(table, 110, column, tcl, term_lines=[106, 107, 108])
        assert_foots(table, 117, column, tse, term_lines=[113, 114, 115])


def test_submission_grand_total_checks():
    table = only_table(SUB)
    for column, total in enumerate([20451, 19646]):
        assert_foots(table, 102, column, total)  # Total assets
        assert_foots(table, 120, column, total)  # Total liabilities and equity
    assert table.failed_checks == ()


# ---------------------------------------------------------------------------------------
# b. us_10q_dollar_columns.txt: three and six months ended March 31 (fiscal year to Sept).
# Gross profit = Net sales - Cost of sales: 14,860-8,020 = 6,840; 10,215-6,120 = 4,095;
# 28,950-15,710 = 13,240; 19,870-11,990 = 7,880. Total operating expenses = group sum:
# 1,820+2,410+0 = 4,230; 1,640+2,290+650 = 4,580; 3,570+4,760+0 = 8,330;
# 3,210+4,410+650 = 8,270. Operating income = GP - opex: 2,610; (485); 4,910; (390).
# + interest = 2,730; (390); 5,140; (210). - taxes = 1,590; (390); 2,990; (210).

US = "us_10q_dollar_columns.txt"
US_COLS = [
    Col(Period(date(1998, 3, 31), 3), "USD", 1000, ("Three Months Ended", "March 31,", "1998")),
    Col(Period(date(1997, 3, 31), 3), "USD", 1000, ("Three Months Ended", "March 31,", "1997")),
    Col(Period(date(1998, 3, 31), 6), "USD", 1000, ("Six Months Ended", "March 31,", "1998")),
    Col(Period(date(1997, 3, 31), 6), "USD", 1000, ("Six Months Ended", "March 31,", "1997")),
]
OPEX = ("Operating expenses",)
US_ROWS = [
    Expect(54, "Net sales", (14860, 10215, 28950, 19870), ()),
    Expect(55, "Cost of sales", (8020, 6120, 15710, 11990), ()),
    Expect(57, "Gross profit", (6840, 4095, 13240, 7880), ()),
    Expect(60, "Research and development", (1820, 1640, 3570, 3210), OPEX),
    Expect(62, "Selling, general and administrative", (2410, 2290, 4760, 4410), OPEX, first_line=61),
    Expect(63, "Restructuring charge", (NIL, 650, NIL, 650), OPEX),
    Expect(65, "Total operating expenses", (4230, 4580, 8330, 8270)),
    Expect(67, "Operating income (loss)", (2610, -485, 4910, -390), ()),
    Expect(68, "Interest income, net", (120, 95, 230, 180), ()),
    Expect(70, "Income (loss) before income taxes", (2730, -390, 5140, -210), ()),
    Expect(71, "Provision for income taxes", (1140, NIL, 2150, NIL), ()),
    Expect(73, "Net income (loss)", (1590, -390, 2990, -210), ()),
    # "(In thousands, except per share amounts)": per-share cells carry scale 1.
    Expect(76, "Net income (loss) per share", (0.12, -0.03, 0.23, -0.02), (), "per_share", "USD", 1),
]


def test_us_10q_metadata():
    filing = filing_of(US)
    assert filing.error is None
    assert filing.form == "10-Q"
    assert norm(filing.company) == "harborview systems inc"
    assert filing.report_month == "1998-03"  # quarterly period ended March 31, 1998
    assert len(filing.documents) == 1
    assert filing.warnings == ()


def test_us_10q_table_shape():
    table = only_table(US)
    assert table.kind == "income"
    assert table.title.casefold() == "condensed consolidated statements of operations"
    # The "$" printed apart from its number is not a column of its own.
    assert_columns(table, US_COLS)


@pytest.mark.parametrize("want", US_ROWS, ids=lambda e: f"L{e.line}")
def test_us_10q_cells(want):
    assert_row(only_table(US), want, US_COLS)


def test_us_10q_share_count_row():
    """Weighted shares: a count in thousands, no currency (the table says "In thousands")."""
    want = Expect(80, "Weighted average common shares outstanding",
                  (13240, 12990, 13210, 12970), (), "count", None, 1000, first_line=79)
    assert_row(only_table(US), want, US_COLS)


def test_us_10q_raw_text_of_nils_and_negatives():
    table = only_table(US)
    assert row_on_line(table, 63).cell(0).raw == "--"
    assert row_on_line(table, 71).cell(3).raw == "--"
    assert row_on_line(table, 67).cell(1).raw == "(485)"


def test_us_10q_dot_leaders_and_rules_dropped():
    table = only_table(US)
    for row in table.rows:
        assert ".." not in row.label, row.label
        assert "__" not in row.label and "==" not in row.label, row.label
    # Rule lines are not rows: 14 rows with numbers (lines 54..80), nothing else holds cells.
    assert [row.line for row in table.value_rows] == [
        54, 55, 57, 60, 62, 63, 65, 67, 68, 70, 71, 73, 76, 80]
    heading = [row for row in table.rows if row.kind == "heading"]
    assert [row.label.rstrip(":") for row in heading] == ["Operating expenses"]


def test_us_10q_dollar_signs_are_never_values():
    table = only_table(US)
    cells = [cell for row in table.rows for cell in row.cells if cell is not None]
    assert len(cells) == 14 * 4
    assert all(cell.raw.strip() not in {"$", ""} for cell in cells)
    # Net sales: each "$" stands 3-4 characters left of its number, in the same column.
    net_sales = row_on_line(table, 54)
    assert [cell.value for cell in net_sales.cells] == [14860, 10215, 28950, 19870]


def test_us_10q_checks():
    table = only_table(US)
    for column, (gp, opex) in enumerate([(6840, 4230), (4095, 4580), (13240, 8330), (7880, 8270)]):
        assert_foots(table, 57, column, gp, term_lines=[54, 55])
        assert_foots(table, 65, column, opex, term_lines=[60, 62, 63])


def test_us_10q_running_total_checks():
    """Totals under a rule line equal the block above them, expenses subtracted."""
    table = only_table(US)
    for column, (op, pre, net) in enumerate(
        [(2610, 2730, 1590), (-485, -390, -390), (4910, 5140, 2990), (-390, -210, -210)]
    ):
        assert_foots(table, 67, column, op)
        assert_foots(table, 70, column, pre)
        assert_foots(table, 73, column, net)
    assert table.failed_checks == ()


def test_us_10q_facts_frame():
    frame = facts_frame([filing_of(US)])
    for name in ("filing", "table", "table_title", "statement", "row", "group", "line_item",
                 "column", "column_label", "period_end", "months", "currency", "scale",
                 "value", "kind", "raw", "line"):
        assert name in frame.columns, name
    assert len(frame) == 14 * 4  # one row per numeric cell, nils included
    assert set(frame["filing"]) == {US}
    assert "$" not in set(frame["raw"].astype(str).str.strip())

    def fact(line_item: str, column: int):
        hits = frame[(frame["line_item"] == line_item) & (frame["column"] == column)]
        assert len(hits) == 1, (line_item, column, len(hits))
        return hits.iloc[0]

    sales = fact("Net sales", 0)
    assert sales["statement"] == "income"
    assert sales["group"] == ""
    assert sales["column_label"] == "Three Months Ended | March 31, | 1998"
    assert str(sales["period_end"])[:10] == "1998-03-31"
    assert int(sales["months"]) == 3
    assert sales["currency"] == "USD"
    assert int(sales["scale"]) == 1000
    assert float(sales["value"]) == 14860
    assert sales["kind"] == "amount"
    assert int(sales["line"]) == 54

    sga = fact("Selling, general and administrative", 3)
    assert sga["group"] == "Operating expenses"
    assert sga["column_label"] == "Six Months Ended | March 31, | 1997"
    assert str(sga["period_end"])[:10] == "1997-03-31"
    assert int(sga["months"]) == 6
    assert float(sga["value"]) == 4410
    assert int(sga["line"]) == 62

    restructuring = fact("Restructuring charge", 2)
    assert restructuring["kind"] == "nil" and float(restructuring["value"]) == 0
    assert restructuring["raw"] == "--"

    eps = fact("Net income (loss) per share", 1)
    assert eps["kind"] == "per_share"
    assert float(eps["value"]) == pytest.approx(-0.03)
    assert int(eps["scale"]) == 1
    assert eps["currency"] == "USD"


# ---------------------------------------------------------------------------------------
# c. untagged_table.txt: 6-K press release, table without any tags, "$'000" headers.
# Operating profit = 84,312-31,450-22,106-12,840-3,977 = 13,939 (1999: 71,905-27,318-20,477
# -12,115-3,602 = 8,393). Profit before taxation = 13,939-4,210-0 = 9,729 (1999: 8,393-4,588
# -1,250 = 2,555). Profit for the year = PBT - nil.

UT = "untagged_table.txt"
UT_COLS = [
    Col(Period(date(2000, 12, 31), 12), "USD", 1000, ("Year ended 31 December", "2000", "$'000")),
    Col(Period(date(1999, 12, 31), 12), "USD", 1000, ("Year ended 31 December", "1999", "$'000")),
]
UT_ROWS = [
    Expect(63, "Revenue", (84312, 71905), ()),
    Expect(64, "Voyage expenses", (-31450, -27318), ()),
    Expect(65, "Vessel operating expenses", (-22106, -20477), ()),
    Expect(66, "Depreciation", (-12840, -12115), ()),
    Expect(67, "General and administrative", (-3977, -3602), ()),
    Expect(69, "Operating profit", (13939, 8393), ()),
    Expect(70, "Net interest expense", (-4210, -4588), ()),
    Expect(71, "Exceptional items", (NIL, -1250), ()),
    Expect(73, "Profit before taxation", (9729, 2555), ()),
    Expect(74, "Taxation", (NIL, NIL), ()),
    Expect(76, "Profit for the year", (9729, 2555), ()),
    Expect(79, "Earnings per share", (0.24, 0.06), (), "per_share", "USD", 1),
]


def test_untagged_metadata():
    filing = filing_of(UT)
    assert filing.error is None
    assert filing.form == "6-K"
    assert norm(filing.company) == "kestrel shipping limited"
    assert filing.report_month == "2001-03"  # "For the month of March 2001"
    assert filing.date == date(2001, 3, 8)  # "8 March 2001"
    assert norm(filing.title) == norm(
        "KESTREL SHIPPING LIMITED ANNOUNCES RESULTS FOR THE YEAR ENDED 31 DECEMBER 2000")


def test_untagged_table_shape():
    # Prose before and after (bullets with "$84.3 million", "$14,250 per day") is no table.
    table = only_table(UT)
    assert not table.tagged
    assert table.kind == "income"
    assert table.title.casefold() == "consolidated profit and loss account"
    assert 57 <= table.first_line <= 61 and 77 <= table.last_line <= 79
    assert_columns(table, UT_COLS)


@pytest.mark.parametrize("want", UT_ROWS, ids=lambda e: f"L{e.line}")
def test_untagged_cells(want):
    assert_row(only_table(UT), want, UT_COLS)


def test_untagged_nil_word():
    table = only_table(UT)
    for line, column in [(71, 0), (74, 0), (74, 1)]:
        cell = row_on_line(table, line).cell(column)
        assert (cell.raw, cell.value, cell.kind) == ("nil", 0, "nil")


def test_untagged_checks():
    table = only_table(UT)
    assert_foots(table, 69, 0, 13939, term_lines=[63, 64, 65, 66, 67])
    assert_foots(table, 69, 1, 8393, term_lines=[63, 64, 65, 66, 67])
    assert_foots(table, 73, 0, 9729)
    assert_foots(table, 73, 1, 2555)
    assert table.failed_checks == ()


# ---------------------------------------------------------------------------------------
# d. misaligned_markers.txt: "<C>" at columns 34 and 48 (0-based), numbers end at 50, 64,
# 78; the third column has no marker. Gross margin = Revenues - Cost of revenues:
# 24,206; 21,220; 17,125. Income from operations = GM - opex: 6,888; 4,270; 1,395.
# Net income = + other: 7,300; 4,270 (+ -0-); 1,310 (- 85).

MM = "misaligned_markers.txt"
MM_COLS = [
    Col(Period(date(1999, 6, 30), 12), "USD", 1000, ("Year Ended June 30,", "1999")),
    Col(Period(date(1998, 6, 30), 12), "USD", 1000, ("Year Ended June 30,", "1998")),
    Col(Period(date(1997, 6, 30), 12), "USD", 1000, ("Year Ended June 30,", "1997")),
]
MM_ROWS = [
    Expect(38, "Revenues", (45210, 39870, 33105), ()),
    Expect(39, "Cost of revenues", (21004, 18650, 15980), ()),
    Expect(41, "Gross margin", (24206, 21220, 17125), ()),
    Expect(42, "Operating expenses", (17318, 16950, 15730), ()),
    Expect(44, "Income from operations", (6888, 4270, 1395), ()),
    Expect(45, "Other income (expense), net", (412, NIL, -85), ()),
    Expect(47, "Net income", (7300, 4270, 1310), ()),
    Expect(50, "Net income per share - diluted", (0.84, 0.50, 0.16), (), "per_share", "USD", 1),
]


def test_misaligned_metadata():
    filing = filing_of(MM)
    assert filing.error is None
    assert filing.form == "10-K"
    assert norm(filing.company) == "cascade data corporation"
    assert filing.report_month == "1999-06"  # fiscal year ended June 30, 1999


def test_misaligned_table_shape():
    table = only_table(MM)
    assert table.kind == "income"
    assert table.title.casefold() == "consolidated statements of income data"
    assert_columns(table, MM_COLS)


@pytest.mark.parametrize("want", MM_ROWS, ids=lambda e: f"L{e.line}")
def test_misaligned_cells(want):
    assert_row(only_table(MM), want, MM_COLS)


def test_misaligned_numbers_not_split():
    table = only_table(MM)
    raws = [cell.raw for row in table.rows for cell in row.cells if cell is not None]
    assert "-0-" in raws
    # A cut at the second marker (column 48) would split "45,210" into "45," and "210".
    assert not any(raw.strip() in {"45,", "45", "210", "$"} for raw in raws), raws


def test_misaligned_checks():
    table = only_table(MM)
    for column, gm in enumerate([24206, 21220, 17125]):
        assert_foots(table, 41, column, gm, term_lines=[38, 39])
    for column, (ops, net) in enumerate([(6888, 7300), (4270, 4270), (1395, 1310)]):
        assert_foots(table, 44, column, ops)
        assert_foots(table, 47, column, net)
    assert table.failed_checks == ()


# ---------------------------------------------------------------------------------------
# e. wrapped_labels.txt: labels wrap with the numbers on their LAST line (" development 102").
# Costs and expenses: 1,181+102+200+0 = 1,483 (printed 1,483, foots);
# 1,720+146+312+0 = 2,178 but printed 2,187: the deliberate error, difference +9.

WL = "wrapped_labels.txt"
WL_COLS = [
    Col(Period(date(1997, 12, 26), 3), "USD", 1_000_000,
        ("Three Months Ended", "December 26,", "1997")),
    Col(Period(date(1996, 12, 27), 3), "USD", 1_000_000,
        ("Three Months Ended", "December 27,", "1996")),
]
CE = ("Costs and expenses",)
WL_ROWS = [
    Expect(33, "Net sales", (1578, 2129), (), first_line=33),
    Expect(35, "Cost of sales", (1181, 1720), CE, first_line=35),
    Expect(37, "Research and development", (102, 146), CE, first_line=36),
    Expect(39, "Selling, general and administrative", (200, 312), CE, first_line=38),
    Expect(42, "Restructuring and other special charges", (NIL, NIL), CE, first_line=40),
    Expect(46, "Operating income (loss)", (95, -49), first_line=45),
    # A line ending in "/" joins the next without a space.
    Expect(48, "Interest income/(expense), net", (2, 7), first_line=47),
    Expect(51, "Income (loss) before income taxes", (97, -42), first_line=50),
    Expect(54, "Provision for (benefit from) income taxes", (29, -12), first_line=52),
    Expect(57, "Net income (loss)", (68, -30), first_line=56),
    Expect(60, "Earnings (loss) per share", (0.37, -0.24), (), "per_share", "USD", 1, 59),
]


def test_wrapped_metadata():
    filing = filing_of(WL)
    assert filing.error is None
    assert filing.form == "10-Q"
    assert norm(filing.company) == "orchard devices inc"
    assert filing.report_month == "1997-12"  # quarterly period ended December 26, 1997


def test_wrapped_table_shape():
    table = only_table(WL)
    assert table.kind == "income"
    assert table.title.casefold() == "condensed consolidated statements of operations"
    assert_columns(table, WL_COLS)
    # 12 rows hold numbers; the label-only lines are wrapped labels, not rows of their own,
    # except the heading "Costs and expenses:".
    assert len(table.value_rows) == 12
    headings = [row.label.rstrip(":") for row in table.rows if row.kind == "heading"]
    assert headings == ["Costs and expenses"]
    labels = [row.label for row in table.rows]
    for fragment in ("Research and", "development", "Restructuring and", "other special",
                     "Provision for", "(benefit from)", "Interest income/"):
        assert fragment not in labels


@pytest.mark.parametrize("want", WL_ROWS, ids=lambda e: f"L{e.line}")
def test_wrapped_cells(want):
    assert_row(only_table(WL), want, WL_COLS)


def test_wrapped_subtotal_row():
    table = only_table(WL)
    subtotal = row_on_line(table, 43)
    assert subtotal.kind == "subtotal"
    assert subtotal.label == ""
    assert tuple(subtotal.group) == CE
    assert [cell.value for cell in subtotal.cells] == [1483, 2187]
    assert all(cell.kind == "amount" and cell.scale == 1_000_000 for cell in subtotal.cells)


def test_wrapped_subtotal_check_foots_in_first_column():
    table = only_table(WL)
    assert_foots(table, 43, 0, 1483, term_lines=[35, 37, 39, 42])
    assert not [check for check in table.failed_checks if check.target[1] == 0]


def test_wrapped_deliberate_error_is_flagged():
    table = only_table(WL)
    subtotal = row_on_line(table, 43)
    found = checks_on(table, subtotal, 1)
    assert found, "no check targets the subtotal in column 1"
    check = found[0]
    assert not check.ok
    assert check.printed == pytest.approx(2187)
    assert check.computed == pytest.approx(2178)
    assert check.difference == pytest.approx(9)
    assert {term[0] for term in check.terms} == {
        row_on_line(table, line).index for line in (35, 37, 39, 42)}
    assert check in table.failed_checks


# ---------------------------------------------------------------------------------------
# Properties every synthetic file shares.


@pytest.mark.parametrize("name", ALL_FILES)
def test_no_tag_or_leader_leaks_into_labels(name):
    filing = filing_of(name)
    for table in filing.tables:
        assert "<" not in table.title
        for column in table.columns:
            assert not any("<" in line for line in column.label), column.label
        for row in table.rows:
            assert "<" not in row.label and ".." not in row.label, row.label
            assert row.label == row.label.strip()
            assert "  " not in row.label, row.label
            assert len(row.cells) == len(table.columns)
    for section in filing.walk_sections():
        assert "<PAGE>" not in section.title.upper()


@pytest.mark.parametrize("name", ALL_FILES)
def test_no_lone_dollar_or_rule_cells(name):
    filing = filing_of(name)
    for table in filing.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell is None:
                    continue
                raw = cell.raw.strip()
                assert raw not in {"$", "", "%"}, (row.label, cell)
                assert not set(raw) <= set("-_=") or raw in {"-", "--"}, (row.label, cell)
                assert 1 <= cell.line <= len(filing.lines)
                assert cell.line == row.line


@pytest.mark.parametrize("name", ALL_FILES)
def test_cells_stand_where_their_raw_text_is(name):
    """Each cell's raw text is printed on the line the cell says, so it can be traced back."""
    filing = filing_of(name)
    for table in filing.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell is not None:
                    assert cell.raw.strip() in filing.lines[cell.line - 1], cell
