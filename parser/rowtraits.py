"""What a row's label (and the groups over it) says about its numbers, above what its column says.

- Kind and unit: share counts, per-share amounts, percentages, ratios and other counts
  (employees, KWH, holders) get their own kind; share counts keep the scale their label or the
  caption gives them ("(in thousands)"), per-share amounts, percentages and ratios have none.
- Period: a balance row under a column of periods ("Cash at end of year", "Total assets" in
  selected data) is the point in time at the period's end, a "beginning of year" row the one at
  its start; a row that prints its own date ("Balance, June 30, 1999") is that point in time; a
  quarter row ("First quarter") under a fiscal-year column is that quarter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import cast
from datetime import date, timedelta

from .dates import MONTH, full_dates, read_parts
from .model import CellKind
from .units import read_unit

_PER_SHARE = re.compile(
    r"per\s+(?:\w+\s+){0,3}(?:share|ADS|ADR|unit)\b|\bEPS\b|earnings\s+per\b|\bper\s+common\b|"
    r"\(in\s+dollars\)|\bprice\s+range\b|\bstock\s+prices?\b|\bmarket\s+prices?\b|\bshare\s+prices?\b|"
    r"\bsales\s+prices?\b|\bexercise\s+price\b|\bprice\s+per\b|\bbook\s+value\s+per\b",
    re.I,
)
_SHARE_COUNT = re.compile(
    r"^(?:basic\s+|diluted\s+|primary\s+|fully\s+diluted\s+)?(?:and\s+diluted\s+)?(?:common\s+|ordinary\s+)?"
    r"(?:weighted[\s-]+average|average|number\s+of)\b.*\b(?:shares|stock|ADSs?)\b"
    r"|^(?:common\s+|ordinary\s+)?shares\s+(?:used|outstanding|issued\s+and\s+outstanding)\b|\bnumber\s+of\s+(?:common\s+|ordinary\s+)?shares\b"
    r"|^(?:end\s+of\s+(?:the\s+)?period|period[\s-]end|year[\s-]end)\s+(?:common\s+)?shares\b|^shares\s+\(in\s+(?:thousands|millions)\)"
    r"|\bshares\s+outstanding\b",
    re.I,
)
_WEAK_SHARES = re.compile(r"^(?:common\s+|ordinary\s+)?shares\b(?!\s+(?:held|of\s+subsidiar|in\s+treasury|to\s+be|premium|capital))", re.I)
_SHARE_WORDS = re.compile(r"\bshares\b|\bstock\s+outstanding\b", re.I)
_MONEY_WORDS = re.compile(r"\bat\s+cost\b|\bpar\s+value\b|\bamount\b|\bcapital\b|\$", re.I)
_SUB_ROWS = re.compile(r"^(?:basic|diluted|primary|fully\s+diluted|assuming\s+dilution)\b", re.I)
_OTHER_COUNT = re.compile(
    r"\bemployees\b|\bheadcount\b|\bholders\s+of\s+record\b|\bshareholders\s+of\s+record\b|\bnumber\s+of\b|"
    r"\bcustomers\b(?!\s+(?:deposits|advances))|\bsubscribers\b|\bkwh\b|\bkilowatt[\s-]hours?\b|\bmwh\b|\bstores\b|"
    r"\bloans\s+in\b|\bbarrels\b|\bunits\s+(?:sold|shipped)\b|\bentry\s+total\b|\bentries\b|"
    r"\b(?:restaurants|stores|units|branches|offices|locations|outlets|hotels|theat(?:re|er)s|clubs|cent(?:er|re)s)\s+"
    r"(?:open|in\s+operation|operated|in\s+service)\b|\b(?:aircraft|vessels|rigs)\s+(?:in\s+service|operated)\b",
    re.I,
)
_PERCENT = re.compile(
    r"\(%\)|\bpercent(?:age)?\b|%\s*$|\bas\s+a\s+%|\bmargin\s*%|\brate\s*\(%\)|"
    r"\b(?:interest|tax|discount|coupon|pass-through|effective|statutory|dividend|growth|default|prepayment)\s+rates?\b",
    re.I,
)
_RATIO = re.compile(r"\bratio\b|\(times\)|\btimes\s+covered\b|\bcoverage\b|\bfactor\b", re.I)
_SCALE_WORDS = [
    (re.compile(r"\(\s*in\s+thousands\s*\)|\(\s*thousands\s*\)|\(\s*'?000'?s?\s*\)|\bin\s+thousands\b|\bthousands\s+of\b|"
                r"\(\s*'?000'?s\s+[a-z]", re.I), 1000),
    (re.compile(r"\(\s*(?:in\s+)?millions?\s*\)|\bin\s+millions\b|\bmillions\s+of\b|\(\s*000,000\s*\)", re.I), 1_000_000),
    (re.compile(r"\(\s*in\s+billions\s*\)|\bin\s+billions\b|\bbillions\s+of\b", re.I), 1_000_000_000),
]
_END = re.compile(
    r"\b(?:at|as\s+of)\s+(?:the\s+)?end\s+of\b|\bend\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:year|period|quarter|month)\b|"
    r"\b(?:at|as\s+of)\s+year[\s-]end\b|\byear[\s-]end\b|\boutstanding\s+at\b|^\s*balances?\s*(?:at|,|-|\s*$)|"
    r"\bclosing\s+(?:balance|equity)\b",
    re.I,
)
_START = re.compile(
    r"\bbeginning\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:year|period|quarter|month)\b|\bat\s+beginning\b|\bopening\s+(?:balance|equity)\b",
    re.I,
)
_BALANCE_ITEM = re.compile(
    r"^(?:total\s+assets|identifiable\s+assets|total\s+liabilities|long[\s-]term\s+(?:debt|borrowings|obligations)|"
    r"(?:total\s+)?(?:share|stock)(?:holders|owners)'?\s+(?:equity|investment)|share\s+owners'?\s+equity|"
    r"working\s+capital|total\s+debt|total\s+capitali[sz]ation|book\s+value|total\s+borrowings|"
    r"shares\s+outstanding|common\s+shares\s+outstanding|(?:number\s+of\s+)?employees|total\s+deposits|"
    r"ratio\s+of\s+debt|debt\s+to\s+(?:equity|capital)|total\s+debt\s*/|property,\s+plant\s+and\s+equipment\b(?!.*(?:additions|expenditures)))",
    re.I,
)
_PERIOD_ROW = re.compile(
    r"^(?:(?:three|six|nine|twelve|\d{1,2})[\s-]+months|(?:fiscal\s+)?years?|quarters?|(?:thirteen|twenty-six|thirty-nine|fifty-two|\d{2})[\s-]+weeks)\s+(?:ended|ending)\b",
    re.I,
)
_FLOW_MEASURE = re.compile(
    r"\breturn\s+on\b|\bmargin\b|\bturnover\b|\bgrowth\b|\b(?:net\s+)?(?:income|earnings|loss)\s+per\b|"
    r"\bearned\s+on\b|\bfor\s+the\s+(?:year|period|quarter)\b|\bduring\s+the\b",
    re.I,
)
_AVERAGE = re.compile(r"\baverage\b|\bper\s+share\b|\bearned\s+on\b|\breturn\s+on\b", re.I)
_QUARTER_ROW = re.compile(r"^(first|second|third|fourth|1st|2nd|3rd|4th)(?:\s+(?:fiscal\s+)?quarter)?\b", re.I)
_YEAR_ROW = re.compile(r"^(?:fiscal\s+)?year\b|^total\s+(?:fiscal\s+)?year\b|^full\s+year\b", re.I)
_MONTH_DAY_ONLY = re.compile(r"\b" + MONTH + r"\s+(\d{1,2})\b(?!,?\s*(?:19|20)\d\d)", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@dataclass(frozen=True)
class RowTraits:
    """What a row's label says, read once per row."""

    kind: CellKind | None = None
    scale: int | None = None
    shares: bool = False
    weak_shares: bool = False
    at_end: bool = False
    at_start: bool = False
    balance_item: bool = False
    date: date | None = None
    month_day: tuple[int, int] | None = None
    quarter: int | None = None
    year_row: bool = False
    group_year: int | None = None
    group_year_end: tuple[int, int] | None = None
    flow_measure: bool = False
    months: int | None = None
    label: str = ""
    money: tuple[str | None, int] | None = None


