"""Layout rules of old EDGAR text filings, each shown by a small hand-written filing.

For every rule a made-up filing is laid out the way real filings print the layout (fixed-width
columns, numbers right-aligned, labels left) and the facts the rule implies are asserted. Where a
real filing of tests/fixtures/extra/ shows the same layout, a few of its cells are asserted too;
those expected values were read off the filing text by hand (`sed -n`), line numbers 1-based.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from parser import facts_frame, load_filing, parse_text

EXTRA = Path(__file__).resolve().parent / "fixtures" / "extra"
M = 1_000_000


# ---------------------------------------------------------------------------------------
# Helpers


@cache
def real_filing(name: str):
    """A real filing of fixtures/extra, parsed once per module."""
    return load_filing(EXTRA / name)


@cache
def real_facts(name: str):
    """The facts table of a real filing, built once per module."""
    return facts_frame(real_filing(name))


def synth(text: str, name: str):
    """(filing, facts) of a hand-written filing."""
    filing = parse_text(text, name)
    assert filing.error is None, filing.error
    return filing, facts_frame(filing)


def line_of(text: str, needle: str, occurrence: int = 0) -> int:
    """1-based line of the text on which `needle` is printed (its n-th occurrence)."""
    hits = [number for number, line in enumerate(text.split("\n"), 1) if needle in line]
    assert len(hits) > occurrence, f"{needle!r} not in the text"
    return hits[occurrence]


def on_line(frame, line: int):
    """The facts whose number stands on `line`, left to right."""
    return frame[frame["line"] == line].sort_values(["table", "column"])


def fact(frame, line: int, value: float, column_index: int | None = None):
    """The one fact on `line` with `value` (the n-th such one, left to right, if given)."""
    hits = on_line(frame, line)
    hits = hits[(hits["value"] - value).abs() < 1e-9]
    if column_index is None:
        assert len(hits) == 1, f"want one fact {value} on line {line}, got {hits[['raw', 'column']].values.tolist()}"
        return hits.iloc[0]
    assert len(hits) > column_index, f"fewer than {column_index + 1} facts {value} on line {line}"
    return hits.iloc[column_index]


def check(record, **want) -> None:
    """Assert the given fields of a fact; every mismatch is reported at once."""
    wrong = []
    for key, expected in want.items():
        got = record[key]
        if key == "months":
            got = None if pd.isna(got) else int(got)
        if key == "value":
            ok = got == pytest.approx(expected)
        else:
            ok = got == expected
        if not ok:
            wrong.append(f"{key}: got {got!r}, want {expected!r}")
    assert not wrong, f"line {record['line']} raw {record['raw']!r}: " + "; ".join(wrong)


def values_on(frame, line: int) -> list[float]:
    """The values printed on a line, left to right."""
    return [float(v) for v in on_line(frame, line)["value"]]


# ---------------------------------------------------------------------------------------
# 1. Years over their columns, one rule drawn under all of them.

RULE1 = """\
                                  FORM 10-K
                ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d)
                For the fiscal year ended December 31, 1993

                       CONSOLIDATED HARBOR WORKS INC.

<PAGE>

ITEM 8.  FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA

|STATEMENT OF EARNINGS
<TABLE>
<CAPTION>
For the years ended December 31 (In millions)              1993         1992          1991
- --------------------------------------------       -----------------------------------
<S>                                                 <C>          <C>           <C>
REVENUES
   Sales of goods                                       $4,210       $3,985        $3,702
   Sales of services                                       812          790           744
                                                        ------       ------        ------
      Total revenues                                     5,022        4,775         4,446
</TABLE>
"""


def test_rule01_years_over_one_spanning_rule_synthetic():
    """Each of the three columns gets its own year, not the last year for all."""
    _, frame = synth(RULE1, "rule01.txt")
    line = line_of(RULE1, "Sales of goods")
    assert values_on(frame, line) == [4210, 3985, 3702]
    for value, year in [(4210, 1993), (3985, 1992), (3702, 1991)]:
        check(fact(frame, line, value), period_end=f"{year}-12-31", months=12, currency="USD",
              scale=M, kind="amount", line_item="Sales of goods")


def test_rule01_years_over_one_spanning_rule_ge():
    """GE 1993, statement of earnings: Sales of goods $29,509 / $29,575 / $29,434."""
    frame = real_facts("01_ge-10k-1993.txt")
    for value, year in [(29509, 1993), (29575, 1992), (29434, 1991)]:
        check(fact(frame, 1771, value), period_end=f"{year}-12-31", months=12, currency="USD", scale=M)


# ---------------------------------------------------------------------------------------
# 2. Scale and currency in a caption above the table; per-share and share-count rows.
# Net income = revenues - expenses: 412-301 = 111, 498-352 = 146, 605-410 = 195.

RULE2 = """\
                                  FORM 10-K
                  For the fiscal year ended June 30, 1995

                      NORTHSTAR SOFTWARE CORPORATION

<PAGE>

ITEM 8.  FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA

                              INCOME STATEMENTS
                    (In millions, except per share data)

<TABLE>
<CAPTION>
                                                                 Year Ended June 30
                                                             --------------------------
                                                              1993      1994      1995
                                                             ------    ------    ------
<S>                                                          <C>       <C>       <C>
Net revenues...............................................  $  412    $  498    $  605
Operating expenses.........................................     301       352       410
                                                             ------    ------    ------
Net income.................................................  $  111    $  146    $  195
                                                             ======    ======    ======
Earnings per share.........................................  $  .52    $  .67    $  .88
                                                             ======    ======    ======
Weighted average shares outstanding........................     213       218       222
                                                             ======    ======    ======
</TABLE>
"""

RULE2_VARIANT = """\
                                  FORM 10-K
                  For the fiscal year ended June 30, 1999

                          SEABRIGHT APPAREL, INC.

<PAGE>

ITEM 8.  FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA

                     CONSOLIDATED STATEMENTS OF INCOME
                   YEARS ENDED JUNE 30, 1999 AND 1998
                 (In Thousands, Except Number of Shares)

<TABLE>
<CAPTION>
                                                     1999             1998
                                                 ----------       ----------
<S>                                              <C>              <C>
NET SALES                                        $   48,215       $   44,907
NET INCOME                                       $    1,962       $    1,388
WEIGHTED AVERAGE NUMBER OF
   SHARES OUTSTANDING                            12,406,500       12,118,000
