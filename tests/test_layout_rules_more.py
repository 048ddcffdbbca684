"""More layout rules, found on the written held-out filings (tests/fixtures/heldout): each shown
by a small hand-written filing whose expected facts are read off its text.

Rules: a bar between a predecessor's and a successor's columns; a period printed as a range
("June 28, 2001 to Dec. 26, 2001") stacked over one column; a 52/53-week year's end by the
filing's own rule ("the last Wednesday in December"); guilders beside a US-dollar translation;
a bare "$" in a Canadian issuer's document; "% Change" columns beside per-share rows; "pts";
counts and prices named in row labels; an operating-statistics table printing no currency;
two spanning rules one space apart; headings cut at each ":" and rows leaving a group when they
come back to its indent; "changes in financial position"; "% of Total" columns.
"""

from __future__ import annotations

from test_layout_rules import check, fact, line_of, synth, values_on

from parser.dates import week_rule, week_rule_date

K = 1000
M = 1_000_000

# ---------------------------------------------------------------------------------------
# Predecessor | Successor columns, range headers, the fiscal year's weekday rule.
# Total revenues = restaurant sales + franchise revenues: 612,480 + 8,912 = 621,392;
# 301,215 + 4,310 = 305,525; 289,340 + 4,105 = 293,445; 572,106 + 8,044 = 580,150.

SUCCESSOR = """\
                                  FORM 10-K
              For the fiscal year ended December 25, 2002

                         HEARTHSIDE GRILLS, INC.

     The Company's fiscal year ends on the last Wednesday in December. Fiscal
years 2002, 2000 and 1999 each contained 52 weeks.

ITEM 6.  SELECTED FINANCIAL DATA

                            (Dollars in thousands)

                                Successor Company        Predecessor Company
                               -------------------- ------------------------------
                                           June 28,   Dec. 28,
                                            2001 to    2000 to
                                  Fiscal   Dec. 26,   June 27,    Fiscal    Fiscal
                                    2002       2001       2001      2000      1999
                               --------- ---------- ---------- --------- ---------
STATEMENT OF OPERATIONS DATA:
  Total revenues               $621,392   $305,525   $293,445  $580,150  $538,720
  Net income                     23,415      9,321     11,507    39,289    35,610

OPERATING DATA:
  Restaurants open at end of
  period:
    Company-operated                214        206        199       195       184
  Comparable restaurant sales
    increase                        2.8%       3.1%       2.4%      3.6%      4.1%

ITEM 8.  FINANCIAL STATEMENTS

                         STATEMENTS OF OPERATIONS
                              (In thousands)

<TABLE>
<CAPTION>
                                         Successor Company     |    Predecessor Company
                                     ------------------------- | -------------------------
                                         52 Weeks     26 Weeks |     26 Weeks     52 Weeks
                                            Ended        Ended |        Ended        Ended
                                     December 25, December 26, |     June 27, December 27,
                                             2002         2001 |         2001         2000
                                     ------------ ------------ | ------------ ------------
<S>                                  <C>          <C>          | <C>          <C>
  Restaurant sales                   $   612,480  $   301,215  | $   289,340  $   572,106
  Franchise revenues                       8,912        4,310  |       4,105        8,044
                                     ------------ ------------ | ------------ ------------
    Total revenues                       621,392      305,525  |     293,445      580,150
</TABLE>
"""


def test_bar_between_successor_and_predecessor_columns():
    """The bar is a space: four columns, each number under its own period."""
    _, frame = synth(SUCCESSOR, "successor.txt")
    line = line_of(SUCCESSOR, "Restaurant sales")
    assert values_on(frame, line) == [612480, 301215, 289340, 572106]
    for value, end, months in [(612480, "2002-12-25", 12), (301215, "2001-12-26", 6),
                               (289340, "2001-06-27", 6), (572106, "2000-12-27", 12)]:
        check(fact(frame, line, value), period_end=end, months=months, currency="USD", scale=K,
              line_item="Restaurant sales")


