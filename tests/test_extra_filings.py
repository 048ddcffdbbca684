"""Real EDGAR filings of other companies (tests/fixtures/extra/, see its SOURCES.md).

Every expected value was read by hand from the text with tabs expanded at 8 columns; line
numbers are 1-based lines of the whole file, PEM and SEC headers included. Rows are found by
the line their numbers stand on, so the tests do not depend on how many tables the parser
finds elsewhere in these long files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from parser import Period
from tests_support import load_once, norm

EXTRA = Path(__file__).resolve().parent / "fixtures" / "extra"

APPLE = "02_apple-10q-1997q2.txt"
AMAZON = "03_amazon-8k-1998-junglee.txt"
SOUTHERN = "04_southern-8k-2005-earnings.txt"

NIL = object()   # expected cell: value 0, kind "nil"
ANY = object()   # not asserted
M = 1_000_000


@dataclass(frozen=True)
class Col:
    """One column: its period (ANY to skip, or only its end date), currency and scale."""

    period: object
    currency: str | None
    scale: int
    end: date | None = None


@dataclass(frozen=True)
class Expect:
    """One row: the line its numbers stand on, its label, cells, group and cell kinds."""

    line: int
    label: str
    values: tuple
    group: object = ANY
    kind: object = "amount"          # one kind for all cells, or a tuple per column
    currency: object = "from column"
    scale: object = "from column"
    first_line: int | None = None


@dataclass(frozen=True)
class TableSpec:
    """A statement table, identified by a line with numbers inside it."""

    file: str
    anchor: int
    kind: object
    title: str
    columns: tuple[Col, ...]
    rows: tuple[Expect, ...]


def filing_of(name: str):
    """The parsed fixture, parsed once per test session."""
    return load_once(EXTRA / name)


def row_on_line(filing, line: int):
    """(table, row) for the row whose numbers stand on `line`."""
    hits = [(table, row) for table in filing.tables for row in table.rows
            if row.line == line and any(row.cells)]
    assert len(hits) == 1, f"want one row with numbers on line {line}, got " + repr(
        [(t.index, r.label) for t, r in hits])
    return hits[0]


def assert_row(table, row, want: Expect, cols) -> None:
    """Label, group, and per cell: value, kind, line, column, period, currency, scale."""
    assert row.label == want.label
    if want.group is not ANY:
        assert tuple(row.group) == want.group, row.group
    if want.first_line is not None:
        assert row.first_line == want.first_line
    assert len(row.cells) == len(cols), [c.raw if c else None for c in row.cells]
    for index, expected in enumerate(want.values):
        cell = row.cell(index)
        if expected is None:
            assert cell is None, (index, cell)
            continue
        assert cell is not None, f"{want.label}: no cell in column {index}"
        assert cell.line == want.line and cell.column == index
        if expected is NIL:
            assert (cell.value, cell.kind) == (0, "nil"), cell
            continue
        assert cell.value == pytest.approx(expected), (index, cell.raw)
        kind = want.kind[index] if isinstance(want.kind, tuple) else want.kind
        if kind is not ANY:
            assert cell.kind == kind, (index, cell.raw)
        currency = cols[index].currency if want.currency == "from column" else want.currency
        scale = cols[index].scale if want.scale == "from column" else want.scale
        assert cell.currency == currency, (index, cell.raw)
        assert cell.scale == scale, (index, cell.raw)


def assert_columns(table, cols) -> None:
    """Column count, and every column's period, currency and scale."""
    assert len(table.columns) == len(cols), [c.label for c in table.columns]
    for index, (column, want) in enumerate(zip(table.columns, cols)):
        if want.end is not None:
            assert column.period is not None and column.period.end == want.end, column
        elif want.period is not ANY:
            assert column.period == want.period, (index, column.label)
        assert column.currency == want.currency, (index, column.label)
        assert column.scale == want.scale, (index, column.label)


