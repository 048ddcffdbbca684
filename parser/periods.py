"""Read a column's period, currency, scale and qualifier from its header lines."""

from __future__ import annotations

import calendar
from functools import lru_cache
import re
from datetime import date

from .model import Period

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12,
                 "thirteen": 13, "twenty-six": 26, "thirty-nine": 39, "fifty-two": 52, "fifty-three": 53}

_DURATION_MONTHS = re.compile(r"\b(\d{1,2}|one|two|three|four|six|nine|twelve)[\s-]+months?\b", re.I)
_DURATION_WEEKS = re.compile(r"\b(\d{1,2}|thirteen|twenty-six|thirty-nine|fifty-two|fifty-three)[\s-]+weeks?\b", re.I)
_YEAR_WORDS = re.compile(r"\b(?:years?|fiscal|annual|twelve months)\b", re.I)
_QUARTER_WORD = re.compile(r"\bquarters?\b", re.I)
_HALF_WORD = re.compile(r"\b(?:half[- ]year|first half|second half|half)\b", re.I)
_INSTANT = re.compile(r"^\s*(?:at|as of|as at|balance at)\b|\bbalance sheet\b", re.I)
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?(?:\s+((?:19|20)\d\d))?\b", re.I)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})\b,?(?:\s*((?:19|20)\d\d))?", re.I)
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+((?:19|20)\d\d)\b", re.I)
_MONTH_ONLY = re.compile(r"\b" + _MONTH + r"(?:\s|,|$)", re.I)
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_QUARTER = re.compile(r"\bQ([1-4])\s*[-']?\s*(\d{2}|\d{4})\b|\b([1-4])Q\s*'?(\d{2}|\d{4})\b", re.I)
_HALF = re.compile(r"\bH([12])\s*'?(\d{2}|\d{4})\b", re.I)
_YEAR = re.compile(r"(?<![\d,.$])((?:19|20)\d\d)(?![\d,])")
NOT_A_PERIOD = re.compile(r"growth|change|variance|increase|decrease|%|\bvs\.?\b|versus|\bratio\b", re.I)
_COMPARED = re.compile(r"^\s*compared\s+(?:to|with)\b", re.I)

_UNITS = [
    (re.compile(r"(?:GBP|£)\s*'?000|(?:GBP|£)\s*thousands?", re.I), "GBP", 1000),
    (re.compile(r"(?:GBP|£)\s*m\b|(?:GBP|£)\s*millions?", re.I), "GBP", 1_000_000),
    (re.compile(r"(?:GBP|£)\s*(?:bn|billions?)\b", re.I), "GBP", 1_000_000_000),
    (re.compile(r"(?:EUR|€)\s*'?000", re.I), "EUR", 1000),
    (re.compile(r"(?:EUR|€)\s*m\b|(?:EUR|€)\s*millions?", re.I), "EUR", 1_000_000),
    (re.compile(r"(?:US)?\$\s*'?000\b", re.I), "USD", 1000),
    (re.compile(r"(?:US)?\$\s*m\b|(?:US)?\$\s*millions?", re.I), "USD", 1_000_000),
    (re.compile(r"dollars\s+in\s+thousands|thousands\s+of\s+(?:U\.?S\.?\s+)?dollars|\(\$\s*000'?s?\)", re.I), "USD", 1000),
    (re.compile(r"dollars\s+in\s+millions|millions\s+of\s+(?:U\.?S\.?\s+)?dollars|in\s+millions\s+of\s+dollars", re.I), "USD", 1_000_000),
    (re.compile(r"pounds\s+in\s+thousands|thousands\s+of\s+pounds", re.I), "GBP", 1000),
    (re.compile(r"\bin\s+thousands\b|\(000'?s?\s+omitted\)|\(\s*'?000'?s?\s*\)|\bthousands\b", re.I), None, 1000),
    (re.compile(r"\bin\s+millions\b|\bmillions\b", re.I), None, 1_000_000),
    (re.compile(r"\bin\s+billions\b|\bbillions\b", re.I), None, 1_000_000_000),
    (re.compile(r"^\s*(?:US)?\$\s*$|^\s*\(\$\)\s*$"), "USD", 1),
    (re.compile(r"^\s*(?:GBP|£)\s*$"), "GBP", 1),
    (re.compile(r"\bdollars\b|\bU\.S\.\s*\$", re.I), "USD", 1),
]
_ANY_UNIT = re.compile(r"GBP|£|EUR|€|\$|'?000|thousand|million|billion|dollar|pound|\bbn\b|\bm\b", re.I)
_QUALIFIER_NOISE = re.compile(r"^\(?\d\)?$|^\([a-z]{1,4}\)$|^\(?unaudited\)?$|^\(?audited\)?$", re.I)