@lru_cache(maxsize=8192)
def read_row(label: str, group: tuple[str, ...]) -> RowTraits:
    """The traits of a row from its label and the groups over it."""
    text = " ".join(label.split())
    groups = " ".join(group)
    kind, shares = _kind(text, group)
    scale = _scale(text) or (_scale(groups) if kind != CellKind.PER_SHARE else None)
    dates = full_dates(text)
    quarter = _QUARTER_ROW.match(text)
    month_day = None
    at_date = not dates and _AT_DAY.search(text)
    if not dates and (_END.search(text) or at_date):
        found = read_parts(text).day_month
        if found and found[0]:
            month_day = (found[0], found[1])
    group_year, group_year_end = _group_year(group)
    money = _MONEY_UNIT.search(text)
    unit = read_unit(money.group()) if money else None
    price = _PRICE_PER_UNIT.search(text)
    return RowTraits(
        money=(unit.currency, unit.scale) if unit and unit.scale else (_price_currency(price), 1) if price else None,
        label=text,
        months=read_parts(text).months if _PERIOD_ROW.match(text) else None,
        flow_measure=bool(_FLOW_MEASURE.search(text)),
        group_year=group_year,
        group_year_end=group_year_end,
        weak_shares=kind is None and bool(_WEAK_SHARES.match(text)) and not _MONEY_WORDS.search(text),
        kind=kind,
        scale=scale,
        shares=shares,
        at_end=bool(_END.search(text) or at_date or (group and _END.search(group[-1]) and not _START.search(group[-1])))
        and not _START.search(text),
        at_start=bool(_START.search(text)),
        balance_item=bool(_BALANCE_ITEM.search(text)) and (not _AVERAGE.search(text) or bool(_BOOK_VALUE.match(text))),
        date=balance_day(dates[-1]) if dates and _dated_balance(text) else None,
        month_day=month_day,
        quarter=_ORDINALS[quarter.group(1).lower()] if quarter and len(text.split()) <= 3 else None,
        year_row=bool(_YEAR_ROW.match(text)) and len(text.split()) <= 3,
    )