def test_range_headers_stacked_over_one_column():
    """'June 28, / 2001 to / Dec. 26, / 2001' is the six months ending December 26, 2001; the
    range's first day is not taken for a period end (fiscal 2000 ends December 27, 2000)."""
    _, frame = synth(SUCCESSOR, "successor.txt")
    line = line_of(SUCCESSOR, "Total revenues")
    check(fact(frame, line, 305525), period_end="2001-12-26", months=6, scale=K)
    check(fact(frame, line, 293445), period_end="2001-06-27", months=6, scale=K)
    check(fact(frame, line, 580150), period_end="2000-12-27", months=12, scale=K)


def test_fiscal_year_end_by_the_filings_weekday_rule():
    """Fiscal 1999's end is printed nowhere: the last Wednesday of December 1999 is the 29th."""
    _, frame = synth(SUCCESSOR, "successor.txt")
    check(fact(frame, line_of(SUCCESSOR, "Total revenues"), 538720), period_end="1999-12-29", months=12)
    check(fact(frame, line_of(SUCCESSOR, "Net income"), 35610), period_end="1999-12-29", months=12)


def test_week_rules_as_filings_word_them():
    rule = week_rule("The fiscal year ends on the Saturday nearest January 31.")
    assert [week_rule_date(rule, year) for year in (1998, 1999, 2000)] == [
        __import__("datetime").date(1998, 1, 31), __import__("datetime").date(1999, 1, 30),
        __import__("datetime").date(2000, 1, 29)]
    rule = week_rule("a 52-53 week fiscal year ending on the last Sunday of June")
    assert week_rule_date(rule, 1998).isoformat() == "1998-06-28"
    assert week_rule("Dividends are paid on the last Friday of March.") is None


def test_row_group_at_end_of_period_and_counts_of_restaurants():
    """'Restaurants open at end of period:' makes its rows counts at the period's end; the next
    row, back at the heading's indent, is out of that group and a percentage over the period."""
    _, frame = synth(SUCCESSOR, "successor.txt")
    row = fact(frame, line_of(SUCCESSOR, "Company-operated"), 195)
    check(row, period_end="2000-12-27", months=0, kind="count", currency="", scale=1)
    assert row["group"] == "OPERATING DATA > Restaurants open at end of period"
    row = fact(frame, line_of(SUCCESSOR, "increase  "), 3.6)
    check(row, period_end="2000-12-27", months=12, kind="percent", line_item="Comparable restaurant sales increase")
    assert row["group"] == "OPERATING DATA"


# ---------------------------------------------------------------------------------------
# Guilders beside a US-dollar convenience translation.

GUILDERS = """\
                                  FORM 20-F
              For the fiscal year ended December 31, 1998

                           NOORDKADE GROEP N.V.

ITEM 8.  SELECTED FINANCIAL DATA

                  (in millions, except per share data)

                                         Year ended December 31,
                                   -------------------------------------
                                      1996     1997     1998       1998
                                       Dfl      Dfl      Dfl        US$
                                   -------  -------  -------  ---------
  Net sales                          4,038    4,415    4,862     $2,585
  Net income per ordinary share       2.27     2.59     3.42       1.82

                                                   (in millions of guilders)
<TABLE>
<CAPTION>
                                                1998        1997
                                           ---------   ---------
<S>                                        <C>         <C>
Distribution .........................         2,418       2,190
Shipping Services ....................           914         812
                                           ---------   ---------
    Total ............................         3,332       3,002
</TABLE>
"""


def test_guilders_and_a_us_dollar_translation_column():
    _, frame = synth(GUILDERS, "guilders.txt")
    line = line_of(GUILDERS, "Net sales")
    check(fact(frame, line, 4862), period_end="1998-12-31", months=12, currency="NLG", scale=M, kind="amount")
    check(fact(frame, line, 2585), period_end="1998-12-31", months=12, currency="USD", scale=M, kind="amount")
    line = line_of(GUILDERS, "Net income per ordinary share")
    check(fact(frame, line, 2.27), currency="NLG", scale=1, kind="per_share")
    check(fact(frame, line, 1.82), currency="USD", scale=1, kind="per_share")


def test_millions_of_guilders_is_a_currency_not_a_measure():
    _, frame = synth(GUILDERS, "guilders.txt")
    check(fact(frame, line_of(GUILDERS, "Distribution ...."), 2418), currency="NLG", scale=M, kind="amount",
          period_end="1998-12-31")