def _year(text: str) -> int:
    value = int(text)
    return value + (2000 if value < 50 else 1900) if value < 100 else value


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class _Parts:
    """Period components found in header text, the lowest line winning."""

    def __init__(self) -> None:
        self.months: int | None = None
        self.instant = False
        self.day_month: tuple[int | None, int] | None = None
        self.year: int | None = None
        self.direct: Period | None = None

    def read(self, text: str) -> None:
        """Take the components one header line states."""
        if _COMPARED.match(text):
            return
        self._read_duration(text)
        if _INSTANT.search(text):
            self.instant = True
        self._read_date(text)
        years = _YEAR.findall(text)
        if years:
            self.year = int(years[-1])

    def _read_duration(self, text: str) -> None:
        match = _DURATION_MONTHS.search(text)
        if match:
            word = match.group(1).lower()
            self.months = int(word) if word.isdigit() else _WORD_NUMBERS[word]
            return
        match = _DURATION_WEEKS.search(text)
        if match:
            word = match.group(1).lower()
            weeks = int(word) if word.isdigit() else _WORD_NUMBERS[word]
            self.months = max(1, round(weeks / 4.33))
            return
        if _QUARTER_WORD.search(text):
            self.months = 3
        elif _HALF_WORD.search(text):
            self.months = 6
        elif _YEAR_WORDS.search(text):
            self.months = 12

    def _read_date(self, text: str) -> None:
        quarter = _QUARTER.search(text)
        if quarter:
            number = int(quarter.group(1) or quarter.group(3))
            year = _year(quarter.group(2) or quarter.group(4))
            self.direct = Period(_month_end(year, number * 3), 3)
            return
        half = _HALF.search(text)
        if half:
            year = _year(half.group(2))
            self.direct = Period(_month_end(year, int(half.group(1)) * 6), 6)
            return
        slash = _SLASH_DATE.search(text)
        if slash:
            month, day, year = int(slash.group(1)), int(slash.group(2)), _year(slash.group(3))
            self.day_month, self.year = (day, month), year
            return
        for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
            match = pattern.search(text)
            if match:
                month = _MONTHS[match.group(month_group).lower().rstrip(".")]
                self.day_month = (int(match.group(day_group)), month)
                return
        match = _MONTH_YEAR.search(text) or _MONTH_ONLY.search(text)
        if match:
            self.day_month = (None, _MONTHS[match.group(1).lower().rstrip(".")])


@lru_cache(maxsize=4096)
def column_period(
    label: tuple[str, ...], context: str, year_end: tuple[int, int] | None = None, instant: bool = False
) -> Period | None:
    """The period of a column from its header lines, with the table's title as a fallback.

    `year_end` (day, month) is an annual report's fiscal year end: a bare year column there is
    that fiscal year, or (when `instant`, in a balance sheet) its closing date.
    """
    joined = " ".join(label)
    if NOT_A_PERIOD.search(joined):
        return None
    parts = _Parts()
    for text in label:
        parts.read(text)
    if parts.direct is not None:
        return parts.direct
    fallback = _Parts()
    fallback.read(context)
    months = parts.months if parts.months is not None else fallback.months
    day_month = parts.day_month or fallback.day_month
    year = parts.year
    if year is None and parts.day_month is None and parts.months is None and len(set(_YEAR.findall(context))) == 1:
        year = fallback.year
    if year is None:
        return None
    if day_month is None:
        if year_end is not None and months in (None, 12):
            day_month = year_end
            months = months if months is not None else (0 if instant else 12)
        elif months == 12:
            day_month = (31, 12)
        else:
            return None
    day, month = day_month
    end = _safe_date(year, month, day) if day else _month_end(year, month)
    if end is None:
        return None
    if parts.instant or (months is None and (fallback.instant or day_month is not None)):
        return Period(end, 0)
    return Period(end, months or 0)


@lru_cache(maxsize=4096)
def column_unit(label: tuple[str, ...], context: str) -> tuple[str | None, int | None]:
    """(currency, scale) from a column's header lines; None where they say nothing."""
    found = _match_unit(" | ".join(label), per_line=label)
    if found != (None, None):
        return found
    return _match_unit(context, per_line=[])


def _match_unit(text: str, per_line) -> tuple[str | None, int | None]:
    if not _ANY_UNIT.search(text):
        return None, None
    currency: str | None = None
    scale: int | None = None
    for pattern, code, multiplier in _UNITS:
        sources = per_line if pattern.pattern.startswith("^") else [text]
        if any(pattern.search(source) for source in sources):
            currency = currency or code
            if scale is None and (multiplier != 1 or code is not None):
                scale = multiplier if multiplier != 1 or scale is None else scale
            if currency and scale:
                break
    return currency, scale


@lru_cache(maxsize=4096)
def column_qualifier(label: tuple[str, ...]) -> str:
    """The header words that are neither period nor unit: "Before Exceptional Items", "Actual"."""
    words: list[str] = []
    for text in label:
        if _COMPARED.match(text):
            continue
        stripped = text.strip()
        if _QUALIFIER_NOISE.match(stripped):
            continue
        if _ANY_UNIT.search(stripped) and any(p.search(stripped) for p, _, _ in _UNITS):
            continue
        if _YEAR.fullmatch(stripped) or _QUARTER.search(stripped) or _DURATION_MONTHS.search(stripped):
            continue
        if _DAY_MONTH.search(stripped) or _MONTH_DAY.search(stripped) or _INSTANT.search(stripped):
            continue
        if re.fullmatch(r"(?:ended|ending|months?|weeks?|year|" + _MONTH + r"|\d{1,2},?)(?:\s+\S+)?", stripped, re.I):
            continue
        words.append(stripped)
    return " ".join(words)
