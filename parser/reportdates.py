"""Periodic reports that name their dates on the page rather than over the columns: a trustee's
distribution statement prints "DISTRIBUTION DATE  26-December-00" and "DETERMINATION DATE
20-December-00" at the foot of the report, and says elsewhere that the reports are monthly.

On such a page a column (or a one-number row) is read by what it holds: amounts distributed,
paid or lost are the flows of the reporting period that ends on the distribution date; a
balance remaining or ending after the distribution is the point in time of that date; a balance
before the distribution, an original face value or a rate has no period of its own here (the
earlier date is not printed); a row "as of the determination date" is that date. This is the
section-or-page level of `evidence`, used only where headers and caption state no period.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import cast

from .dates import MONTHS, expand_year, full_dates
from .model import Period

_NAMED = re.compile(r"^\s*([A-Z][A-Za-z -]{2,30}?)\s+DATE\s*:?\s{2,}(\S.{4,30}?)\s*$")
_DASHED = re.compile(r"^(\d{1,2})-([A-Za-z]{3,9})-(\d{2}|\d{4})$")
_REPORT_START = re.compile(r"^\s*Page\s*:?\s*1\s+of\s+\d+\s*$|^\s*<PAGE>", re.I)
# Each pattern starts with a literal, which re scans for quickly; word starts are checked after.
_FREQUENCY = [
    ((re.compile(r"monthly\s+(?:reports?|statements?|distributions?|payments?)\b"), re.compile(r"this\s+month\b")), 1),
    ((re.compile(r"quarterly\s+(?:reports?|statements?|distributions?)\b"), re.compile(r"this\s+quarter\b")), 3),
]
_RATE = re.compile(r"\brate\b|%|\bpercent", re.I)
_BEFORE = re.compile(r"\bbefore\b|\bbeginning\b|\boriginal\b|\bface\s+value\b|\bprior\b", re.I)
_AFTER = re.compile(r"\bafter\b|\bremaining\b|\bending\b|\bend\s+of\b|\boutstanding\b|\bbalance\b|\btrading\s+factor\b", re.I)
_FLOW = re.compile(
    r"\bdistributions?\b|\binterest\b|\bprincipal\b|\blosses\b|\bpayments?\b|\bthis\s+month\b|\bprepayments\b|"
    r"\bcompensation\b|\badvances\b|\bfactor\b|\bpaid\b",
    re.I,
)
_AS_OF = re.compile(r"\bas\s+of\s+the\s+([a-z -]+?)\s+date\b", re.I)


@dataclass(frozen=True)
class ReportDates:
    """The dates a report names on its page, by name ("DISTRIBUTION"), and how often it reports."""

    named: tuple[tuple[str, date], ...] = ()
    months: int | None = None

    def get(self, name: str) -> date | None:
        return next((day for key, day in self.named if key == name), None)

    @property
    def payment(self) -> date | None:
        """The date the report's flows are paid on."""
        return self.get("DISTRIBUTION") or self.get("PAYMENT")


def frequency(text: str) -> int | None:
    """How often the document says it reports: monthly (1) or quarterly (3)."""
    lowered = text.lower()
    if "month" not in lowered and "quarter" not in lowered:
        return None
    for patterns, months in _FREQUENCY:
        if any(_word_found(pattern, lowered) for pattern in patterns):
            return months
    return None


def _word_found(pattern: re.Pattern[str], text: str) -> bool:
    return any(not text[match.start() - 1:match.start()].isalnum() for match in pattern.finditer(text))


class PageDates:
    """The named dates of a document, found once, looked up per table by the report it stands in."""

    def __init__(self, raw: list[str], months: int | None) -> None:
        self.months = months
        self.starts: list[int] = []
        self.found: list[tuple[int, str, date]] = []
        if months is None:
            return
        for index, line in enumerate(raw):
            if "Page" in line or "PAGE" in line:
                if _REPORT_START.match(line):
                    self.starts.append(index)
            if "DATE" in line:
                match = _NAMED.match(line)
                day = _date(match.group(2)) if match else None
                if day is not None:
                    assert match is not None
                    self.found.append((index, match.group(1).strip().upper(), day))

    def around(self, line: int) -> ReportDates:
        """The dates named in the report (from one "Page 1 of n" to the next) holding a line."""
        if not self.found:
            return ReportDates(months=self.months)
        position = bisect_right(self.starts, line)
        start = self.starts[position - 1] if position else 0
        stop = self.starts[position] if position < len(self.starts) else 1 << 30
        named = tuple((name, day) for index, name, day in self.found if start <= index < stop)
        return ReportDates(named, self.months)


def _date(text: str) -> date | None:
    text = text.strip()
    match = _DASHED.match(text)
    if match:
        month = MONTHS.get(match.group(2).lower().rstrip("."))
        if month is None:
            return None
        try:
            return date(expand_year(match.group(3)), month, int(match.group(1)))
        except ValueError:
            return None
    found = full_dates(text)
    return found[0] if found else None


def report_period(text: str, report: ReportDates) -> tuple[Period | None, str]:
    """The period a column header or a row label names on a report page, and why not when it
    names none."""
    named = _AS_OF.search(text)
    if named and report.get(named.group(1).strip().upper()):
        return Period(cast(date, report.get(named.group(1).strip().upper())), 0), ""
    paid = report.payment
    if paid is None:
        return None, ""
    if _RATE.search(text):
        return None, "a rate"
    if _BEFORE.search(text):
        return None, "the balance before the distribution: its date is not printed"
    if _AFTER.search(text):
        return Period(paid, 0), ""
    if _FLOW.search(text):
        if report.months is None:
            return None, "how often the report is made is not stated"
        return Period(paid, report.months), ""
    return None, ""