</TABLE>
"""


def test_rule02_caption_scale_and_exceptions_synthetic():
    """Amounts USD x1e6, earnings per share USD x1, shares a count in millions."""
    _, frame = synth(RULE2, "rule02.txt")
    revenue = line_of(RULE2, "Net revenues")
    eps = line_of(RULE2, "Earnings per share")
    shares = line_of(RULE2, "Weighted average shares")
    check(fact(frame, revenue, 605), currency="USD", scale=M, kind="amount",
          period_end="1995-06-30", months=12, line_item="Net revenues")
    check(fact(frame, revenue, 412), currency="USD", scale=M, period_end="1993-06-30")
    check(fact(frame, eps, 0.88), currency="USD", scale=1, kind="per_share", period_end="1995-06-30")
    check(fact(frame, shares, 222), currency="", scale=M, kind="count", period_end="1995-06-30",
          line_item="Weighted average shares outstanding")


def test_rule02_except_number_of_shares_synthetic():
    """"(In Thousands, Except Number of Shares)": amounts x1000, share counts x1."""
    _, frame = synth(RULE2_VARIANT, "rule02b.txt")
    sales = line_of(RULE2_VARIANT, "NET SALES")
    shares = line_of(RULE2_VARIANT, "SHARES OUTSTANDING")
    check(fact(frame, sales, 48215), currency="USD", scale=1000, kind="amount", period_end="1999-06-30")
    check(fact(frame, shares, 12406500), currency="", scale=1, kind="count", period_end="1999-06-30")
    check(fact(frame, shares, 12118000), currency="", scale=1, kind="count", period_end="1998-06-30")


def test_rule02_caption_scale_and_exceptions_microsoft():
    """Microsoft 1995 income statement, "(IN MILLIONS, EXCEPT EARNINGS PER SHARE)"."""
    frame = real_facts("10_microsoft-10k-1995.txt")
    check(fact(frame, 1541, 1453), currency="USD", scale=M, kind="amount", period_end="1995-06-30", months=12)
    check(fact(frame, 1543, 2.32), currency="USD", scale=1, kind="per_share", period_end="1995-06-30")
    check(fact(frame, 1545, 627), currency="", scale=M, kind="count", period_end="1995-06-30")
    check(fact(frame, 1545, 606), currency="", scale=M, kind="count", period_end="1993-06-30")


# ---------------------------------------------------------------------------------------
# 3. Balance rows inside a flow statement. 111-75 = 36, 146-93 = 53, 195-120 = 75;
# 140+36 = 176, 176+53 = 229, 229+75 = 304.

RULE3 = """\
                                  FORM 10-K
                  For the fiscal year ended June 30, 1995

                      NORTHSTAR SOFTWARE CORPORATION

<PAGE>

ITEM 8.  FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA

                            CASH FLOWS STATEMENTS
                                (In millions)

<TABLE>
<CAPTION>
                                                          Year Ended June 30
                                                     --------------------------
                                                      1993      1994      1995
                                                     ------    ------    ------
<S>                                                  <C>       <C>       <C>
Net income.........................................  $  111    $  146    $  195
Net cash used for investments......................     (75)      (93)     (120)
                                                     ------    ------    ------
Net change in cash and equivalents.................      36        53        75
Cash and equivalents, beginning of year............     140       176       229
                                                     ------    ------    ------
Cash and equivalents, end of year..................  $  176    $  229    $  304
                                                     ======    ======    ======
</TABLE>
"""


def test_rule03_balance_rows_in_flow_statement_synthetic():
    """End of year: point in time at the column's end; beginning: at the year before's end."""
    _, frame = synth(RULE3, "rule03.txt")
    income = line_of(RULE3, "Net income")
    begin = line_of(RULE3, "beginning of year")
    end = line_of(RULE3, "end of year")
    check(fact(frame, income, 195), period_end="1995-06-30", months=12)
    for value, year in [(176, 1993), (229, 1994), (304, 1995)]:
        check(fact(frame, end, value), period_end=f"{year}-06-30", months=0, currency="USD", scale=M,
              line_item="Cash and equivalents, end of year")
    for value, year in [(140, 1992), (176, 1993), (229, 1994)]:
        check(fact(frame, begin, value), period_end=f"{year}-06-30", months=0, currency="USD", scale=M,
              line_item="Cash and equivalents, beginning of year")


def test_rule03_balance_rows_in_flow_statement_microsoft():
    """Microsoft 1995 cash flows: end of year 1,013 / 1,477 / 1,962; beginning 791 / 1,013 / 1,477."""
    frame = real_facts("10_microsoft-10k-1995.txt")
    for value, year in [(1013, 1993), (1477, 1994), (1962, 1995)]:
        check(fact(frame, 1592, value), period_end=f"{year}-06-30", months=0, scale=M)
    for value, year in [(791, 1992), (1013, 1993), (1477, 1994)]:
        check(fact(frame, 1590, value), period_end=f"{year}-06-30", months=0, scale=M)


# ---------------------------------------------------------------------------------------
# 4. A date header with no "ended" is a point in time, even in an annual report.
# 2,140+1,302+968 = 4,410; 1,985+1,417+850 = 4,252.

RULE4 = """\
                                  FORM 10-K
                  For the fiscal year ended June 30, 1995

                      BRIDGEPORT CIRCUITS CORPORATION

<PAGE>

ITEM 8.  FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA

 6. Inventories:
    Inventories consist of the following:

<TABLE>
<CAPTION>
                                                     June 30,
                                          1995                 1994
                                          ----                 ----
<S>                                   <C>                <C>
    Raw materials                     $ 2,140,000        $ 1,985,000
    Work-in-process                     1,302,000          1,417,000
    Finished goods                        968,000            850,000
                                      -----------        -----------
                                      $ 4,410,000        $ 4,252,000
                                      ===========        ===========
</TABLE>
"""


def test_rule04_date_header_without_ended_is_instant_synthetic():
    """"June 30," over 1995 1994 in an inventory note: points in time at each June 30."""
    _, frame = synth(RULE4, "rule04.txt")
    raw = line_of(RULE4, "Raw materials")
    goods = line_of(RULE4, "Finished goods")
    check(fact(frame, raw, 2140000), period_end="1995-06-30", months=0, currency="USD", scale=1,
          line_item="Raw materials")
    check(fact(frame, raw, 1985000), period_end="1994-06-30", months=0)
    check(fact(frame, goods, 850000), period_end="1994-06-30", months=0)


def test_rule04_date_header_without_ended_is_instant_aeroflex():
    """Aeroflex 1995 inventories note: Raw materials $5,509,000 / $5,706,000."""
    frame = real_facts("06_aeroflex-10k-1995.txt")
    check(fact(frame, 1741, 5509000), period_end="1995-06-30", months=0, currency="USD", scale=1)
    check(fact(frame, 1741, 5706000), period_end="1994-06-30", months=0)


# ---------------------------------------------------------------------------------------
# 5. 52/53-week years: year ends printed in the balance sheet and the equity statement.
# 412,306+61,480 = 473,786; 388,140+55,215 = 443,355; 351,922+49,630 = 401,552.
# Equity: 12,000+96,400 = 108,400; +21,300 = 129,700.

RULE5 = """\
                                  FORM 10-K
                For the fiscal year ended December 31, 2000
                        LAKESIDE INSTRUMENTS, INC.

<PAGE>

ITEM 8.  FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA

                       CONSOLIDATED INCOME STATEMENTS
                    FOR THREE YEARS ENDED DECEMBER 31, 2000
<TABLE>
<CAPTION>
(DOLLARS IN THOUSANDS)                            2000        1999        1998
----------------------                        --------    --------    --------
<S>                                           <C>         <C>         <C>
Sales:
  Products..................................  $412,306    $388,140    $351,922
  Services..................................    61,480      55,215      49,630
                                              --------    --------    --------
Total Sales.................................   473,786     443,355     401,552
</TABLE>

                        CONSOLIDATED BALANCE SHEETS
                 AS OF DECEMBER 31, 2000 AND JANUARY 2, 2000
<TABLE>
<CAPTION>
(DOLLARS IN THOUSANDS)                                        2000        1999
----------------------                                    --------    --------
<S>                                                       <C>         <C>
Cash and cash equivalents...............................  $ 41,220    $ 37,915
</TABLE>

              CONSOLIDATED STATEMENTS OF STOCKHOLDERS' EQUITY
                 FOR THE THREE YEARS ENDED DECEMBER 31, 2000
