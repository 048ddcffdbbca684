"""The outline of the three sample filings: every heading, its level and where it starts.

The expected trees were written from reading the filings: the cover page, the headline, the
headings in capitals or title case, statement titles, numbered notes and the signature block.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parser import load_filing

FILINGS = Path(__file__).resolve().parents[1] / "filings"

OUTLINE_000 = [
    (1, "Cover page", 1),
    (1, "COLT DELIVERS NEXT STAGE OF INNOVATION WITH HIGH SPEED LAN-TO-LAN SERVICES", 62),
    (2, "COLT Switched Ethernet VPN:", 112),
    (2, "COLT Switched Gigabit IP:", 119),
    (2, "COLT LANLink Hub and Spoke:", 126),
    (2, "About COLT", 152),
    (2, "For Investor enquiries:", 166),
    (2, "For Media enquiries :", 173),
    (1, "SIGNATURES", 185),
]

OUTLINE_001 = [
    (1, "Cover page", 1),
    (1, "COLT TELECOM GROUP PLC ANNOUNCES RESULTS FOR THE THREE AND SIX MONTHS ENDED 30 JUNE 2004", 64),
    (2, "Financial Review", 179),
    (2, "Turnover", 184),
    (2, "Corporate", 192),
    (2, "Wholesale", 203),
    (2, "Cost of Sales", 213),
    (2, "Operating Expenses", 228),
    (2, "Interest Receivable, Interest Payable and Similar Charges", 245),
    (2, "Gain on Purchase of Debt", 264),
    (2, "Exchange Gains (Losses)", 270),
    (2, "Tax on Loss on Ordinary Activities", 279),
    (2, "Financial Needs and Resources", 283),
    (2, "Consolidated Profit and Loss Account", 306),
    (2, "Consolidated Profit and Loss Account", 364),
    (2, "Consolidated Statement of Total Recognised Gains and Losses", 425),
    (2, "Consolidated Reconciliation of Changes in Equity Shareholders' Funds", 440),
    (2, "Consolidated Balance Sheet", 474),
    (2, "Consolidated Cash Flow Statement", 526),
    (2, "Notes to Financial Statements", 599),
    (3, "1. Basis of presentation and principal accounting policies", 601),
    (3, "2. Segmental information", 632),
    (3, "3. Loss per share", 703),
    (3, "4. Exceptional items", 727),
    (4, "Gain on purchase of debt", 729),
    (3, "5. Cash flow reconciliations", 735),
    (4, "5a. Reconciliation of operating loss to net cash inflow from operating activities", 739),
    (4, "5b. EBITDA reconciliation", 770),
    (3, "6. Changes in cash and investments in liquid resources", 802),
    (3, '7. Summary of differences between U.K. Generally Accepted Accounting Principles ("U.K. GAAP") '
        'and U.S. Generally Accepted Accounting Principles ("U.S. GAAP")', 841),
    (4, "a. Effects of conforming to U.S. GAAP - impact on net loss", 844),
    (4, "b. Effects of conforming to U.S. GAAP - impact on net equity", 989),
    (4, "c. Effects of conforming to U.S. GAAP - stock options", 1014),
    (2, "Additional Information", 1026),
    (3, "Constant currency turnover analysis", 1028),
    (3, "Forward Looking Statements", 1115),
    (3, "Enquiries:", 1135),
    (1, "SIGNATURES", 1149),
]

OUTLINE_002 = [
    (1, "Cover page", 1),
    (1, "TRADING UPDATE FROM COLT TELECOM GROUP PLC", 61),
    (2, "SECOND QUARTER RESULTS", 99),
    (2, "FORWARD LOOKING STATEMENTS", 104),
    (2, "CONTACT", 124),
    (1, "SIGNATURES", 134),
]


def _outline(name):
    filing = load_filing(FILINGS / name)
    return [(s.level, s.title, s.first_line) for s in filing.walk_sections()]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("000_18845e77b5f2995d.txt", OUTLINE_000),
        ("001_e47b350a37731711.txt", OUTLINE_001),
        ("002_3c3cc2a74b250ec0.txt", OUTLINE_002),
    ],
)
def test_outline(name, expected):
    assert _outline(name) == expected


def test_sections_span_to_the_next_heading():
    filing = load_filing(FILINGS / "001_e47b350a37731711.txt")
    sections = {s.title: s for s in filing.walk_sections()}
    assert (sections["Financial Review"].first_line, sections["Financial Review"].last_line) == (179, 183)
    notes = sections["Notes to Financial Statements"]
    assert (notes.first_line, notes.last_line) == (599, 1025)
    assert sections["SIGNATURES"].last_line == 1166


def test_tables_hang_under_their_sections():
    filing = load_filing(FILINGS / "001_e47b350a37731711.txt")
    sections = {s.title: s for s in filing.walk_sections()}
    assert sections["2. Segmental information"].tables == (7, 8, 9, 10)
    assert sections["Consolidated Balance Sheet"].tables == (5,)
    assert sections["5b. EBITDA reconciliation"].tables == (13,)
    placed = sorted(i for s in filing.walk_sections() for i in s.tables)
    assert placed == list(range(19))


@pytest.mark.parametrize(
    "name, month, released, title",
    [
        ("000_18845e77b5f2995d.txt", "2004-11", date(2004, 11, 10),
         "COLT DELIVERS NEXT STAGE OF INNOVATION WITH HIGH SPEED LAN-TO-LAN SERVICES"),
        ("001_e47b350a37731711.txt", "2004-07", date(2004, 7, 21),
         "COLT TELECOM GROUP PLC ANNOUNCES RESULTS FOR THE THREE AND SIX MONTHS ENDED 30 JUNE 2004"),
        ("002_3c3cc2a74b250ec0.txt", "2004-07", date(2004, 7, 1), "TRADING UPDATE FROM COLT TELECOM GROUP PLC"),
    ],
)
def test_metadata(name, month, released, title):
    filing = load_filing(FILINGS / name)
    assert (filing.form, filing.company) == ("6-K", "COLT TELECOM GROUP plc")
    assert (filing.report_month, filing.date, filing.title) == (month, released, title)
    assert filing.error is None and filing.warnings == ()