def assert_foots(table, filing, line: int, column: int, printed: float, term_lines=None):
    """A check targets the cell and foots; when given, its terms are the rows on term_lines."""
    _, row = row_on_line(filing, line)
    found = [c for c in table.checks if tuple(c.target) == (row.index, column)]
    assert found, f"no check targets {row.display_label!r} column {column}"
    assert found[0].ok, found[0]
    assert found[0].printed == pytest.approx(printed)
    if term_lines is not None:
        want = {row_on_line(filing, term)[1].index for term in term_lines}
        assert {term[0] for term in found[0].terms} == want, found[0].terms


# ---------------------------------------------------------------------------------------
# Apple 10-Q, quarter ended March 28, 1997: statements of operations (lines 107-155),
# balance sheet assets (165-205) and liabilities (218-259). "(Dollars in millions, except
# per share amounts)" and "(In millions)" are printed above the <TABLE> tags.

APPLE_Q = Period(date(1997, 3, 28), 3)
APPLE_OPS_COLS = (
    Col(APPLE_Q, "USD", M),
    Col(Period(date(1996, 3, 29), 3), "USD", M),
    Col(Period(date(1997, 3, 28), 6), "USD", M),
    Col(Period(date(1996, 3, 29), 6), "USD", M),
)
APPLE_BS_COLS = (
    Col(Period(date(1997, 3, 28), 0), "USD", M),
    Col(Period(date(1996, 9, 27), 0), "USD", M),
)
COSTS = ("Costs and expenses",)
APPLE_OPS = TableSpec(APPLE, 116, "income", "consolidated statements of operations",
                      APPLE_OPS_COLS, (
    Expect(116, "Net sales", (1601, 2185, 3730, 5333), ()),
    Expect(120, "Cost of sales", (1298, 2606, 3030, 5279), COSTS),
    Expect(122, "Research and development", (141, 150, 290, 303), COSTS, first_line=121),
    Expect(124, "Selling, general and administrative", (348, 404, 720, 845), COSTS,
           first_line=123),
    Expect(126, "In-process research and development", (375, NIL, 375, NIL), COSTS,
           first_line=125),
    Expect(127, "Restructuring costs", (155, 207, 155, 207), COSTS),
    Expect(128, "", (2317, 3367, 4570, 6634), COSTS),
    Expect(130, "Operating loss", (-716, -1182, -840, -1301)),
    Expect(133, "Interest and other income (expense),net", (8, 7, 12, 17), first_line=131),
    Expect(136, "Loss before benefit from income taxes", (-708, -1175, -828, -1284),
           first_line=135),
    Expect(138, "Benefit from income taxes", (NIL, -435, NIL, -475), first_line=137),
    Expect(140, "Net loss", (-708, -740, -828, -809)),
    Expect(143, "Loss per common share", (-5.64, -5.99, -6.62, -6.55),
           kind="per_share", currency="USD", scale=1, first_line=142),
    Expect(147, "Cash dividends paid per common share", (NIL, NIL, NIL, 0.12),
           kind="per_share", currency="USD", scale=1, first_line=145),
))
APPLE_ASSETS = TableSpec(APPLE, 173, "balance", "consolidated balance sheets", APPLE_BS_COLS, (
    Expect(173, "Cash and cash equivalents", (1273, 1552), ("Current assets",)),
    Expect(174, "Short-term investments", (186, 193), ("Current assets",)),
    # The "$96 ($91" inside the label are not values.
    Expect(178, "Accounts receivable, net of allowance for doubtful accounts of $96 ($91 at "
           "September 27, 1996)", (1149, 1496), ("Current assets",), first_line=175),
    Expect(181, "Purchased parts", (220, 213)),
    Expect(183, "Finished goods", (270, 406)),
    Expect(184, "", (509, 662)),
    Expect(188, "Total current assets", (3642, 4515)),
    Expect(191, "Land and buildings", (461, 480)),
    Expect(195, "", (1295, 1348)),
    Expect(197, "Accumulated depreciation and amortization", (-739, -750), first_line=196),
    Expect(199, "Net property, plant, and equipment", (556, 598)),
    Expect(201, "Other assets", (289, 251)),
    Expect(203, "", (4487, 5364)),
))
APPLE_LIABILITIES = TableSpec(APPLE, 227, "balance", "consolidated balance sheets",
                              APPLE_BS_COLS, (
    Expect(227, "Notes payable to banks", (133, 186), ("Current liabilities",)),
    Expect(228, "Accounts payable", (840, 791), ("Current liabilities",)),
    Expect(230, "Accrued compensation and employee benefits", (137, 120),
           ("Current liabilities",), first_line=229),
    Expect(236, "Total current liabilities", (2011, 2003)),
    Expect(238, "Long-term debt", (952, 949)),
    Expect(248, "Common stock, no par value; 320,000,000 shares authorized; 126,424,977 "
           "shares issued and outstanding at March 28, 1997 (124,496,972 shares at "
           "September 27, 1996)", (472, 439), ("Shareholders' equity",), first_line=243),
    Expect(249, "Retained earnings", (806, 1634), ("Shareholders' equity",)),
    Expect(250, "Other", (-36, -15), ("Shareholders' equity",)),
    Expect(253, "Total shareholders' equity", (1242, 2058)),
    Expect(255, "", (4487, 5364)),
))