<TABLE>
<CAPTION>
(DOLLARS IN THOUSANDS)                 COMMON     RETAINED       TOTAL
                                        STOCK     EARNINGS      EQUITY
----------------------                -------    ---------    --------
<S>                                   <C>        <C>          <C>
BALANCE, JANUARY 3, 1999.........     $12,000    $ 96,400     $108,400
Net income.......................          --      21,300       21,300
BALANCE, JANUARY 2, 2000.........      12,000     117,700      129,700
</TABLE>

                         SELECTED FINANCIAL DATA
                          (DOLLARS IN THOUSANDS)
<TABLE>
<CAPTION>
                                    2000        1999        1998        1997
                                --------    --------    --------    --------
<S>                             <C>         <C>         <C>         <C>
Total sales...................  $473,786    $443,355    $401,552    $377,018
</TABLE>
"""


def test_rule05_52_53_week_years_synthetic():
    """1999 ends 2000-01-02, 1998 ends 1999-01-03; 1997, whose end is printed nowhere, has none."""
    _, frame = synth(RULE5, "rule05.txt")
    products = line_of(RULE5, "Products")
    check(fact(frame, products, 412306), period_end="2000-12-31", months=12, currency="USD", scale=1000)
    check(fact(frame, products, 388140), period_end="2000-01-02", months=12)
    check(fact(frame, products, 351922), period_end="1999-01-03", months=12)
    cash = line_of(RULE5, "Cash and cash equivalents")
    check(fact(frame, cash, 41220), period_end="2000-12-31", months=0)
    check(fact(frame, cash, 37915), period_end="2000-01-02", months=0)
    selected = line_of(RULE5, "Total sales")
    check(fact(frame, selected, 443355), period_end="2000-01-02", months=12)
    lost = fact(frame, selected, 377018)
    check(lost, period_end="", months=None)
    assert lost["doubt"].startswith("period not read"), lost["doubt"]


def test_rule05_52_53_week_years_perkinelmer():
    """PerkinElmer 2000: Products $1,484,275 / $1,206,038 / $784,520."""
    frame = real_facts("08_perkinelmer-10k405-2000.txt")
    check(fact(frame, 2210, 1484275), period_end="2000-12-31", months=12, currency="USD", scale=1000)
    check(fact(frame, 2210, 1206038), period_end="2000-01-02", months=12)
    check(fact(frame, 2210, 784520), period_end="1999-01-03", months=12)


# ---------------------------------------------------------------------------------------
# 6. Quarterly table with the year printed alone above each block of rows.
# 2,104+2,388+2,251+2,517 = 9,260; 2,630+2,911+2,804+3,022 = 11,367.

RULE6 = """\
                                  FORM 10-K
                  For the fiscal year ended June 30, 1995

                      NORTHSTAR SOFTWARE CORPORATION

<PAGE>

ITEM 5.  MARKET FOR REGISTRANT'S COMMON EQUITY AND RELATED STOCKHOLDER MATTERS

     The Company's common stock is traded on the Nasdaq National Market.

                QUARTERLY FINANCIAL AND STOCK PRICE INFORMATION
                     (IN THOUSANDS, EXCEPT PER SHARE DATA)

<TABLE>
<CAPTION>
                                                            QUARTER ENDED
                                      ---------------------------------------------------------
                                      SEPTEMBER 30      DECEMBER 31      MARCH 31      JUNE 30       YEAR
                                      -------------     ------------     ---------     --------     ------
<S>                                      <C>               <C>            <C>           <C>         <C>
1994
Net revenues........................     $ 2,104           $2,388         $ 2,251       $2,517      $9,260
Common stock price per share:
  High..............................      24 1/2           26 1/4          27 3/8       29          29
1995
Net revenues........................     $ 2,630           $2,911         $ 2,804       $3,022     $11,367
Common stock price per share:
  High..............................      30 1/4           33 1/8          35 3/8       38 1/2      38 1/2
</TABLE>
"""


def test_rule06_quarter_columns_with_year_rows_synthetic():
    """In the 1995 block, September 30 is 1994-09-30, June 30 1995-06-30, YEAR 12 months."""
    _, frame = synth(RULE6, "rule06.txt")
    revenue95 = line_of(RULE6, "Net revenues", 1)
    check(fact(frame, revenue95, 2630), period_end="1994-09-30", months=3, currency="USD", scale=1000)
    check(fact(frame, revenue95, 2911), period_end="1994-12-31", months=3)
    check(fact(frame, revenue95, 2804), period_end="1995-03-31", months=3)
    check(fact(frame, revenue95, 3022), period_end="1995-06-30", months=3)
    check(fact(frame, revenue95, 11367), period_end="1995-06-30", months=12)
    revenue94 = line_of(RULE6, "Net revenues", 0)
    check(fact(frame, revenue94, 2104), period_end="1993-09-30", months=3)
    check(fact(frame, revenue94, 9260), period_end="1994-06-30", months=12)
    high95 = line_of(RULE6, "High", 1)
    check(fact(frame, high95, 30.25), period_end="1994-09-30", months=3, kind="per_share", currency="USD", scale=1)
    check(fact(frame, high95, 38.5, 0), period_end="1995-06-30", months=3, kind="per_share")
    check(fact(frame, high95, 38.5, 1), period_end="1995-06-30", months=12, kind="per_share")


def test_rule06_quarter_columns_with_year_rows_microsoft():
    """Microsoft 1995, 1995 block High: 59 1/4, 65 1/8, 74 1/8, 92 3/8, 92 3/8 (year)."""
    frame = real_facts("10_microsoft-10k-1995.txt")
    check(fact(frame, 1134, 59.25), period_end="1994-09-30", months=3, kind="per_share", currency="USD", scale=1)
    check(fact(frame, 1134, 74.125), period_end="1995-03-31", months=3, kind="per_share")
    check(fact(frame, 1134, 92.375, 0), period_end="1995-06-30", months=3, kind="per_share")
    check(fact(frame, 1134, 92.375, 1), period_end="1995-06-30", months=12, kind="per_share")


# ---------------------------------------------------------------------------------------
# 7. Ordinal quarter columns under a fiscal-year row heading.

RULE7 = """\
                                  FORM 10-K
                  For the fiscal year ended June 30, 1999

                          SEABRIGHT APPAREL, INC.

<PAGE>

ITEM 8.  FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA

17.  UNAUDITED SELECTED QUARTERLY FINANCIAL DATA

                                                         Quarter
                                           First    Second     Third     Fourth
                                             (In Thousands, Except Per Share)

    Fiscal Year Ended June 30, 1999

      Net sales                           $12,406   $16,873   $ 9,512   $ 8,730
      Gross profit                          3,702     4,918     2,840     2,455
      Net income (loss)                       611     1,204        95      (488)
      Basic net income (loss) per
        share                                 .05       .10       .01      (.04)