# ---------------------------------------------------------------------------------------
# A Canadian issuer: "$" is the Canadian dollar its captions name; a note table with no caption
# of its own, and a US GAAP reconciliation, stay in Canadian dollars. A five-year review whose
# caption wraps; operating rows named by their measure; a price per ounce in US dollars.

CANADIAN = """\
<DOCUMENT>
<TYPE>40-F
<TEXT>
                             FORM 40-F
                            ANNUAL REPORT
             For the fiscal year ended December 31, 1996

                        NORTHERN SPRUCE MINES LIMITED

                                FIVE-YEAR REVIEW
          (in thousands of Canadian dollars, except per share amounts
                           and operating statistics)

                                           1996        1995        1994
                                      ---------   ---------   ---------
 FINANCIAL
   Gold sales                         $ 186,430   $ 171,215   $ 158,902
   Total assets                         384,773     360,800     351,420

 OPERATING
   Gold production (ounces)             348,210     327,640     309,815
   Average realized gold price
     (US$ per ounce)                        392         381         384

                  CONSOLIDATED STATEMENTS OF EARNINGS
                       Years ended December 31
                  (in thousands of Canadian dollars)

                                                          1996           1995
                                                     ---------      ---------
 Gold sales                                        $   186,430    $   171,215
 Net earnings                                      $    19,862    $     9,586

         CONSOLIDATED STATEMENTS OF CHANGES IN FINANCIAL POSITION
                       Years ended December 31
                  (in thousands of Canadian dollars)

                                                          1996           1995
                                                     ---------      ---------
 Cash provided by operating activities             $    57,573    $    51,702
 Increase in cash                                       13,246          4,108

12.  DIFFERENCES FROM UNITED STATES GENERALLY ACCEPTED ACCOUNTING PRINCIPLES

     The effect of these differences on net earnings is as follows:

                                                          1996           1995
                                                     ---------      ---------
 Net earnings under Canadian GAAP                  $    19,862    $     9,586
 Net earnings under U.S. GAAP                      $    18,622    $    11,831
</TEXT>
</DOCUMENT>
"""


def test_bare_dollar_is_the_canadian_dollar_the_captions_name():
    _filing, frame = synth(CANADIAN, "canadian.txt")
    check(fact(frame, line_of(CANADIAN, "Net earnings under U.S. GAAP"), 18622),
          currency="CAD", scale=K, period_end="1996-12-31", months=12)
    check(fact(frame, line_of(CANADIAN, "Gold sales", 1), 171215), currency="CAD", scale=K)


def test_five_year_review_is_selected_data_not_a_balance_sheet():
    """'Total assets' beside 'Gold sales' does not make the columns points in time; the title is
    the review's, not the end of the wrapped caption."""
    _filing, frame = synth(CANADIAN, "canadian.txt")
    row = fact(frame, line_of(CANADIAN, "Gold sales"), 158902)
    check(row, period_end="1994-12-31", months=12, currency="CAD", scale=K, table_title="FIVE-YEAR REVIEW")
    check(fact(frame, line_of(CANADIAN, "Total assets"), 360800), period_end="1995-12-31", months=0)


def test_measures_and_prices_named_in_row_labels():
    _, frame = synth(CANADIAN, "canadian.txt")
    check(fact(frame, line_of(CANADIAN, "Gold production (ounces)"), 327640), kind="count", currency="", scale=1)
    check(fact(frame, line_of(CANADIAN, "(US$ per ounce)"), 381), kind="amount", currency="USD", scale=1,
          period_end="1995-12-31", months=12)


def test_changes_in_financial_position_is_a_cash_flow_statement():
    _, frame = synth(CANADIAN, "canadian.txt")
    row = fact(frame, line_of(CANADIAN, "Increase in cash"), 13246)
    check(row, statement="cash_flow", period_end="1996-12-31", months=12)


# ---------------------------------------------------------------------------------------
# An earnings release: "Quarter Ended" and "Year Ended" over two rules one space apart, each
# with a "% Change" column; per-share rows; an operating-statistics table printing no currency.