# ---------------------------------------------------------------------------------------
# Amazon 8-K: Junglee Corp. statements in US dollars (not thousands).

AMAZON_BS = TableSpec(AMAZON, 329, "balance", "balance sheets", (
    Col(Period(date(1997, 12, 31), 0), "USD", 1),
    Col(Period(date(1996, 12, 31), 0), "USD", 1),
), (
    Expect(329, "Cash and equivalents", (1576716, 2415200), ("CURRENT ASSETS",)),
    Expect(330, "Short-term investments", (NIL, 977957), ("CURRENT ASSETS",)),
    Expect(331, "Accounts receivable (net of allowance of $57,177)", (386068, NIL),
           ("CURRENT ASSETS",)),
    Expect(333, "Other current assets", (77036, 16187), ("CURRENT ASSETS",)),
    Expect(336, "Total current assets", (2168345, 3409344)),
    Expect(338, "PROPERTY AND EQUIPMENT, Net", (727234, 318915)),
    Expect(347, "TOTAL", (3086238, 3788259)),
    Expect(353, "Accounts payable", (90949, 77756)),
    Expect(361, "Total current liabilities", (1096465, 335736)),
    Expect(375, "Accumulated deficit", (-4942514, -742411)),
    Expect(378, "Total stockholders' equity", (1810463, 3403657)),
))
# "YEAR ENDED DECEMBER 31, 1997 AND PERIOD FROM JUNE 3, 1996 (INCEPTION) TO DECEMBER 31, 1996"
AMAZON_OPS = TableSpec(AMAZON, 405, "income", "statements of operations", (
    Col(Period(date(1997, 12, 31), 12), "USD", 1),
    Col(ANY, "USD", 1, end=date(1996, 12, 31)),
), (
    Expect(405, "License", (985495, NIL)),
    Expect(406, "Maintenance and other services", (230860, NIL)),
    Expect(409, "Total net revenues", (1216355, NIL)),
    Expect(414, "Research and development", (2580795, 439469), ("OPERATING EXPENSES",)),
    Expect(419, "LOSS FROM OPERATIONS", (4322012, 752066)),
    Expect(424, "Interest expense", (-30998, NIL), ("OTHER INCOME (EXPENSE)",)),
    Expect(431, "NET LOSS", (4200103, 742411)),
))
AMAZON_INTERIM_BS = TableSpec(AMAZON, 1083, "balance", "condensed balance sheet", (
    Col(Period(date(1998, 6, 30), 0), "USD", 1),
    Col(Period(date(1997, 12, 31), 0), "USD", 1),
), (
    Expect(1083, "Cash and equivalents", (4031060, 1576716), ("CURRENT ASSETS",)),
    Expect(1088, "Total current assets", (4967256, 2168345)),
    Expect(1105, "Convertible unsecured promissory note", (2004278, NIL)),
    Expect(1127, "Deferred compensation", (-277336, NIL)),
    Expect(1128, "Accumulated deficit", (-9182028, -4942514)),
))
AMAZON_INTERIM_OPS = TableSpec(AMAZON, 1153, "income", "condensed statements of operations", (
    Col(Period(date(1998, 6, 30), 6), "USD", 1),
    Col(Period(date(1997, 6, 30), 6), "USD", 1),
), (
    Expect(1153, "License", (836827, 625000), ("REVENUES",)),
    Expect(1156, "Total net revenues", (1398204, 678376)),
    Expect(1161, "Research and development", (993052, 1167148), ("OPERATING EXPENSES",)),
    Expect(1166, "LOSS FROM OPERATIONS", (-4314757, -1644848)),
    Expect(1177, "NET LOSS", (-4239514, -1581681)),
))