"""


def test_rule07_ordinal_quarters_synthetic():
    """First quarter of the year ended June 30, 1999 ends 1998-09-30; Fourth 1999-06-30."""
    _, frame = synth(RULE7, "rule07.txt")
    sales = line_of(RULE7, "Net sales")
    check(fact(frame, sales, 12406), period_end="1998-09-30", months=3, currency="USD", scale=1000,
          line_item="Net sales")
    check(fact(frame, sales, 16873), period_end="1998-12-31", months=3)
    check(fact(frame, sales, 9512), period_end="1999-03-31", months=3)
    check(fact(frame, sales, 8730), period_end="1999-06-30", months=3)
    eps = line_of(RULE7, "  share  ")
    check(fact(frame, eps, 0.05), period_end="1998-09-30", months=3, kind="per_share", scale=1)
    check(fact(frame, eps, -0.04), period_end="1999-06-30", months=3, kind="per_share", scale=1)


def test_rule07_ordinal_quarters_moviestar():
    """Movie Star 1999: Net income (loss) 1,183 / 2,330 / 202 / (1,042)."""
    frame = real_facts("07_moviestar-10k-1999.txt")
    check(fact(frame, 2462, 1183), period_end="1998-09-30", months=3, currency="USD", scale=1000)
    check(fact(frame, 2462, 2330), period_end="1998-12-31", months=3)
    check(fact(frame, 2462, -1042), period_end="1999-06-30", months=3)


# ---------------------------------------------------------------------------------------
# 8. Dot leaders with a "$" right after them.

RULE8 = """\
                                  FORM 10-K
                  For the fiscal year ended June 30, 1995

                      BRIDGEPORT CIRCUITS CORPORATION

<PAGE>

ITEM 6.  SELECTED FINANCIAL DATA

                          SELECTED FINANCIAL DATA
              (In thousands except ratios and per share data)

<TABLE>
<CAPTION>
                                          Year ended June 30,

                                          1995          1994
                                          ----          ----
<S>                                   <C>           <C>
  Net sales.......................... $12,345       $11,000
  Net income.........................   1,210         1,045
</TABLE>
"""


def test_rule08_dot_leaders_then_dollar_synthetic():
    """Label "Net sales" (no dots, no "$"); values 12,345 and 11,000 USD."""
    _, frame = synth(RULE8, "rule08.txt")
    line = line_of(RULE8, "Net sales")
    assert values_on(frame, line) == [12345, 11000]
    check(fact(frame, line, 12345), line_item="Net sales", currency="USD", scale=1000, kind="amount",
          period_end="1995-06-30", months=12)
    check(fact(frame, line, 11000), line_item="Net sales", currency="USD", period_end="1994-06-30")


def test_rule08_dot_leaders_then_dollar_aeroflex():
    """Aeroflex 1995 selected data: Net Sales...... $ 71,113   $ 65,602 ..."""
    frame = real_facts("06_aeroflex-10k-1995.txt")
    assert values_on(frame, 775) == [71113, 65602, 52031, 48109, 48778]
    check(fact(frame, 775, 71113), line_item="Net Sales", currency="USD", scale=1000, period_end="1995-06-30")
    check(fact(frame, 775, 65602), line_item="Net Sales", currency="USD", period_end="1994-06-30")


# ---------------------------------------------------------------------------------------
# 9. Footnote marks glued to the numbers.

RULE9 = """\
                                  FORM 10-K
                  For the fiscal year ended June 30, 1995

                      BRIDGEPORT CIRCUITS CORPORATION

<PAGE>

ITEM 6.  SELECTED FINANCIAL DATA

                          SELECTED FINANCIAL DATA
              (In thousands except ratios and per share data)

<TABLE>
<CAPTION>
                                                  Year ended June 30,

                                    1995       1994       1993       1992       1991
                                    ----       ----       ----       ----       ----
<S>                                <C>       <C>        <C>        <C>        <C>

  Net Sales...................... $ 41,220   $ 38,415   $ 30,977   $ 29,804   $ 31,562
  Income (Loss) from
    Continuing Operations........    4,318(1)(2)3,907(3)   1,402        315    (5,124)
  Income (Loss) from Continuing
    Operations Per Common Share
      Primary.................... $  .47(1)(2)$ .42(3)  $  .16     $  .04     $  .(63)
</TABLE>
"""


def test_rule09_footnote_marks_glued_to_numbers_synthetic():
    """"4,318(1)(2)3,907(3)" is 4,318 and 3,907; ".47(1)(2)$ .42(3)" .47 and .42; "$ .(63)" -0.63."""
    _, frame = synth(RULE9, "rule09.txt")
    income = line_of(RULE9, "Continuing Operations....")
    eps = line_of(RULE9, "Primary")
    assert values_on(frame, income) == [4318, 3907, 1402, 315, -5124]
    assert values_on(frame, eps) == pytest.approx([0.47, 0.42, 0.16, 0.04, -0.63])
    check(fact(frame, income, 3907), period_end="1994-06-30", kind="amount", scale=1000)
    check(fact(frame, eps, -0.63), period_end="1991-06-30", kind="per_share", scale=1)


def test_rule09_footnote_marks_glued_to_numbers_aeroflex():
    """Aeroflex 1995 lines 777 and 786."""
    frame = real_facts("06_aeroflex-10k-1995.txt")
    assert values_on(frame, 777) == [6587, 5850, 1736, 227, -6758]
    assert values_on(frame, 786) == pytest.approx([0.53, 0.55, 0.20, 0.03, -0.81])
    check(fact(frame, 777, 5850), period_end="1994-06-30", scale=1000)
    check(fact(frame, 786, -0.81), period_end="1991-06-30", kind="per_share", scale=1)


# ---------------------------------------------------------------------------------------
# 10. A label wrapped with a hanging indent in an untagged ALL-CAPS statement.

RULE10 = """\
                                  FORM 10-K
                  For the fiscal year ended June 30, 1999

                          SEABRIGHT APPAREL, INC.

<PAGE>

ITEM 8.  FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA

                     CONSOLIDATED STATEMENTS OF INCOME
                  YEARS ENDED JUNE 30, 1999, 1998 AND 1997
                 (In Thousands, Except Per Share Amounts)
_____________________________________________________________________________


                                            1999          1998           1997

NET SALES                                 $48,215       $44,907        $41,336

    INCOME FROM OPERATIONS                  3,612         2,874          2,105

GAIN ON PURCHASES OF SUBORDINATED
   DEBENTURES AND SENIOR NOTES                  -          (212)          (388)

INTEREST EXPENSE                            1,846         1,903          2,010
                                          -------       -------       --------

    NET INCOME                            $ 1,766       $ 1,183          $ 483
                                          =======       =======          =====
"""

GAIN_LABEL = "GAIN ON PURCHASES OF SUBORDINATED DEBENTURES AND SENIOR NOTES"


def test_rule10_hanging_indent_label_synthetic():
    """One row labelled with both lines; the next row keeps its own label."""
    _, frame = synth(RULE10, "rule10.txt")
    gain = line_of(RULE10, "DEBENTURES AND SENIOR NOTES")
    facts = on_line(frame, gain)
    assert list(facts["value"]) == [0, -212, -388]
    assert set(facts["line_item"]) == {GAIN_LABEL}
    check(facts.iloc[0], kind="nil")
    check(fact(frame, gain, -212), period_end="1998-06-30", months=12, currency="USD", scale=1000)
    interest = line_of(RULE10, "INTEREST EXPENSE")
    assert set(on_line(frame, interest)["line_item"]) == {"INTEREST EXPENSE"}
    assert not frame["line_item"].isin(["GAIN ON PURCHASES OF SUBORDINATED",
                                        "DEBENTURES AND SENIOR NOTES"]).any()


def test_rule10_hanging_indent_label_moviestar():
    """Movie Star 1999 line 1494: "-", (157), (560) under the two-line label."""
    frame = real_facts("07_moviestar-10k-1999.txt")
    facts = on_line(frame, 1494)
    assert list(facts["value"]) == [0, -157, -560]
    assert set(facts["line_item"]) == {GAIN_LABEL}
    check(fact(frame, 1494, -560), period_end="1997-06-30", months=12)


# ---------------------------------------------------------------------------------------
# 11. An untagged balance sheet split by section headings and blank lines is one table.
# 2,118+5,402+11,230 = 18,750 (+512 = 19,262); 940+4,877+12,615 = 18,432 (+604 = 19,036);
# 3,904+1,722 = 5,626; 4,611+1,560 = 6,171; 124+5,112 = 5,236; 121+3,844 = 3,965;
# 5,626+8,400+5,236 = 19,262; 6,171+8,900+3,965 = 19,036.

RULE11 = """\
                          SEABRIGHT APPAREL, INC.

