"""Which date a fiscal year's name stands for, where the filing says so in words.

A retailer's "Fiscal 1998" ended January 30, 1999; a utility's "1998" ended December 31, 1998;
a fiscal year that ends in the first months of a calendar year is named by the year it starts
in by some filers and by the year it ends in by others. So the filing's own sentences decide:
"Fiscal 1995 ended February 3, 1996", "'Fiscal 1998,' 'Fiscal 1997' and 'Fiscal 1996' refer to
the fiscal years ended January 30, 1999, January 31, 1998 and February 1, 1997", "The quarters
of Fiscal 1998 ended May 2, 1998, August 1, 1998, October 31, 1998 and January 30, 1999".
"""

from __future__ import annotations

import re
from datetime import date

from . import locate
from .dates import MONTH, full_dates

_DATE = MONTH + r"\s+\d{1,2},?\s+(?:19|20)\d\d"
_DATES = rf"{_DATE}(?:\s*,\s*(?:and\s+)?{_DATE}|\s+and\s+{_DATE})*"
_FISCAL = r"fiscal\s+(?:year\s+)?((?:19|20)\d\d)"
_ONE = re.compile(
    rf"{_FISCAL}[\"',]*\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:which\s+)?(?:ended|ending|ends|will\s+end)\s+(?:on\s+)?({_DATE})", re.I
)
_PART_OF = re.compile(r"\b(?:quarters?|months?|weeks?|periods?|halves|half)\s+of\s+(?:fiscal\s+(?:19|20)\d\d\s+and\s+)?$", re.I)
_LIST = re.compile(
    rf"((?:[\"']?{_FISCAL}[,\"']*\s*(?:,|and)?\s*)+)\s*(?:refers?|relate)\s+to\s+the\s+(?:fiscal\s+)?(?:years?|periods?)\s+"
    rf"(?:ended|ending)\s+({_DATES})",
    re.I,
)
_QUARTERS = re.compile(rf"quarters\s+of\s+{_FISCAL}\s+(?:ended|ending)\s+({_DATES})", re.I)


def fiscal_names(text: str) -> tuple[dict[int, date], dict[int, tuple[date, ...]]]:
    """(year name -> the date that fiscal year ended, year name -> its quarters' end dates)."""
    if "iscal" not in text:
        return {}, {}
    flat = " ".join(text.split())
    years: dict[int, date] = {}
    quarters: dict[int, tuple[date, ...]] = {}
    for match in locate.finditer(_LIST, flat, ('"fiscal', "'fiscal", "fiscal")):
        names = [int(y) for y in re.findall(r"(?:19|20)\d\d", match.group(1))]
        ends = full_dates(match.group(3))
        if len(names) == len(ends):
            years.update(zip(names, ends))
    for match in locate.finditer(_ONE, flat, ("fiscal",)):
        found = full_dates(match.group(2))
        if _PART_OF.search(flat[max(0, match.start() - 60):match.start()]):
            continue  # "the third quarters of fiscal 1998 and fiscal 1997 ended on March 29, 1998 and ..."
        if found:
            years.setdefault(int(match.group(1)), found[0])
    for match in locate.finditer(_QUARTERS, flat, ("quarters",)):
        ends = full_dates(match.group(2))
        if len(ends) == 4:
            quarters[int(match.group(1))] = tuple(ends)
            years.setdefault(int(match.group(1)), ends[-1])
    return years, quarters