# ---------------------------------------------------------------------------------------
# Southern 8-K exhibits: "3 Months Ended December" / "12 Months Ended December" over
# 2004 / 2003 / Change. EX-99.04 in millions of dollars, EX-99.05 in millions of KWHs.

Q4_04 = Period(date(2004, 12, 31), 3)
Q4_03 = Period(date(2003, 12, 31), 3)
FY_04 = Period(date(2004, 12, 31), 12)
FY_03 = Period(date(2003, 12, 31), 12)
SOUTHERN_EARNINGS = TableSpec(SOUTHERN, 753, "income", "analysis of consolidated earnings", (
    Col(Q4_04, "USD", M), Col(Q4_03, "USD", M), Col(ANY, "USD", M),
    Col(FY_04, "USD", M), Col(FY_03, "USD", M), Col(ANY, "USD", M),
), (
    Expect(753, "Retail Revenue", (2194, 1968, 226, 9731, 8875, 856)),
    Expect(754, "Wholesale Revenue", (305, 324, -19, 1343, 1358, -15)),
    Expect(756, "Contract Termination", (NIL, NIL, NIL, NIL, 142, -142)),
    Expect(759, "Total Revenues", (2721, 2520, 201, 11903, 11186, 717)),
    Expect(763, "Depreciation and Amortization", (240, 263, -23, 955, 1027, -72)),
    Expect(771, "Income Taxes", (-2, 26, -28, 586, 612, -26)),
    Expect(773, "NET INCOME AS REPORTED (See Note)", (204, 125, 79, 1532, 1474, 58)),
))
KWH = (ANY, ANY, "percent", ANY, ANY, "percent")
SOUTHERN_KWH = TableSpec(SOUTHERN, 827, ANY, "kilowatt-hour sales", (
    Col(Q4_04, None, M), Col(Q4_03, None, M), Col(ANY, None, 1),
    Col(FY_04, None, M), Col(FY_03, None, M), Col(ANY, None, 1),
), (
    Expect(827, "Total Sales", (45217, 47147, -4.1, 192382, 192138, 0.1), kind=KWH),
    Expect(830, "Residential", (10748, 10275, 4.6, 49703, 47833, 3.9), kind=KWH),
    Expect(834, "Total Wholesale Sales", (8161, 11673, -30.1, 35239, 40520, -13.0), kind=KWH),
))
PCT = ("amount", "amount", "percent", "amount", "amount", "percent")
SOUTHERN_OVERVIEW = TableSpec(SOUTHERN, 862, ANY, "financial overview", (
    Col(Q4_04, "USD", M), Col(Q4_03, "USD", M), Col(ANY, None, 1),
    Col(FY_04, "USD", M), Col(FY_03, "USD", M), Col(ANY, None, 1),
), (
    Expect(862, "Operating Revenues", (2721, 2520, 8.0, 11903, 11186, 6.4), kind=PCT),
    Expect(875, "Earnings Before Income Taxes", (106, 122, -13.0, 1038, 998, 4.0), kind=PCT),
    Expect(899, "Earnings Before Income Taxes", (43, 20, 106.2, 185, 240, -23.1), kind=PCT),
))