CONSOLIDATED BALANCE SHEETS
JUNE 30, 1999 AND 1998
(In Thousands, Except Number of Shares)
_______________________________________________________________________________

ASSETS                                                       1999     1998

CURRENT ASSETS:
  Cash                                                     $ 2,118   $   940
  Receivables                                                5,402     4,877
  Inventory                                                 11,230    12,615
                                                          --------    ------
            Total current assets                            18,750    18,432

OTHER ASSETS                                                   512       604
                                                          --------    ------

TOTAL ASSETS                                              $ 19,262  $ 19,036
                                                          ========  ========

LIABILITIES AND STOCKHOLDERS' EQUITY

CURRENT LIABILITIES:
   Accounts payable                                         3,904     4,611
   Accrued expenses                                         1,722     1,560
                                                          -------    ------
            Total current liabilities                       5,626     6,171
                                                          -------    ------
LONG-TERM DEBT                                              8,400     8,900

STOCKHOLDERS' EQUITY
   Common stock                                               124       121
   Retained earnings                                        5,112     3,844
                                                          -------    ------
           Total stockholders' equity                       5,236     3,965

TOTAL LIABILITIES AND STOCKHOLDERS' EQUITY                $19,262   $19,036
                                                          =======   =======
"""

RULE11_ROWS = ("  Cash  ", "Receivables", "Inventory", "Total current assets", "OTHER ASSETS",
               "TOTAL ASSETS", "Accounts payable", "Accrued expenses", "Total current liabilities",
               "LONG-TERM DEBT", "Common stock", "Retained earnings", "Total stockholders' equity",
               "TOTAL LIABILITIES AND STOCKHOLDERS' EQUITY")


def _table_holding(filing, line: int):
    hits = [table for table in filing.tables if any(row.line == line and any(row.cells) for row in table.rows)]
    assert len(hits) == 1, f"want one table with numbers on line {line}, got {[t.title for t in hits]}"
    return hits[0]


def _value_lines(table) -> set[int]:
    return {row.line for row in table.value_rows}


def test_rule11_untagged_balance_sheet_is_one_table_synthetic():
    """Title, kind balance, and every row from Cash to the grand total in one table."""
    filing, frame = synth(RULE11, "rule11.txt")
    lines = [line_of(RULE11, needle) for needle in RULE11_ROWS]
    table = _table_holding(filing, lines[0])
    assert table.title == "CONSOLIDATED BALANCE SHEETS"
    assert table.kind == "balance"
    assert set(lines) <= _value_lines(table), sorted(set(lines) - _value_lines(table))
    check(fact(frame, lines[0], 2118), period_end="1999-06-30", months=0, currency="USD", scale=1000)
    check(fact(frame, lines[-1], 19036), period_end="1998-06-30", months=0,
          line_item="TOTAL LIABILITIES AND STOCKHOLDERS' EQUITY")


def test_rule11_untagged_balance_sheet_is_one_table_moviestar():
    """Movie Star 1999 balance sheet, numbers from line 1411 (Cash) to 1459 (grand total)."""
    filing = real_filing("07_moviestar-10k-1999.txt")
    table = _table_holding(filing, 1411)
    assert table.title.casefold() == "consolidated balance sheets"
    assert table.kind == "balance"
    assert table.first_line <= 1411 and table.last_line >= 1459
    want = {1411, 1412, 1413, 1414, 1415, 1417, 1419, 1421, 1423, 1426, 1432, 1434, 1435, 1437,
            1439, 1441, 1443, 1448, 1449, 1450, 1453, 1455, 1457, 1459}
    assert want <= _value_lines(table), sorted(want - _value_lines(table))


# ---------------------------------------------------------------------------------------
# 12. A statement continued on a second page under "(Continued)".
# 4,211+6,530+5,118 = 15,859; 3,874+6,102+4,987 = 14,963;
# 2,306+1,744+11,809 = 15,859; 2,118+1,902+10,943 = 14,963.

RULE12 = """\
                          HARBORVIEW SYSTEMS, INC.
                        CONSOLIDATED BALANCE SHEETS
                               (In thousands)
<TABLE>
<CAPTION>
                                        March 31,     December 31,
                                          1998            1997
                                       (Unaudited)
<S>                                    <C>            <C>
Cash and cash equivalents               $ 4,211        $ 3,874
Accounts receivable, net                  6,530          6,102
Inventories                               5,118          4,987
                                        -------        -------
  Total assets                          $15,859        $14,963
                                        =======        =======
</TABLE>
<PAGE>   2
                          HARBORVIEW SYSTEMS, INC.
                  CONSOLIDATED BALANCE SHEETS (Continued)
                               (In thousands)
<TABLE>
<CAPTION>
                                        March 31,     December 31,
                                          1998            1997
                                       (Unaudited)
<S>                                    <C>            <C>
Accounts payable                        $ 2,306        $ 2,118
Accrued expenses                          1,744          1,902
Stockholders' equity                     11,809         10,943
                                        -------        -------
  Total liabilities and equity          $15,859        $14,963
                                        =======        =======
</TABLE>
"""


def test_rule12_continued_statement_is_one_table_synthetic():
    """Assets and the "(Continued)" liabilities page: one balance sheet with two columns."""
    filing, frame = synth(RULE12, "rule12.txt")
    first = line_of(RULE12, "Cash and cash equivalents")
    last = line_of(RULE12, "Total liabilities and equity")
    table = _table_holding(filing, first)
    assert table is _table_holding(filing, last)
    assert table.kind == "balance"
    assert len(table.columns) == 2
    assert len(filing.tables) == 1, [t.title for t in filing.tables]
    check(fact(frame, last, 14963), period_end="1997-12-31", months=0, currency="USD", scale=1000)


def test_rule12_continued_statement_is_one_table_apple():
    """Apple 10-Q March 1997: Cash $1,273 (line 173) and the last total $4,487 (line 255)."""
    frame = real_facts("02_apple-10q-1997q2.txt")
    cash = fact(frame, 173, 1273)
    total = fact(frame, 255, 4487)
    assert cash["table"] == total["table"], (cash["table_title"], total["table_title"])
    assert cash["statement"] == "balance"
    check(total, period_end="1997-03-28", months=0, scale=M)


# ---------------------------------------------------------------------------------------
# 13. A statement printed in two widths: the second <TABLE> repeats the labels.
# 566,495+15,335-742,411 = -160,581; 15,335+225,000 = 240,335;
# -742,411-4,200,103 = -4,942,514; 566,495+240,335-4,942,514 = -4,135,684.

RULE13 = """\
                             JUNIPER LABS CORP.
                     STATEMENTS OF STOCKHOLDERS' EQUITY
                        YEAR ENDED DECEMBER 31, 1997