_GROUP_YEAR = re.compile(r"^(?:fiscal\s+)?(?:(?:fiscal\s+)?years?\s+ended\s+(?P<date>.*?),?\s+)?(?P<year>(?:19|20)\d\d)\s*:?$", re.I)


_MONEY_UNIT = re.compile(
    r"\((?:in\s+)?(?:£|\$|GBP|US\$|EUR|€|USD)\s*(?:m|bn|'?000|millions?|thousands?|billions?)\)", re.I
)
_UNIT_NOUN = r"(?:ounce|oz|barrel|bbl|ton|tonne|pound|lb|mcf|mmbtu|gallon|kwh|mwh|square\s+foot|sq\.?\s*ft)\b"
_PRICE_PER_UNIT = re.compile(
    rf"\((?:in\s+)?(?P<currency>US\$|U\.S\.\s*\$|C\$|Cdn\$|A\$|\$|£|€)?\s*(?:per|/)\s*(?:{_UNIT_NOUN}|unit\b)\.?\)"
    rf"|\b(?:cost|price|revenue|margin|value)s?\b[^()]*\bper\s+{_UNIT_NOUN}(?:[^()]*\((?P<named>US\$|C\$|Cdn\$|A\$|£|€)\))?",
    re.I,
)
_BOOK_VALUE = re.compile(r"(?:tangible\s+)?book\s+value\b", re.I)


def _price_currency(price: re.Match[str]) -> str | None:
    """The currency a price per unit names ("(US$ per ounce)"); a bare "$" is the table's."""
    printed = price.group("currency") or price.group("named")  # "Cash cost per ounce of gold (US$)"
    return read_unit(printed).currency if printed and printed != "$" else None


_AT_DAY = re.compile(r"\b(?:at|as\s+(?:of|at))\s+(?:\d{1,2}\s+" + MONTH + r"|" + MONTH + r"\s+\d{1,2})\b", re.I)
_DATED = re.compile(r"^\s*(?:balances?|outstanding|as\s+of|at|end\s+of)\b", re.I)
_DATE_TEXT = re.compile(r"\b" + MONTH + r"\s+\d{1,2},?\s+(?:19|20)\d\d|\b\d{1,2}\s+" + MONTH + r",?\s+(?:19|20)\d\d", re.I)


def balance_day(day: date | None) -> date | None:
    """A balance at the first of a month ("Balance at January 1, 1996") is the one at the end of
    the month before."""
    return day - timedelta(days=1) if day is not None and day.day == 1 else day