RELEASE = """\
                                  FORM 8-K
                         CASCADE AIR LINES, INC.

                   CONSOLIDATED STATEMENTS OF OPERATIONS
              (In thousands, except per share amounts) (Unaudited)

<TABLE>
<CAPTION>
                                     Quarter Ended December 31          Year Ended December 31
                                  ------------------------------- ---------------------------------
                                        2000       1999  % Change        2000        1999  % Change
                                  ---------- ---------- --------- ----------- ----------- ---------
<S>                               <C>        <C>        <C>       <C>         <C>         <C>
  Passenger                       $ 412,356  $ 371,208      11.1  $1,648,920  $1,498,305      10.1
  Diluted earnings per share      $     .40  $     .85     (52.9) $     2.89  $     3.90     (25.9)
</TABLE>

                          OPERATING STATISTICS (Unaudited)

                                     Quarter Ended December 31       Year Ended December 31
                                    ---------------------------- -----------------------------
                                        2000      1999    Change      2000      1999    Change
                                    ---------------------------- -----------------------------
Revenue passengers (000)              3,412     3,198       6.7%   13,605    12,940       5.1%
Available seat miles (000,000)        4,025     3,818       5.4%   15,870    15,302       3.7%
Passenger load factor                  71.4%     69.8%  1.6 pts      71.9%     70.6%  1.3 pts
Aircraft in service at end of period    118       112       5.4%      118       112       5.4%
"""


def test_quarter_and_year_spanning_headers_over_rules_one_space_apart():
    _, frame = synth(RELEASE, "release.txt")
    line = line_of(RELEASE, "Passenger  ")
    check(fact(frame, line, 412356), period_end="2000-12-31", months=3, currency="USD", scale=K)
    check(fact(frame, line, 1648920), period_end="2000-12-31", months=12, currency="USD", scale=K)
    check(fact(frame, line, 1498305), period_end="1999-12-31", months=12)


def test_percent_change_column_beside_a_per_share_row():
    _, frame = synth(RELEASE, "release.txt")
    line = line_of(RELEASE, "Diluted earnings per share")
    check(fact(frame, line, 2.89), kind="per_share", currency="USD", scale=1, months=12)
    check(fact(frame, line, -25.9), kind="percent", currency="", scale=1, period_end="")


def test_operating_statistics_print_no_currency_and_keep_their_own_scales():
    _, frame = synth(RELEASE, "release.txt")
    check(fact(frame, line_of(RELEASE, "Revenue passengers (000)"), 13605), kind="count", currency="", scale=K,
          period_end="2000-12-31", months=12)
    check(fact(frame, line_of(RELEASE, "Available seat miles"), 4025), kind="count", currency="", scale=M)
    check(fact(frame, line_of(RELEASE, "Aircraft in service"), 112, 0), kind="count", currency="", scale=1,
          period_end="1999-12-31", months=0)


def test_points_are_read_as_a_change_in_percentage_points():
    _, frame = synth(RELEASE, "release.txt")
    line = line_of(RELEASE, "Passenger load factor")
    assert values_on(frame, line) == [71.4, 69.8, 1.6, 71.9, 70.6, 1.3]
    check(fact(frame, line, 69.8), kind="percent", period_end="1999-12-31", months=3)


# ---------------------------------------------------------------------------------------
# Shares of a total under each year; a "Percent Change 1997 vs. 1996" column.

SHARES_OF_TOTAL = """\
                                  FORM 10-K
              For the fiscal year ended December 31, 1997

                        GRANITE HILL INSURANCE CORP.

                    NET PREMIUMS WRITTEN BY LINE OF BUSINESS
                             (Dollars in thousands)

                                          1997                   1996           Percent
                                  --------------------   --------------------    Change
                                     Amount       % of      Amount       % of  1997 vs.
                                                 Total                  Total      1996
                                  ---------   --------   ---------   --------   -------
  Commercial multiple peril       $ 118,305      28.0%   $ 110,304      27.6%      7.3%
  Workers' compensation              84,920       20.1      87,923       22.0     (3.4)
                                  ---------   --------   ---------   --------   -------
       Total                      $ 203,225      48.1%   $ 198,227      49.6%      2.5%
"""


def test_share_of_total_columns_keep_their_years_period():
    _, frame = synth(SHARES_OF_TOTAL, "shares_of_total.txt")
    line = line_of(SHARES_OF_TOTAL, "Workers' compensation")
    assert values_on(frame, line) == [84920, 20.1, 87923, 22.0, -3.4]
    check(fact(frame, line, 20.1), kind="percent", period_end="1997-12-31", months=12,
          table_title="NET PREMIUMS WRITTEN BY LINE OF BUSINESS")
    check(fact(frame, line, 87923), kind="amount", currency="USD", scale=K, period_end="1996-12-31")
    check(fact(frame, line, -3.4), kind="percent", period_end="")