<TABLE>
<CAPTION>
                                                  PREFERRED STOCK           COMMON STOCK
                                              ------------------------      ------------
                                                 SHARES       AMOUNT           SHARES
                                              -----------  -----------      ------------
<S>                                           <C>          <C>              <C>
BALANCES, December 31, 1996                     1,150,000      566,495         6,825,000
Issuance of common stock for cash                      --           --           750,000
Net loss                                               --           --                --
                                              -----------  -----------      ------------
BALANCES, December 31, 1997                     1,150,000  $   566,495         7,575,000
                                              ===========  ===========      ============
</TABLE>

<TABLE>
<CAPTION>
                                                COMMON STOCK   ACCUMULATED
                                                   AMOUNT        DEFICIT          TOTAL
                                                ------------  -----------   -----------
<S>                                             <C>           <C>           <C>
BALANCES, December 31, 1996                     $    15,335   $  (742,411)  $  (160,581)
Issuance of common stock for cash                   225,000            --       225,000
Net loss                                                 --   (4,200,103)   (4,200,103)
                                                ------------  -----------   -----------
BALANCES, December 31, 1997                     $   240,335   $(4,942,514)  $(4,135,684)
                                                ============  ===========   ===========
</TABLE>
"""


def test_rule13_two_widths_one_table_synthetic():
    """Both <TABLE>s form one equity statement of six columns; a row holds cells from both."""
    filing, frame = synth(RULE13, "rule13.txt")
    left = line_of(RULE13, "BALANCES, December 31, 1997", 0)
    right = line_of(RULE13, "BALANCES, December 31, 1997", 1)
    table = _table_holding(filing, left)
    assert len(filing.tables) == 1, [t.title for t in filing.tables]
    assert table.kind == "equity"
    assert len(table.columns) == 6
    assert fact(frame, left, 7575000)["table"] == fact(frame, right, -4135684)["table"]
    row = next(row for row in table.rows if row.line == left and any(row.cells))
    assert [cell.value if cell else None for cell in row.cells] == [
        1150000, 566495, 7575000, 240335, -4942514, -4135684]


def test_rule13_two_widths_one_table_amazon():
    """Junglee's equity statement (Amazon 8-K): lines 460 to 544, nine columns."""
    filing = real_filing("03_amazon-8k-1998-junglee.txt")
    frame = real_facts("03_amazon-8k-1998-junglee.txt")
    first = fact(frame, 460, 6435000)
    last = fact(frame, 544, 1810463)
    assert first["table"] == last["table"] == fact(frame, 495, 5915572)["table"]
    table = filing.tables[int(first["table"])]
    assert table.kind == "equity"
    assert len(table.columns) == 9


# ---------------------------------------------------------------------------------------
# 14. Canadian dollars: "$" under each year and "[expressed in Canadian dollars]".
# 8,412+206 = 8,618; 9,105+187 = 9,292.

RULE14 = """\
                                  FORM 10-K
                For the fiscal year ended December 31, 1994

                               ACME RAIL INC.

<PAGE>

EXHIBIT 99

                    MAPLE LEAF EMPLOYEE SAVINGS PLAN
          STATEMENTS OF OPERATIONS AND CHANGES IN FUND EQUITY

Years ended December 31

<TABLE>
<CAPTION>
                                                          1994                 1993
                                                            $                    $
-----------------------------------------------------------------------------------
                                                    [expressed in Canadian dollars]

<S>                                                    <C>                  <C>
INVESTMENT INCOME
Dividends on common stock                                 8,412                9,105
Interest                                                    206                  187
-----------------------------------------------------------------------------------
                                                          8,618                9,292
-----------------------------------------------------------------------------------
CONTRIBUTIONS
Participants                                            215,730              208,144
</TABLE>
"""


def test_rule14_canadian_dollars_synthetic():
    """Every amount is CAD (whole dollars), for the years ended December 31."""
    _, frame = synth(RULE14, "rule14.txt")
    dividends = line_of(RULE14, "Dividends on common stock")
    participants = line_of(RULE14, "Participants")
    check(fact(frame, dividends, 8412), currency="CAD", scale=1, kind="amount",
          period_end="1994-12-31", months=12)
    check(fact(frame, dividends, 9105), currency="CAD", period_end="1993-12-31")
    check(fact(frame, participants, 208144), currency="CAD")
    assert set(frame["currency"]) == {"CAD"}


def test_rule14_canadian_dollars_trw():
    """TRW 1994, Canadian plan: Unrealized depreciation (121,608) / (21,021)."""
    frame = real_facts("05_trw-10k405-1994.txt")
    check(fact(frame, 7332, -121608), currency="CAD", period_end="1994-12-31", months=12)
    check(fact(frame, 7332, -21021), currency="CAD", period_end="1993-12-31", months=12)


# ---------------------------------------------------------------------------------------
# 15. Whole-dollar statements in a filing whose selected data are in thousands.
# 24,806-16,540 = 8,266; 22,315-15,102 = 7,213; 19,920-13,884 = 6,036.

RULE15 = """\
                                  FORM 10-K
                  For the fiscal year ended June 30, 1995
                      BRIDGEPORT CIRCUITS CORPORATION

<PAGE>

ITEM 6.  SELECTED FINANCIAL DATA

                          SELECTED FINANCIAL DATA
              (In thousands except ratios and per share data)
<TABLE>
<CAPTION>
                                      Year ended June 30,
                                    1995       1994       1993
                                    ----       ----       ----
<S>                                <C>       <C>        <C>
  Net Sales...................... $ 24,806   $ 22,315   $ 19,920
  Net Income.....................    2,214      1,873      1,050
</TABLE>

                    CONSOLIDATED STATEMENTS OF EARNINGS
<TABLE>
<CAPTION>
                                                      Year Ended June 30,
                                               1995           1994           1993
                                               ----           ----           ----
<S>                                       <C>            <C>            <C>
Net Sales                                 $ 24,806,000   $ 22,315,000   $ 19,920,000
Cost of Sales                               16,540,000     15,102,000     13,884,000
                                          ------------   ------------   ------------
  Gross Profit                               8,266,000      7,213,000      6,036,000
Net Income                                $  2,214,000   $  1,873,000   $  1,050,000
</TABLE>
"""


def test_rule15_whole_dollar_statement_keeps_scale_one_synthetic():
    """Selected data x1000; the statement printed in whole dollars x1."""
    _, frame = synth(RULE15, "rule15.txt")
    selected = line_of(RULE15, "Net Sales....")
    statement = line_of(RULE15, "Net Sales      ")
    net = line_of(RULE15, "Net Income      ")
    check(fact(frame, selected, 24806), scale=1000, currency="USD")
    check(fact(frame, statement, 24806000), scale=1, currency="USD", period_end="1995-06-30", months=12)
    check(fact(frame, net, 1050000), scale=1, currency="USD", period_end="1993-06-30", months=12)


def test_rule15_whole_dollar_statement_keeps_scale_one_aeroflex():
    """Aeroflex 1995 statement of earnings: Net Sales $ 71,113,000; Net Income $ 7,049,000."""
    frame = real_facts("06_aeroflex-10k-1995.txt")
    check(fact(frame, 1223, 71113000), scale=1, currency="USD", period_end="1995-06-30", months=12)
    check(fact(frame, 1223, 52031000), scale=1, period_end="1993-06-30")
    check(fact(frame, 1258, 7049000), scale=1, currency="USD")


