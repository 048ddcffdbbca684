"""Read the parts of a period from one piece of header or caption text: year, day and month,
length, point in time. Pure text reading; which piece of text wins is decided in `evidence`."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import locate

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH = rf"({MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12,
    "thirteen": 13, "twenty-six": 26, "thirty-nine": 39, "fifty-two": 52, "fifty-three": 53,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_DURATION_MONTHS = re.compile(r"\b(\d{1,2}|one|two|three|four|six|nine|twelve)[\s-]+months?\b", re.I)
_DURATION_WEEKS = re.compile(
    r"\b(\d{1,2}|thirteen|twenty-six|thirty-nine|fifty-two|fifty-three)[\s-]+weeks?\b", re.I
)
_YEAR_WORDS = re.compile(r"\b(?:years?|fiscal\s+years?|annual|twelve\s+months)\b", re.I)
_QUARTER_WORD = re.compile(r"\bquarters?\b", re.I)
_HALF_WORD = re.compile(r"\b(?:half[- ]years?|first half|second half|half)\b", re.I)
_NTH_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter\b", re.I)
_INSTANT = re.compile(
    r"^\s*(?:at|as of|as at|balance(?:s)?(?:\s+at|,)?)\b|\bbalance sheets?\b|\bat\s+end\s+of\b|"
    r"\bend\s+of\s+(?:the\s+)?(?:year|period|quarter)\b|\bbeginning\s+of\s+(?:the\s+)?(?:year|period|quarter)\b",
    re.I,
)
_INCEPTION = re.compile(r"\binception\b|\bperiod\s+from\b", re.I)
_RANGE = re.compile(r"(?:19|20)\d\d\s*(?:to|through|thru|-|–)\s+[A-Z]", re.I)  # "June 28, 2001 to Dec. 26, 2001"
DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH + r",?(?:\s+((?:19|20)\d\d))?\b", re.I)
MONTH_DAY = re.compile(r"\b" + MONTH + r"\s+(\d{1,2})\b,?(?:\s*((?:19|20)\d\d))?", re.I)
_MONTH_YEAR = re.compile(r"\b" + MONTH + r",?\s+((?:19|20)\d\d)\b", re.I)
_MONTH_ONLY = re.compile(r"\b" + MONTH + r"(?:\s|,|$)", re.I)
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
QUARTER = re.compile(r"\bQ([1-4])\s*[-']?\s*(\d{2}|\d{4})\b|\b([1-4])Q\s*'?(\d{2}|\d{4})\b", re.I)
_FISCAL_QUARTER = re.compile(r"\bQ([1-4])\s*FY\s*'?(\d{2}|\d{4})\b|\b([1-4])Q\s*FY\s*'?(\d{2}|\d{4})\b", re.I)
_HALF = re.compile(r"\bH([12])\s*'?(\d{2}|\d{4})\b", re.I)
_FISCAL_YEAR = re.compile(r"\bFY\s*'?(\d{2}|\d{4})\b|\bfiscal\s+((?:19|20)\d\d)\b", re.I)
YEAR = re.compile(r"(?<![\d,.$/])((?:19|20)\d\d)(?![\d,%])")
_COMPARED = re.compile(r"^\s*compared\s+(?:to|with)\b", re.I)


def expand_year(text: str) -> int:
    """A printed year, two digits read as 19xx (50-99) or 20xx (00-49)."""
    value = int(text)
    return value + (2000 if value < 50 else 1900) if value < 100 else value


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), kept at month end when it was one."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, month + 1, last if at_end else min(day.day, last))


def months_between(start: date, end: date) -> int:
    """Whole months from one date to another, rounded to the nearest month."""
    return max(0, round((end - start).days / 30.44))


@dataclass
class DateParts:
    """What one text says about a period; None (or False) where it says nothing."""

    year: int | None = None
    years: list[int] = field(default_factory=list)
    day_month: tuple[int | None, int] | None = None
    dates: list[date] = field(default_factory=list)
    months: int | None = None
    instant: bool = False
    quarter: int | None = None
    start: date | None = None

    @property
    def empty(self) -> bool:
        """True when the text says nothing about a period."""
        return (self.year is None and self.day_month is None and self.months is None
                and not self.instant and self.quarter is None)


def read_parts(text: str) -> DateParts:
    """The period parts one line of text states."""
    parts = DateParts()
    if _COMPARED.match(text):
        return parts
    parts.months = _duration(text)
    parts.instant = bool(_INSTANT.search(text))
    nth = _NTH_QUARTER.search(text)
    if nth:
        parts.quarter = _ORDINALS[nth.group(1).lower()]
        parts.months = 3
    _read_dates(text, parts)
    parts.years = [int(y) for y in YEAR.findall(text)]
    if parts.years and parts.year is None:
        parts.year = parts.years[-1]
    ranged = len(parts.dates) == 2 and parts.dates[0] < parts.dates[1] and _RANGE.search(text)
    if (_INCEPTION.search(text) or ranged) and len(parts.dates) >= 2:
        parts.start, end = parts.dates[0], parts.dates[-1]
        parts.months = months_between(parts.start, end)
        parts.year, parts.day_month = end.year, (end.day, end.month)
    return parts


def _duration(text: str) -> int | None:
    match = _DURATION_MONTHS.search(text)
    if match:
        word = match.group(1).lower()
        return int(word) if word.isdigit() else _NUMBER_WORDS[word]
    match = _DURATION_WEEKS.search(text)
    if match:
        word = match.group(1).lower()
        weeks = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        return max(1, round(weeks / 4.345))
    if _QUARTER_WORD.search(text):
        return 3
    if _HALF_WORD.search(text):
        return 6
    if _YEAR_WORDS.search(text):
        return 12
    return None


def _read_dates(text: str, parts: DateParts) -> None:
    fiscal_quarter = _FISCAL_QUARTER.search(text)  # "Q3 FY98": the third quarter of fiscal 1998
    if fiscal_quarter:
        parts.year = expand_year(fiscal_quarter.group(2) or fiscal_quarter.group(4))
        parts.quarter, parts.months = int(fiscal_quarter.group(1) or fiscal_quarter.group(3)), 3
        return
    quarter = QUARTER.search(text)
    if quarter:
        number = int(quarter.group(1) or quarter.group(3))
        parts.year = expand_year(quarter.group(2) or quarter.group(4))
        parts.quarter, parts.months = number, 3
        return
    half = _HALF.search(text)
    if half:
        year = expand_year(half.group(2))
        parts.year, parts.day_month, parts.months = year, (None, int(half.group(1)) * 6), 6
        return
    fiscal = _FISCAL_YEAR.search(text)
    if fiscal:
        parts.year = expand_year(fiscal.group(1) or fiscal.group(2))
        parts.months = 12
    slash = _SLASH_DATE.search(text)
    if slash:
        month, day, year = int(slash.group(1)), int(slash.group(2)), expand_year(slash.group(3))
        found = safe_date(year, month, day)
        if found:
            parts.day_month, parts.year, parts.dates = (day, month), year, [found]
        return
    parts.dates = full_dates(text)
    for pattern, day_group, month_group in ((DAY_MONTH, 1, 2), (MONTH_DAY, 2, 1)):
        match = pattern.search(text)
        if match and 1 <= int(match.group(day_group)) <= 31:
            month = MONTHS[match.group(month_group).lower().rstrip(".")]
            parts.day_month = (int(match.group(day_group)), month)
            if match.group(3):
                parts.year = int(match.group(3))
            return
    match = _MONTH_YEAR.search(text) or _MONTH_ONLY.search(text)
    if match:
        parts.day_month = (None, MONTHS[match.group(1).lower().rstrip(".")])


def full_dates(text: str) -> list[date]:
    """Every complete date (day, month and year) printed in the text, in order."""
    found: list[tuple[int, date]] = []
    for match in MONTH_DAY.finditer(text):
        if match.group(3):
            day = safe_date(int(match.group(3)), MONTHS[match.group(1).lower().rstrip(".")], int(match.group(2)))
            if day:
                found.append((match.start(), day))
    for match in DAY_MONTH.finditer(text):
        if match.group(3):
            day = safe_date(int(match.group(3)), MONTHS[match.group(2).lower().rstrip(".")], int(match.group(1)))
            if day:
                found.append((match.start(), day))
    return [day for _, day in sorted(found)]


def shared_month_days(text: str) -> list[tuple[int, int, list[int]]]:
    """Month-day phrases that several years share: "June 30, 1999, 1998 and 1997" gives
    (30, 6, [1999, 1998, 1997])."""
    found = []
    pattern = re.compile(r"\b" + MONTH + r"\s+(\d{1,2}),?\s+((?:(?:19|20)\d\d(?:,|\s|and)*)+)", re.I)
    for match in pattern.finditer(text):
        years = [int(y) for y in re.findall(r"(?:19|20)\d\d", match.group(3))]
        if len(years) > 1:
            found.append((int(match.group(2)), MONTHS[match.group(1).lower().rstrip(".")], years))
    return found


_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_WEEKDAY_WORDS = tuple(_WEEKDAYS)
_LAST_WEEKDAY = re.compile(
    r"(?:(?<=last\s)|(?<=final\s))(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:in|of)\s+" + MONTH, re.I
)
_NEAREST_WEEKDAY = re.compile(
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:nearest|closest)\s+(?:to\s+)?"
    r"(?:the\s+(?:last\s+day|end)\s+of\s+)?" + MONTH + r"(?:\s+(\d{1,2})\b)?",
    re.I,
)


def week_rule(text: str) -> tuple[str, int, int, int | None] | None:
    """The rule a 52/53-week fiscal year ends by, as the filing words it: ("last", weekday,
    month, None) for "the last Wednesday in December", ("nearest", weekday, month, day) for "the
    Saturday nearest January 31" (day None: the month's end)."""
    lowered = text.lower()
    if "last" in lowered or "final" in lowered:
        match = locate.search(_LAST_WEEKDAY, text, _WEEKDAY_WORDS)
        if match and _about_year(lowered, match.start()):
            return "last", _WEEKDAYS[match.group(1).lower()], MONTHS[match.group(2).lower().rstrip(".")], None
    if "nearest" in lowered or "closest" in lowered:
        match = locate.search(_NEAREST_WEEKDAY, text, _WEEKDAY_WORDS)
        if match and _about_year(lowered, match.start()):
            day = int(match.group(3)) if match.group(3) else None
            return "nearest", _WEEKDAYS[match.group(1).lower()], MONTHS[match.group(2).lower().rstrip(".")], day
    return None


def _about_year(lowered: str, position: int) -> bool:
    """True when the words before a week rule speak of the fiscal year ("fiscal year ends on")."""
    return bool(re.search(r"\byear\b|\b5[23][\s-]+weeks?\b", lowered[max(0, position - 120):position]))


def week_rule_date(rule: tuple[str, int, int, int | None], year: int) -> date:
    """The day a week rule names in a year: the last such weekday of the month, or the one
    nearest the stated day (which may fall in the next month)."""
    how, weekday, month, day = rule
    end = month_end(year, month)
    if how == "last":
        return end - timedelta(days=(end.weekday() - weekday) % 7)
    target = safe_date(year, month, day) if day else end
    target = target or end
    behind = (target.weekday() - weekday) % 7
    return target - timedelta(days=behind) if behind <= 3 else target + timedelta(days=7 - behind)