TABLES = (APPLE_OPS, APPLE_ASSETS, APPLE_LIABILITIES, AMAZON_BS, AMAZON_OPS,
          AMAZON_INTERIM_BS, AMAZON_INTERIM_OPS, SOUTHERN_EARNINGS, SOUTHERN_KWH,
          SOUTHERN_OVERVIEW)
ROW_CASES = [(spec, row) for spec in TABLES for row in spec.rows]


def table_of(spec: TableSpec):
    """The parsed table holding the spec's anchor line."""
    filing = filing_of(spec.file)
    assert filing.error is None, filing.error
    return row_on_line(filing, spec.anchor)[0]


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: f"{s.file[:6]}L{s.anchor}")
def test_table_shape(spec):
    table = table_of(spec)
    assert_columns(table, spec.columns)
    if spec.kind is not ANY:
        assert table.kind == spec.kind
    assert spec.title in table.title.casefold(), table.title


@pytest.mark.parametrize("spec,want", ROW_CASES, ids=lambda x: getattr(x, "file", "")[:6]
                         or f"L{getattr(x, 'line', '')}")
def test_row(spec, want):
    filing = filing_of(spec.file)
    table, row = row_on_line(filing, want.line)
    assert table is table_of(spec), "row parsed into another table"
    assert_row(table, row, want, spec.columns)


# ---------------------------------------------------------------------------------------
# Metadata.


def test_apple_metadata():
    filing = filing_of(APPLE)
    assert filing.error is None
    assert filing.form == "10-Q"
    assert norm(filing.company) == "apple computer inc"
    assert filing.report_month == "1997-03"  # CONFORMED PERIOD OF REPORT: 19970328
    assert [d.type for d in filing.documents] == ["10-Q", "EX-3", "EX-10", "EX-10", "EX-10",
                                                   "EX-27"]


def test_amazon_metadata():
    filing = filing_of(AMAZON)
    assert filing.error is None
    assert filing.form == "8-K"
    assert norm(filing.company) == "amazon com inc"  # AMAZON COM INC / AMAZON.COM, INC.
    assert filing.report_month == "1998-08"  # CONFORMED PERIOD OF REPORT: 19980812
    assert [d.type for d in filing.documents] == ["8-K", "EX-23.1"]


def test_southern_metadata():
    filing = filing_of(SOUTHERN)
    assert filing.error is None
    assert filing.form == "8-K"
    # Seven co-registrants; the filer is Southern Co (accession prefix 0000092122 is its CIK,
    # and the cover and signature name The Southern Company first), not the first FILER block.
    assert norm(filing.company) in {"southern co", "the southern company", "southern company"}
    assert filing.report_month == "2005-01"
    assert filing.date == date(2005, 1, 25)
    assert [d.type for d in filing.documents] == ["8-K"] + [f"EX-99.0{i}" for i in range(1, 7)]


# ---------------------------------------------------------------------------------------
# Subtotals, rows and checks.


def test_apple_subtotal_rows():
    filing = filing_of(APPLE)
    for line in (128, 184, 195, 203):
        _, row = row_on_line(filing, line)
        assert row.kind == "subtotal", (line, row)
    _, inventories_total = row_on_line(filing, 184)
    assert inventories_total.group[-1] == "Inventories"
    _, parts = row_on_line(filing, 181)
    assert parts.group[-1] == "Inventories"