def _dated_balance(text: str) -> bool:
    """A row that is a balance at a printed date ("Balance, June 30, 1999", "Outstanding,
    December 31, 1997", "December 31, 1996"), not a long label that mentions dates."""
    if _DATED.match(text):
        return True
    rest = _DATE_TEXT.sub(" ", text)
    return len(re.findall(r"[A-Za-z]+", rest)) <= 2


def _group_year(group: tuple[str, ...]) -> tuple[int | None, tuple[int, int] | None]:
    """The fiscal year a row heading names ("1993", "Fiscal Year Ended June 30, 1999")."""
    for text in reversed(group):
        match = _GROUP_YEAR.match(" ".join(text.split()))
        if match:
            year_end = None
            if match.group("date"):
                parts = read_parts(match.group("date"))
                if parts.day_month and parts.day_month[0]:
                    year_end = (parts.day_month[0], parts.day_month[1])
            return int(match.group("year")), year_end
    return None, None


_QUOTED_PRICE = re.compile(r"(?:at|of)\s+\$\s*[\d.]+\s+per\s+share|\([^()]*\$\s*[\d.]+[^()]*\bper\s+share\b[^()]*\)", re.I)


def _kind(label: str, groups: tuple[str, ...]) -> tuple[CellKind | None, bool]:
    """(kind, is a share count) the label or its groups give the row's numbers."""
    label = _QUOTED_PRICE.sub(" ", label)
    if _PRICE_PER_UNIT.search(label):
        return None, False  # a price per ounce, barrel, ...: money (see `money`)
    count = _SHARE_COUNT.search(label)
    if count and not _MONEY_WORDS.search(label) and (count.start() == 0 or not _PER_SHARE.search(label)):
        return CellKind.COUNT, True
    if _PER_SHARE.search(label):
        return CellKind.PER_SHARE, False
    if _RATIO.search(label):
        return CellKind.RATIO, False
    if _PERCENT.search(label):
        return CellKind.PERCENT, False
    if _OTHER_COUNT.search(label) and not _MONEY_WORDS.search(label) and not re.search(r"\bcost|\bexpense|\bamount|\bvalue", label, re.I):
        return CellKind.COUNT, False
    words = _MEASURE_WORDS.search(label)
    if words and _MEASURE_NOUNS.search(words.group(1)) and not _MONEY_WORDS.search(label):
        return CellKind.COUNT, False  # "Gold production (ounces)"
    for heading in reversed(groups):
        count = _SHARE_COUNT.search(heading)
        if count and (count.start() == 0 or not _PER_SHARE.search(heading)):
            return (CellKind.COUNT, True) if _SUB_ROWS.match(label) else (None, False)
        if _measured(heading) and not _MONEY_WORDS.search(label):
            return CellKind.COUNT, False
        if _PER_SHARE.search(heading) and not _SHARE_WORDS.search(label):
            return CellKind.PER_SHARE, False
    return None, False


_MEASURE_WORDS = re.compile(r"\((?:'?000'?s\s+|thousands\s+of\s+|millions\s+of\s+)?([a-z][a-z -]{2,30})\)\s*:?$", re.I)
_MEASURE_NOUNS = re.compile(
    r"\b(?:days|tons|tonnes|barrels|units|kwhs?|mwhs?|gwhs?|therms|dekatherms|mcf|bcf|ounces|feet|acres|miles|"
    r"gallons|employees|customers|subscribers|stores|hours|passengers|vehicles|beds|rooms|lines|accounts|policies|"
    r"pounds|lbs|grams|kilograms|carats|bushels|acres|hectares)\b",
    re.I,
)


def _measured(heading: str) -> bool:
    """A heading that names what its rows count ("Electric sales (millions of KWH)", "Average
    customers (thousands)", "Weather (degree days)") rather than money."""
    if read_unit(heading).measure or (_OTHER_COUNT.search(heading) and not _MONEY_WORDS.search(heading)):
        return True
    words = _MEASURE_WORDS.search(heading)
    return bool(words) and bool(_MEASURE_NOUNS.search(cast("re.Match[str]", words).group(1)))


def _scale(text: str) -> int | None:
    for pattern, scale in _SCALE_WORDS:
        if pattern.search(text):
            return scale
    return None