# ---------------------------------------------------------------------------------------
# Negatives in [brackets] and with a trailing minus; a US$ translation column headed "US$(1)";
# quantities named in column heads; share prices by quarter under year groups, on two exchanges.

MINER = """\
                             FORM 40-F
             For the fiscal year ended December 31, 1996

                        NORTHERN KESTREL MINES LIMITED

                    FIVE-YEAR FINANCIAL AND OPERATING REVIEW
     (thousands of Canadian dollars, except per share amounts and where noted)

                                  1996
                                US$(1)       1996      1995      1994
                               -------    -------   -------   -------
FINANCIAL
Gold sales                     108,276    148,306   131,742   118,519
Net earnings [loss]             10,905     14,936    [1,537]    8,134
                               =======    =======   =======   =======

     Proven and probable reserves at December 31, 1996 were:

                                Tonnes         Grade     Contained
                               (000's)    (g/t gold)        ounces
                            ---------     ---------     ---------
    Proven                      6,420          5.74     1,184,800
    Probable                    3,115          5.31       531,800
                            ---------     ---------     ---------
    Total                       9,535          5.60     1,716,600

                        The Toronto Stock       American Stock
                            Exchange               Exchange
                             (Cdn$)                 (US$)
                        -----------------      -----------------
                            High       Low          High       Low
                          ------    ------        ------    ------
1996
  First Quarter            15.10     11.25            11     8 1/8
  Second Quarter           16.40     13.60            12     9 7/8

     The effect of these differences on net earnings is as follows:

                                                    1996        1995        1994
                                                --------    --------    --------
Net earnings (loss) - Canadian GAAP               14,936       1,537-      8,134
Exploration expenditures (a)                       2,140-      1,806-      1,112-
"""


def test_bracket_and_trailing_minus_negatives():
    _, frame = synth(MINER, "miner.txt")
    check(fact(frame, line_of(MINER, "Net earnings [loss]"), -1537), period_end="1995-12-31", months=12,
          currency="CAD", scale=K, raw="[1,537]")
    line = line_of(MINER, "Canadian GAAP")
    assert values_on(frame, line) == [14936, -1537, 8134]
    row = fact(frame, line, -1537)  # no unit printed for the table: a doubt says so
    check(row, period_end="1995-12-31", months=12)
    assert "unit not read" in row["doubt"]


def test_us_dollar_translation_column_with_a_footnote_mark():
    _, frame = synth(MINER, "miner.txt")
    line = line_of(MINER, "Gold sales")
    assert values_on(frame, line) == [108276, 148306, 131742, 118519]
    check(fact(frame, line, 108276), currency="USD", scale=K, period_end="1996-12-31", months=12)
    check(fact(frame, line, 148306), currency="CAD", scale=K, period_end="1996-12-31", months=12)


def test_quantities_named_in_column_heads():
    _, frame = synth(MINER, "miner.txt")
    line = line_of(MINER, "Proven  ")
    check(fact(frame, line, 6420), kind="count", currency="", scale=K)
    check(fact(frame, line, 5.74), kind="ratio", currency="", scale=1)
    check(fact(frame, line, 1184800), kind="count", currency="", scale=1)


def test_quarter_rows_under_year_groups_in_columns_that_are_not_periods():
    """'Exchange' over High/Low is not a change column; 'Second Quarter' under '1996' is the
    second quarter of fiscal 1996."""
    _, frame = synth(MINER, "miner.txt")
    line = line_of(MINER, "Second Quarter")
    check(fact(frame, line, 16.40), period_end="1996-06-30", months=3, currency="CAD")
    check(fact(frame, line, 12), period_end="1996-06-30", months=3, currency="USD")


# ---------------------------------------------------------------------------------------
# A 10-Q of a 52/53-week company: "Q3 FY98" and "FY98" under "Third Quarter" / "Nine Months";
# a caption "Nine months ended March 29, 1998 and March 30, 1997" over bare years; the year end
# known only from "the last Sunday in June".