def test_apple_share_count_row():
    """'Common shares used in the calculations of loss per share (in thousands)': a count."""
    filing = filing_of(APPLE)
    table, row = row_on_line(filing, 153)
    want = Expect(153, "Common shares used in the calculations of loss per share (in "
                  "thousands)", (125609, 123659, 125071, 123326), kind="count", currency=None,
                  scale=1000, first_line=149)
    assert_row(table, row, want, APPLE_OPS_COLS)


def test_apple_checks():
    filing = filing_of(APPLE)
    ops = table_of(APPLE_OPS)
    for column, total in enumerate((2317, 3367, 4570, 6634)):
        # 1,298+141+348+375+155 = 2,317; 2,606+150+404+0+207 = 3,367; ...
        assert_foots(ops, filing, 128, column, total, term_lines=(120, 122, 124, 126, 127))
    assets = table_of(APPLE_ASSETS)
    for column, (inventories, current, ppe) in enumerate(((509, 3642, 1295),
                                                          (662, 4515, 1348))):
        assert_foots(assets, filing, 184, column, inventories, term_lines=(181, 182, 183))
        assert_foots(assets, filing, 188, column, current)
        assert_foots(assets, filing, 195, column, ppe, term_lines=(191, 192, 193, 194))
    assert ops.failed_checks == ()


def test_amazon_checks():
    filing = filing_of(AMAZON)
    bs = table_of(AMAZON_BS)
    # 1,576,716+0+386,068+128,525+77,036 = 2,168,345; 2,415,200+977,957+16,187 = 3,409,344
    assert_foots(bs, filing, 336, 0, 2168345, term_lines=(329, 330, 331, 332, 333))
    assert_foots(bs, filing, 336, 1, 3409344, term_lines=(329, 330, 331, 332, 333))
    interim = table_of(AMAZON_INTERIM_OPS)
    assert_foots(interim, filing, 1156, 0, 1398204, term_lines=(1153, 1154))
    assert_foots(interim, filing, 1156, 1, 678376, term_lines=(1153, 1154))
    assert bs.failed_checks == () and interim.failed_checks == ()


def test_southern_checks():
    filing = filing_of(SOUTHERN)
    table = table_of(SOUTHERN_EARNINGS)
    # Total Revenues = the five lines above it, in every column, the Change columns too.
    for column, total in enumerate((2721, 2520, 201, 11903, 11186, 717)):
        assert_foots(table, filing, 759, column, total,
                     term_lines=(753, 754, 755, 756, 757))
    # Total Operating Expenses = 948+984+240+153 = 2,325 etc.
    for column, total in enumerate((2325, 2179, 146, 9076, 8381, 695)):
        assert_foots(table, filing, 766, column, total,
                     term_lines=(761, 762, 763, 764))


STRUCTURE_TAG = re.compile(r"</?(S|C|PAGE|TABLE|CAPTION|FN|TEXT|DOCUMENT)>", re.I)


@pytest.mark.parametrize("name", [APPLE, AMAZON, SOUTHERN])
def test_no_tab_or_tag_leaks(name):
    """Tabs are expanded before reading columns: no label, header or cell keeps a tab, and
    no SGML structure tag (<S>, <C>, <PAGE>, ...) is read as text."""
    for table in filing_of(name).tables:
        assert "\t" not in table.title and not STRUCTURE_TAG.search(table.title), table.title
        for column in table.columns:
            for line in column.label:
                assert "\t" not in line and not STRUCTURE_TAG.search(line), column.label
        for row in table.rows:
            assert "\t" not in row.label, (table.index, row.line, row.label)
            assert not STRUCTURE_TAG.search(row.label), (table.index, row.line, row.label)
            for cell in row.cells:
                if cell is not None:
                    assert "\t" not in cell.raw and cell.raw.strip() not in {"$", ""}, cell