# ---------------------------------------------------------------------------------------
# 16. A 13F information table.

RULE16 = """\
<SEC-DOCUMENT>0000950148-99-002411.txt : 19991112
<SEC-HEADER>0000950148-99-002411.hdr.sgml : 19991112
ACCESSION NUMBER:		0000950148-99-002411
CONFORMED SUBMISSION TYPE:	13F-HR
PUBLIC DOCUMENT COUNT:		1
CONFORMED PERIOD OF REPORT:	19990930
FILED AS OF DATE:		19991112

FILER:

	COMPANY DATA:	
		COMPANY CONFORMED NAME:			PRAIRIE HOLDINGS INC
		CENTRAL INDEX KEY:			0001234567
</SEC-HEADER>
<DOCUMENT>
<TYPE>13F-HR
<SEQUENCE>1
<TEXT>
                            PRAIRIE HOLDINGS INC.
                         Form 13F Information Table
                             September 30, 1999

<TABLE>
<CAPTION>
                                                                               Column 6                              Column 8
                                                                         Investment Discretion                   Voting Authority
                                                Column 4     Column 5    ---------------------                 ---------------------
                        Column 2  Column 3       Market      Shares or       (b) Shared    (c)   Column 7
Column 1                Title of   CUSIP         Value       Principal  (a)  As Defined  Shared-   Other        (a)      (b)     (c)
Name of Issuer           Class     Number    (In Thousands)  Amount $   Sole In Instr. v  Other  Managers      Sole    Shared   None
- --------------          --------   ------    --------------  ---------  ---- -----------  -----  --------      ----    ------   ----
<S>                      <C>     <C>             <C>         <C>        <C>      <C>      <C>    <C>         <C>         <C>     <C>
Acme Holdings Inc.       Com     004512 10 3       512,340    4,120,600           X              4, 5, 14     4,120,600
                                                    87,915      707,400           X              4, 10, 14      707,400
                                                    45,210      364,800           X              4, 3, 14,      364,800
                                                                                                 16, 17, 18
Birch Foods Corp.        Com     090911 20 7        31,875      500,000           X              4, 14          500,000
                                                    96,120    1,566,000           X              4, 12, 14    1,566,000
</TABLE>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def test_rule16_13f_information_table_synthetic():
    """Value USD x1000, shares counts x1, at the quarter end; CUSIPs and managers no facts."""
    _, frame = synth(RULE16, "rule16.txt")
    acme = line_of(RULE16, "Acme Holdings Inc.")
    carried = line_of(RULE16, "87,915")
    managers = line_of(RULE16, "16, 17, 18")
    birch = line_of(RULE16, "Birch Foods Corp.")
    assert values_on(frame, acme) == [512340, 4120600, 4120600]
    assert values_on(frame, birch) == [31875, 500000, 500000]
    assert on_line(frame, managers).empty
    check(on_line(frame, acme).iloc[0], currency="USD", scale=1000, kind="amount",
          period_end="1999-09-30", months=0, line_item="Acme Holdings Inc.")
    for _, record in on_line(frame, acme).iloc[1:].iterrows():
        check(record, currency="", scale=1, kind="count", period_end="1999-09-30", months=0)
    assert set(on_line(frame, carried)["line_item"]) == {"Acme Holdings Inc."}
    check(fact(frame, carried, 87915), currency="USD", scale=1000, period_end="1999-09-30", months=0)
    # The CUSIP pieces and the manager numbers are never facts.
    assert not frame["value"].isin([4512, 90911, 10, 20, 3, 7, 4, 5, 12, 14, 16, 17, 18]).any()
    assert set(frame["line"]) == {acme, carried, carried + 1, birch, birch + 1}


def test_rule16_13f_information_table_berkshire():
    """Berkshire 13F, March 31, 1999: American Express Co. 676,097 / 5,741,800 and the next row."""
    frame = real_facts("13_berkshire-13f-1999.txt")
    assert values_on(frame, 1331) == [676097, 5741800, 5741800]
    assert values_on(frame, 1332) == [313789, 2664878, 2664878]
    check(fact(frame, 1331, 676097), currency="USD", scale=1000, period_end="1999-03-31", months=0,
          line_item="American Express Co.")
    check(fact(frame, 1331, 5741800, 0), currency="", scale=1, kind="count", period_end="1999-03-31", months=0)
    check(fact(frame, 1332, 313789), currency="USD", scale=1000, line_item="American Express Co.")


# ---------------------------------------------------------------------------------------
# 17. An EX-27 financial data schedule.

RULE17 = """\
<SEC-DOCUMENT>0000891020-95-000433.txt : 19950920
<SEC-HEADER>0000891020-95-000433.hdr.sgml : 19950920
ACCESSION NUMBER:		0000891020-95-000433
CONFORMED SUBMISSION TYPE:	10-K
PUBLIC DOCUMENT COUNT:		2
CONFORMED PERIOD OF REPORT:	19950630
FILED AS OF DATE:		19950920

FILER:

	COMPANY DATA:	
		COMPANY CONFORMED NAME:			NORTHSTAR SOFTWARE CORP
		CENTRAL INDEX KEY:			0000912399
</SEC-HEADER>
<DOCUMENT>
<TYPE>10-K
<SEQUENCE>1
<TEXT>
                                  FORM 10-K
                  For the fiscal year ended June 30, 1995
                      NORTHSTAR SOFTWARE CORPORATION

<PAGE>

ITEM 6.  SELECTED FINANCIAL DATA
                    (In millions, except per share data)
<TABLE>
<CAPTION>
                                                    Year Ended June 30
                                                 ------------------------
                                                   1995     1994     1993
                                                 ------   ------   ------
<S>                                              <C>      <C>      <C>
Net revenues...................................  $  605   $  498   $  412
Net income.....................................     195      146      111
Total assets...................................   1,180      962      780
</TABLE>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-27
<SEQUENCE>2
<DESCRIPTION>FINANCIAL DATA SCHEDULE
<TEXT>
<TABLE> <S> <C>

<ARTICLE> 5
<MULTIPLIER>   1,000,000

<S>                             <C>
<PERIOD-TYPE>                   YEAR
<FISCAL-YEAR-END>                          JUN-30-1995
<PERIOD-END>                               JUN-30-1995
<CASH>                                             304
<TOTAL-ASSETS>                                   1,180
<SALES>                                            605
<NET-INCOME>                                       195
<EPS-PRIMARY>                                      .88
</TABLE>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def test_rule17_ex27_financial_data_schedule_synthetic():
    """TOTAL-ASSETS at 1995-06-30; SALES 12 months; EPS-PRIMARY per share x1; amounts x1e6."""
    _, frame = synth(RULE17, "rule17.txt")
    assets = line_of(RULE17, "<TOTAL-ASSETS>")
    sales = line_of(RULE17, "<SALES>")
    eps = line_of(RULE17, "<EPS-PRIMARY>")
    check(fact(frame, assets, 1180), period_end="1995-06-30", months=0, currency="USD", scale=M, kind="amount")
    check(fact(frame, sales, 605), period_end="1995-06-30", months=12, currency="USD", scale=M, kind="amount")
    check(fact(frame, eps, 0.88), period_end="1995-06-30", months=12, currency="USD", scale=1, kind="per_share")
    # The header items are no facts: 1995 from the dates, 5 from <ARTICLE>, the multiplier.
    assert not frame["value"].isin([5, 1995, 1_000_000]).any()


