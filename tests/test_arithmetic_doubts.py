"""Arithmetic that must not mislead: a total failing in one column of two is reported; two columns
headed alike are both in doubt; a number too long for a float is a doubt, not inf."""

from __future__ import annotations

import json
import math

from parser import parse_text
from parser.model import DoubtReason
from tui.cli import main

BALANCE = """\
ACME CORP

CONSOLIDATED BALANCE SHEETS
(In thousands)

                                            December 31,
                                          1998        1997
                                        --------    --------
Cash                                    $  1,000    $    900
Receivables                                2,500       1,800
Inventories                                3,100       2,700
                                        --------    --------
Total current assets                       6,600       5,500
                                        ========    ========
"""

INCOME = """\
ACME CORP

STATEMENTS OF INCOME
(In thousands)

                                          Year ended December 31,
                                          1998        {second}
                                        --------    --------
Net sales                               $  1,000    $    900
Cost of sales                                600         500
                                        --------    --------
Gross profit                                 400         400
                                        ========    ========
"""


def test_a_total_that_foots_in_one_column_and_not_the_other_is_reported(tmp_path, capsys):
    table = parse_text(BALANCE, "bs.txt").tables[0]
    total = [check for check in table.checks if check.description.startswith("Total current assets")]
    assert [(c.target[1], c.ok, c.printed, c.computed) for c in total] == [(0, True, 6600, 6600), (1, False, 5500, 5400)]
    path = tmp_path / "bs.txt"
    path.write_text(BALANCE)
    assert main(["check", str(path), "--cache", ":memory:"]) == 1
    out = capsys.readouterr().out
    assert "FAIL Total current assets = Cash + Receivables + Inventories" in out
    assert "printed 5,500, computed 5,400, difference +100" in out


def test_two_columns_headed_by_the_same_year_are_both_in_doubt():
    table = parse_text(INCOME.format(second="1998"), "is.txt").tables[0]
    for row in table.rows:
        for cell in row.cells:
            reasons = [doubt.reason for doubt in cell.doubts]
            assert DoubtReason.SAME_HEADING in reasons, (row.label, cell.raw)
    detail = str(table.rows[0].cells[0].doubts[0])
    assert "column 1 is also headed 'Year ended December 31, | 1998'" in detail


def test_columns_of_different_years_carry_no_such_doubt():
    table = parse_text(INCOME.format(second="1997"), "is.txt").tables[0]
    assert [c.period.end.year for c in table.columns] == [1998, 1997]
    assert not any(cell.doubts for row in table.rows for cell in row.cells)


def test_a_number_too_long_for_a_float_is_a_doubt_not_inf(tmp_path, capsys):
    # 400 digits overflow a float to inf; the line is so wide that its columns are misread too.
    text = INCOME.format(second="1997").replace("Cost of sales                                600",
                                                 "Cost of sales                                " + "9" * 400)
    table = parse_text(text, "long.txt").tables[0]
    cell = table.rows[1].cells[0]
    assert cell.raw == "9" * 400 and math.isnan(cell.value)
    assert DoubtReason.TOO_LONG in [d.reason for d in cell.doubts] and "400 digits" in str(cell.doubts[0])
    path = tmp_path / "long.txt"
    path.write_text(text)
    assert main(["facts", str(path), "--format", "json", "--cache", ":memory:"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert all(fact["value"] is None or math.isfinite(fact["value"]) for fact in facts)
    long = [fact for fact in facts if fact["raw"] == "9" * 400]
    assert long[0]["value"] is None and "too many digits" in long[0]["doubt"]


def test_a_number_too_long_is_left_out_of_the_arithmetic():
    digits = "123456789012345678901234567890"  # 30 digits: a float would round it
    text = INCOME.format(second="1997").replace("Cost of sales                                600",
                                                 f"Cost of sales             {digits}")
    table = parse_text(text, "long.txt").tables[0]
    cell = table.rows[1].cells[0]
    assert cell.raw == digits and math.isnan(cell.value)
    assert [d.reason for d in cell.doubts] == [DoubtReason.TOO_LONG] and "30 digits" in str(cell.doubts[0])
    assert table.rows[1].cells[1].value == 500 and not table.rows[1].cells[1].doubts
    assert [c.period.end.year for c in table.columns] == [1998, 1997]
    assert not any(term[:2] == (1, 0) for check in table.checks for term in check.terms)


def test_sixteen_digits_are_too_many_and_fifteen_are_not():
    text = INCOME.format(second="1997").replace("Net sales                               $  1,000",
                                                 "Net sales                       $999,999,999,999,999")
    text = text.replace("Cost of sales                                600", "Cost of sales          1,000,000,000,000,000")
    table = parse_text(text, "digits.txt").tables[0]
    assert table.rows[0].cells[0].value == 999_999_999_999_999 and not table.rows[0].cells[0].doubts
    assert math.isnan(table.rows[1].cells[0].value)