SEMIS = """\
                                  FORM 10-Q
              For the quarterly period ended March 29, 1998

                        TESSERA MICRO DEVICES, INC.

<TABLE>
<CAPTION>
                                                     Nine months ended March 29,
                                                        1998 and March 30, 1997
                                                        ------------------------
                                                             1998           1997
                                                        ---------      ---------
<S>                                                     <C>            <C>
  Net income .........................................  $  16,451      $  25,733
  Deferred income taxes ..............................        263         (1,120)
</TABLE>

     The Company's fiscal year ends on the last
Sunday in June. The third quarters of fiscal 1998 and fiscal 1997 ended on
March 29, 1998 and March 30, 1997, respectively. Fiscal 1998 will end on
June 28, 1998.

                                              Third Quarter             Nine Months
                                            -----------------        -----------------
                                              FY98       FY97          FY98       FY97
                                            ------     ------        ------     ------
Net revenues                                 100.0%     100.0%        100.0%     100.0%
Research and development                      17.2%      15.6%         16.2%      16.1%

                                 Q3 FY98     Q3 FY97      Change
                               ---------   ---------   ---------
    Mixed-signal ASICs           $38,210     $41,907        (8.8)%
    Data converters               27,644      33,518       (17.5)%
"""


def test_caption_phrase_dates_each_column():
    _, frame = synth(SEMIS, "semis.txt")
    line = line_of(SEMIS, "Deferred income taxes")
    check(fact(frame, line, 263), period_end="1998-03-29", months=9)
    check(fact(frame, line, -1120), period_end="1997-03-30", months=9)


def test_fiscal_year_names_under_quarter_and_nine_month_heads():
    _, frame = synth(SEMIS, "semis.txt")
    line = line_of(SEMIS, "Research and development")
    check(fact(frame, line, 15.6), period_end="1997-03-30", months=3, kind="percent")
    check(fact(frame, line, 16.2), period_end="1998-03-29", months=9, kind="percent")


def test_quarter_of_a_fiscal_year_named_q3_fy98():
    _, frame = synth(SEMIS, "semis.txt")
    line = line_of(SEMIS, "Data converters")
    check(fact(frame, line, 27644), period_end="1998-03-29", months=3, currency="USD")
    check(fact(frame, line, 33518), period_end="1997-03-30", months=3)


# ---------------------------------------------------------------------------------------
# Selected data with an "AT YEAR END" group whose first row is a total; a loss-reserve table
# opening with "Balance at January 1".

INSURER = """\
                                  FORM 10-K
              For the fiscal year ended December 31, 1997

                        HARBOR LIGHT CASUALTY GROUP

                        SELECTED FINANCIAL DATA
            (Dollars in thousands, except per share amounts)

                                         1997        1996        1995
                                    ---------   ---------   ---------
OPERATIONS
  Total revenues                    $ 477,210   $ 444,413   $ 416,550
  Net income                           53,532      40,103      42,755

AT YEAR END
  Total assets                      1,166,557   1,085,755   1,021,904
  Notes payable                        45,000      45,000          --
  Stockholders' equity                336,222     281,785     257,306

     The activity in the reserve for losses is summarized as follows (in thousands):

                                                    1997        1996        1995
                                                 ---------   ---------   ---------
Balance at January 1........................    $ 498,117   $ 475,707   $ 456,932
Incurred related to current year............      301,140     287,616     269,417
"""


def test_rows_after_a_total_stay_in_an_at_year_end_group():
    _, frame = synth(INSURER, "insurer.txt")
    row = fact(frame, line_of(INSURER, "Notes payable"), 45000, 1)
    check(row, period_end="1996-12-31", months=0, currency="USD", scale=K)
    assert row["group"] == "AT YEAR END"
    check(fact(frame, line_of(INSURER, "Net income"), 40103), period_end="1996-12-31", months=12)


def test_balance_at_the_first_of_january_is_the_prior_year_end():
    _, frame = synth(INSURER, "insurer.txt")
    check(fact(frame, line_of(INSURER, "Balance at January 1"), 475707), period_end="1995-12-31", months=0)
    check(fact(frame, line_of(INSURER, "Incurred related"), 287616), period_end="1996-12-31", months=12)