def test_rule17_ex27_financial_data_schedule_microsoft():
    """Microsoft 1995 EX-27: TOTAL-ASSETS 7,210; SALES 5,937; EPS-PRIMARY 2.32."""
    frame = real_facts("10_microsoft-10k-1995.txt")
    check(fact(frame, 2887, 7210), period_end="1995-06-30", months=0, currency="USD", scale=M)
    check(fact(frame, 2895, 5937), period_end="1995-06-30", months=12, currency="USD", scale=M)
    check(fact(frame, 2909, 2.32), period_end="1995-06-30", months=12, scale=1, kind="per_share")


# ---------------------------------------------------------------------------------------
# 18. Never a period from a release's dateline.

RULE18 = """\
FORM 6-K

                      SECURITIES AND EXCHANGE COMMISSION
                             Washington, D.C. 20549

                            Report of Foreign Issuer
                       Pursuant to Rule 13a-16 or 15d-16 of
                       the Securities Exchange Act of 1934

                              OSPREY MINING PLC

12 May 2003

            OSPREY MINING PLC ANNOUNCES ITS RESULTS BY REGION

<TABLE>
<CAPTION>
                               Region A     Region B
<S>                            <C>          <C>
Revenue                         $ 1,200      $ 3,400
Costs                              (800)      (2,900)
                                    400          500
</TABLE>
"""


def test_rule18_no_period_from_dateline_synthetic():
    """"12 May 2003" dates the release, not the columns: no period, doubt "period not read"."""
    _, frame = synth(RULE18, "rule18.txt")
    assert len(frame) == 6
    assert set(frame["period_end"]) == {""}
    assert frame["months"].isna().all()
    for doubt in frame["doubt"]:
        assert doubt.startswith("period not read"), doubt


# ---------------------------------------------------------------------------------------
# 19. A "Percent Change" column with "(4.5)" and no % sign.

RULE19 = """\
                                  FORM 10-Q
             For the quarterly period ended June 30, 1999

                        PRAIRIE BELL TELEPHONE COMPANY

<PAGE>

Item 2.  Management's Discussion and Analysis of Results of Operations

RESULTS OF OPERATIONS
---------------------
Revenues
--------

Our revenues in the first six months of 1999 were $340.5 million and
were $334.3 million for the same period in 1998.

---------------------------------------------------------------------
Network access
--------------
                                     June 30        Increase  Percent
                                  ------------
(dollars in millions)            1999      1998    (Decrease)  Change
 -------------------             ----      ----     --------   ------

Interstate
----------
Six Months Ended             $  112.4   $  104.9    $   7.5      7.1

Intrastate
----------
Six Months Ended             $   28.1   $   29.4    $  (1.3)    (4.4)
"""


def test_rule19_percent_change_column_synthetic():
    """"(4.4)" under "Percent Change": percent -4.4, no currency, no period."""
    _, frame = synth(RULE19, "rule19.txt")
    intrastate = line_of(RULE19, "$   28.1")
    interstate = line_of(RULE19, "$  112.4")
    for line, value in [(intrastate, -4.4), (interstate, 7.1)]:
        check(fact(frame, line, value), kind="percent", currency="", scale=1, period_end="", months=None)
    check(fact(frame, intrastate, 28.1), currency="USD", scale=M, period_end="1999-06-30", months=6)


def test_rule19_percent_change_column_indianabell():
    """Indiana Bell 10-Q June 1999, Intrastate: $ 36.3  $ 38.0  $ (1.7)  (4.5)."""
    frame = real_facts("09_indianabell-10q-1999.txt")
    check(fact(frame, 715, -4.5), kind="percent", currency="", scale=1, period_end="", months=None)
    check(fact(frame, 715, 36.3), currency="USD", scale=M, period_end="1999-06-30", months=6)


# ---------------------------------------------------------------------------------------
# 6b. The cover's "For the fiscal year ended June 30, 1995" close above a quarterly table
#     whose years are row headings: the row headings give the years, not the cover.

RULE06B = """\
                               FORM 10-K
               For the fiscal year ended June 30, 1995
                          ACME SOFTWARE CORP

                QUARTERLY FINANCIAL INFORMATION
                      (IN MILLIONS, EXCEPT PER SHARE DATA)
<TABLE>
<CAPTION>
                                       QUARTER ENDED
                       ------------------------------------------------
                       SEPTEMBER 30   DECEMBER 31   MARCH 31   JUNE 30     YEAR
<S>                    <C>            <C>           <C>        <C>         <C>
1994
Net revenues            $   818        $  938        $  958     $1,039     $3,753
1995
Net revenues            $   983        $1,129        $1,244     $1,293     $4,649
</TABLE>
"""


def test_rule06b_row_years_beat_a_cover_year_close_above():
    """Fiscal 1994's September quarter ends 1993-09-30, not in 1995 because the cover says 1995."""
    _, frame = synth(RULE06B, "rule06b.txt")
    first, second = line_of(RULE06B, "$   818"), line_of(RULE06B, "$   983")
    check(fact(frame, first, 818), period_end="1993-09-30", months=3)
    check(fact(frame, first, 3753), period_end="1994-06-30", months=12)
    check(fact(frame, second, 1129), period_end="1994-12-31", months=3)
    check(fact(frame, second, 4649), period_end="1995-06-30", months=12)


# ---------------------------------------------------------------------------------------
# 19b. A company name printed right above a table's header is not a column header, and a row
#      label that states a length ("Six Months Ended") gives it to a date column.

RULE19B = """\
                                  FORM 10-Q
             For the quarterly period ended June 30, 1999

                        PRAIRIE BELL TELEPHONE COMPANY
                                     June 30        Increase  Percent
                                  ------------
(dollars in millions)            1999      1998    (Decrease)  Change
 -------------------             ----      ----     --------   ------

Interstate
----------
Six Months Ended             $  112.4   $  104.9    $   7.5      7.1

Intrastate
----------
Six Months Ended             $   28.1   $   29.4    $  (1.3)    (4.4)
"""


def test_rule19b_company_line_above_header_and_length_from_the_row():
    _, frame = synth(RULE19B, "rule19b.txt")
    line = line_of(RULE19B, "$   28.1")
    cell = fact(frame, line, 28.1)
    check(cell, period_end="1999-06-30", months=6, currency="USD", scale=M, doubt="")
    assert "COMPANY" not in cell["column_label"]
    check(fact(frame, line, -4.4), kind="percent", period_end="", months=None)


# ---------------------------------------------------------------------------------------
# 20. A total that foots in one column and not in the other is reported as failing, not dropped.

RULE20 = """\
                         CONSOLIDATED BALANCE SHEETS
                            (Dollars in thousands)
<TABLE>
<CAPTION>
                                          December 31,
                                       1996          1995
<S>                                    <C>           <C>
Cash                                 $ 1,250       $   910
Receivables                            2,140         1,820
Inventory                              3,305         2,740
                                     -------       -------
Total current assets                   6,695         5,479
</TABLE>
"""


def test_rule20_total_failing_in_one_column_is_reported():
    filing, frame = synth(RULE20, "rule20.txt")
    line = line_of(RULE20, "6,695")
    check(fact(frame, line, 6695), check="ok", period_end="1996-12-31", months=0)
    failing = fact(frame, line, 5479)
    check(failing, check="fails", period_end="1995-12-31", months=0, currency="USD", scale=1000)
    assert "check does not foot (difference +9)" in failing["doubt"]
    assert len(filing.tables[0].failed_checks) == 1
