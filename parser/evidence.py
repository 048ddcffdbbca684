"""How a column gets its period and unit: the evidence, and the order in which it is weighed.

Evidence, strongest first:

1. the column's own header lines: a chunk printed over this column alone ("1993",
   "June 30, 1995", "GBP'000", "$");
2. the headers spanning it ("Three months ended 30 June", "Years ended December 31,");
3. the caption and title block just above the table ("For the years ended December 31 (In
   millions)", "(Dollars in thousands)", "YEARS ENDED JUNE 30, 1999, 1998 AND 1997");
4. the section or page heading the table stands under;
5. the filing: its SEC header's fiscal year end and period of report, its cover page ("for the
   fiscal year ended June 30, 1995"), its own words on its fiscal years ("Fiscal 1998 ended
   January 30, 1999", "the fiscal year ends on the last Wednesday in December");
6. the filing's other statements: the period-end dates printed in their headers and row labels
   ("January 2, 2000" on a balance sheet names the end of fiscal 1999), the one currency and
   the one scale they state.

Each part of a period (year, day and month, length) comes from the strongest source that states
it; a weaker source only fills what the stronger ones leave open. A year stated twice over one
column, or a fiscal year whose end the filing does not print while its other years end on
52/53-week dates, leaves the period unread: the column says so in a doubt and carries no period.
A blank is better than a guess. The row can still override the column (see `rowtraits`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .clues import SNAP_DAYS, Clues, FilingDates, Header, Partial, PeriodReading
from .dates import DateParts, QUARTER, add_months, month_end, read_parts, safe_date
from .model import Doubt, DoubtReason, Period, Source
from .reportdates import ReportDates, report_period

NOT_A_PERIOD = re.compile(
    r"growth|\bchanges?\b|variance|increase|decrease|%|\bvs\.?\b|versus|\bratio\b|\bpercent\b|\bdifference\b", re.I
)
# a share of a total in the column's own period ("% of Total", "Percent of sales"), not a change
_SHARE_OF = re.compile(r"^(?:%|percent(?:age)?)\s+of\b(?!.*\b(?:change|vs\.?|versus|increase|decrease)\b)", re.I)
_FISCAL_NAME = re.compile(r"\bfiscal\s+(?:year\s+)?(?:19|20)\d\d\b|^\s*fiscal\s*$|\bFY\s*'?\d{2,4}\b", re.I)
_ENDED = re.compile(r"\bended\b|\bending\b|\bthrough\b|\bfor\s+the\b|\bperiods?\b|\bfrom\b", re.I)
_SPEAKS_OF_PERIODS = re.compile(
    r"\b(?:ended|ending|as\s+of|as\s+at|at|years?|quarters?|months|weeks|period|balance\s+sheets?|"
    r"financial\s+(?:position|condition)|statements?\s+of|assets\s+and\s+liabilities)\b",
    re.I,
)
_ORDINAL = re.compile(r"^\s*(first|second|third|fourth|1st|2nd|3rd|4th)\s*$", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
QUARTERLY = _QUARTERLY = re.compile(r"\bquarter(?:s|ly)?\b", re.I)
PERIOD_PHRASE = re.compile(
    r"\b(?:months|weeks|years?|quarters?|period)\s+(?:ended|ending)\b|\bas\s+(?:of|at)\b|\bat\s+[A-Z][a-z]+\s+\d", re.I
)


@lru_cache(maxsize=8192)
def _parts(text: str) -> DateParts:
    return read_parts(text)


@dataclass
class _Level:
    """The period parts one source states, merged over its lines."""

    source: Source
    years: set
    day_month: tuple[int | None, int] | None
    dates: list
    months: int | None
    instant: bool
    quarter: int | None
    start: date | None
    direct: bool
    ordinal: int | None = None
    ended: bool = False
    fiscal: bool = False
    average: bool = False

    @classmethod
    def of(cls, source: Source, texts) -> _Level:
        level = cls(source, set(), None, [], None, False, None, None, False)
        for text in texts:
            parts = _parts(text)
            level.years.update(parts.years)
            if parts.year is not None:
                level.years.add(parts.year)
            level.dates.extend(day for day in parts.dates if day != parts.start)
            level.day_month = level.day_month or parts.day_month
            level.months = parts.months if level.months is None else level.months
            level.instant = level.instant or parts.instant
            level.quarter = level.quarter or parts.quarter
            level.start = level.start or parts.start
            direct, ended, fiscal, average = _words(text)
            level.direct = level.direct or direct
            level.ended = level.ended or ended
            level.fiscal = level.fiscal or fiscal
            level.average = level.average or average
        if level.quarter is None and len(texts) > 1:
            level.quarter = _parts(" ".join(texts)).quarter
        for text in texts:
            match = _ORDINAL.match(text)
            if match:
                level.ordinal = _ORDINALS[match.group(1).lower()]
        return level


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[bool, bool, bool, bool]:
    """Whether a header text names a quarter directly, says "ended", names a fiscal year, says
    "average": read once per text, as every column under a header asks again."""
    return (bool(QUARTER.search(text)), bool(_ENDED.search(text)), bool(_FISCAL_NAME.search(text)),
            bool(re.search(r"\baverage\b", text, re.I)))


@lru_cache(maxsize=8192)
def _names_no_period(text: str) -> bool:
    """A short header that says its column is not a period ("% Change", "Amount")."""
    return bool(NOT_A_PERIOD.search(text)) and len(text.split()) <= 4 and not _SHARE_OF.search(text)


@lru_cache(maxsize=8192)
def _speaks_of_a_period(text: str) -> bool:
    """A heading with a period phrase in it."""
    return bool(PERIOD_PHRASE.search(text))


def column_period(headers: tuple[Header, ...], clues: Clues, dates: FilingDates) -> PeriodReading:
    """The period of one column, from the evidence in the documented order."""
    joined = " ".join(header.text for header in headers)
    if any(_names_no_period(header.text) for header in headers):
        return PeriodReading(None, not_a_period=True)
    own_texts = [h.text for h in headers if h.span == 1]
    ranged = _parts(" ".join(own_texts)) if len(own_texts) > 1 else None
    if ranged is not None and ranged.start is not None and ranged.dates and ranged.months:
        end = ranged.dates[-1]  # "June 28, / 2001 to / Dec. 26, / 2001" stacked over one column
        return PeriodReading(Period(end, ranged.months), Source.COLUMN, year=end.year, start=ranged.start)
    own = _Level.of(Source.COLUMN, own_texts)
    spanning = _Level.of(Source.SPANNING, [h.text for h in headers if h.span > 1])
    captions = clues.caption if _SPEAKS_OF_PERIODS.search(" ".join(clues.caption)) else ()
    caption = _Level.of(Source.CAPTION, captions)
    heading = _Level.of(Source.HEADING, [text for text in clues.heading if _speaks_of_a_period(text)])
    year, year_source, conflict = _year(own, spanning, caption, clues)
    if conflict:
        return _not_read(conflict)
    quarter = own.quarter or spanning.quarter
    ordinal = own.ordinal or spanning.ordinal
    if quarter is None and ordinal and (clues.quarterly or _QUARTERLY.search(" ".join([joined, *clues.caption]))):
        quarter = ordinal
        own.months = own.months if own.months is not None else 3
    own_day = next((level.day_month for level in (own, spanning) if level.day_month and level.day_month[0]), None)
    if year_source == Source.CAPTION and (quarter or (own_day and own_day != caption.day_month)):
        year = None  # the caption's year is its own date's, not that of the columns' other dates
    if year is None and dates.holdings and dates.report_end and not _says_period(own, spanning):
        return PeriodReading(Period(dates.report_end, 0), Source.FILING)
    partial = None
    if _says_period(own, spanning, caption) or quarter is not None:
        months, _source = _months(own, spanning, caption, heading, clues, FilingDates())
        day_month = own_day or (caption.day_month if caption.day_month and caption.day_month[0] else None)
        partial = Partial(months, day_month, quarter)
    if year is None and clues.report.payment is not None:
        return _on_report(joined, clues.report)
    if year is None:
        if partial is None and dates.annual and not clues.years_in_columns:
            # columns that are not periods (mines, regions) in an annual report: a row heading
            # naming the year ("1996" over its rows) dates them as the fiscal year
            return PeriodReading(None, partial=Partial(12, None, None))
        if partial is None:
            return PeriodReading(None)
        return PeriodReading(None, doubt=Doubt(DoubtReason.PERIOD_NOT_READ, "no year in its header or caption"),
                             partial=partial)
    reading = _with_year(year, year_source, quarter, own, spanning, captions, heading, clues, dates)
    return dataclasses.replace(reading, partial=partial, year_source=year_source)


def _on_report(header: str, report: ReportDates) -> PeriodReading:
    """A column of a periodic report that names its dates on the page (see `reportdates`)."""
    period, why = report_period(header, report)
    if period is not None:
        return PeriodReading(period, Source.HEADING)
    if why == "a rate":
        return PeriodReading(None, not_a_period=True)
    return _not_read(why) if why else PeriodReading(None)


def _with_year(year, year_source, quarter, own, spanning, captions, heading, clues, dates) -> PeriodReading:
    """The period of a column whose year is known."""
    caption = _Level.of(Source.CAPTION, _clauses_for(year, captions))
    part = spanning.months if spanning.months is not None and 0 < spanning.months < 12 else None
    if own.fiscal and own.months == 12 and (quarter or part):  # "FY98" under "Third Quarter"
        return _part_of_fiscal_year(year, year_source, quarter, part, own, spanning, caption, heading, dates)
    months, months_source = _months(own, spanning, caption, heading, clues, dates)
    if (own.direct or spanning.direct) and quarter:
        end = month_end(year, quarter * 3)
        return PeriodReading(Period(end, 3), year_source, quarter=quarter, year=year)
    if quarter and months == 3:
        return _quarter(year, quarter, year_source, own, spanning, caption, heading, dates)
    end, end_source, why = _end(year, months, own, spanning, caption, heading, dates)
    if end is None:
        return _not_read(why)
    start = own.start or spanning.start or caption.start
    if start is not None and months not in (None, 0):
        return PeriodReading(Period(end, months), year_source, year=year, start=start)
    if months is None:
        reading = _not_read("its length (months, or a point in time) is not stated")
        return dataclasses.replace(reading, end=end, year=year)
    source = max((year_source, end_source, months_source), key=source_rank)
    return PeriodReading(Period(end, months), source, year=year)


def _part_of_fiscal_year(year, year_source, quarter, months, own, spanning, caption, heading, dates) -> PeriodReading:
    """A quarter or the first months of a fiscal year named by the column ("FY98" under "Third
    Quarter" or "Nine Months"): counted back from the fiscal year's end."""
    fiscal_end, _source, why = _end(year, 12, own, spanning, caption, heading, dates)
    if fiscal_end is None:
        return _not_read(why)
    if quarter:
        nominal, months = add_months(fiscal_end, 3 * (quarter - 4)), 3
    else:
        nominal = add_months(fiscal_end, months - 12)
    end, _how = dates.snap(nominal)
    if end is None:
        return _not_read(f"a 52/53-week period whose end near {nominal:%B %d, %Y} is not printed")
    return PeriodReading(Period(end, months), year_source, quarter=quarter, year=year)


def complete(reading: PeriodReading, year: int, year_end: tuple[int, int] | None, dates: FilingDates):
    """A column that states a period but no year, under a row heading that names the fiscal
    year ("1993" over the quarters, "Fiscal Year Ended June 30, 1999"): (period, why not)."""
    partial = reading.partial
    year_end = year_end or dates.year_end
    if partial is None or year_end is None:
        return None, "the fiscal year end is not stated"
    day, month = year_end
    fiscal_end = dict(dates.fiscal_ends).get(year) or safe_date(year, month, day) or month_end(year, month)
    quarters = dict(dates.fiscal_quarters).get(year)
    if partial.quarter and quarters:
        return Period(quarters[partial.quarter - 1], 3), ""
    if partial.quarter:
        nominal = add_months(fiscal_end, 3 * (partial.quarter - 4))
        months = 3
    elif partial.day_month:
        day, month = partial.day_month
        nominal = safe_date(year, month, day) or month_end(year, month)
        if nominal > fiscal_end:
            nominal = safe_date(year - 1, month, day) or month_end(year - 1, month)
        months = partial.months
    elif partial.months == 12:
        nominal, months = fiscal_end, 12
    else:
        return None, "its day and month are not stated"
    if months is None:
        return None, "its length is not stated"
    end, _how = dates.snap(nominal)
    if end is None:
        return None, f"a 52/53-week period whose end near {nominal:%B %d, %Y} is not printed"
    return Period(end, months), ""


_ORDER = [Source.NONE, Source.COLUMN, Source.SPANNING, Source.CAPTION, Source.HEADING, Source.TABLE,
          Source.FILING, Source.STATEMENTS]


def source_rank(source: Source) -> int:
    return _ORDER.index(source) if source in _ORDER else 0


def _not_read(why: str) -> PeriodReading:
    return PeriodReading(None, doubt=Doubt(DoubtReason.PERIOD_NOT_READ, why))


def _says_period(*levels: _Level) -> bool:
    return any(level.day_month or level.months or level.instant for level in levels)


_CLAUSE = re.compile(r"\band\b|;", re.I)


def _clauses_for(year: int, texts: tuple[str, ...]) -> tuple[str, ...]:
    """The part of a caption that speaks of one year, when it describes several periods
    ("YEAR ENDED DECEMBER 31, 1997 AND PERIOD FROM JUNE 3, 1996 (INCEPTION) TO DECEMBER 31,
    1996"); else the whole caption."""
    joined = " ".join(texts)
    clauses = [c for c in _CLAUSE.split(joined) if str(year) in c and _parts(c).months is not None]
    if len(clauses) == 1 and len(_CLAUSE.split(joined)) > 1 and any(
        _parts(c).months is not None and str(year) not in c for c in _CLAUSE.split(joined)
    ):
        return (clauses[0],)
    return texts


def _year(own: _Level, spanning: _Level, caption: _Level, clues: Clues):
    """(year, source, conflict): a column's own year first, then one spanning it, then the
    caption's, which only speaks for a table whose columns print no years of their own."""
    if len(own.years) > 1:
        return None, Source.NONE, f"its header states several years ({', '.join(map(str, sorted(own.years)))})"
    if own.years:
        return next(iter(own.years)), Source.COLUMN, None
    if len(spanning.years) > 1:
        return None, Source.NONE, f"the header over it states several years ({', '.join(map(str, sorted(spanning.years)))})"
    if spanning.years:
        return next(iter(spanning.years)), Source.SPANNING, None
    if not clues.years_in_columns and len(caption.years) == 1:
        return next(iter(caption.years)), Source.CAPTION, None
    return None, Source.NONE, None


def _months(own, spanning, caption, heading, clues: Clues, dates: FilingDates) -> tuple[int | None, Source]:
    """The period's length: 0 for a point in time."""
    averaged = own.average or spanning.average
    for level in (own, spanning):
        if level.instant and not averaged:
            return 0, level.source
        if level.months is not None:
            return level.months, level.source
    if clues.instant:
        return 0, Source.TABLE
    if caption.instant and caption.months is None:
        return 0, caption.source
    if caption.months is not None:
        return caption.months, caption.source
    for level in (own, spanning, caption):
        if level.day_month and level.day_month[0] and not (own.ended or spanning.ended or caption.ended):
            return 0, level.source
    if heading.instant and heading.months is None:
        return 0, heading.source
    if heading.months is not None:
        return heading.months, heading.source
    if dates.annual:
        return 12, Source.FILING
    return None, Source.NONE


def _fiscal_year_of(day: date, nominal_month: int) -> int:
    """The year a printed period end names, allowing a 52/53-week year to end a few days into
    the next month ("January 2, 2000" ends fiscal 1999)."""
    if day.day <= SNAP_DAYS and day.month == nominal_month % 12 + 1:
        return day.year - (day.month == 1)
    return day.year


def _end(year: int, months, own, spanning, caption, heading, dates: FilingDates):
    """(end date, source, why not): a printed date for the year first, then a day and month
    stated without a year, then the fiscal year end; snapped to the filing's printed ends. A
    fiscal year's name ("Fiscal 1998") is read as the filing says it ends (`fiscalnames`)."""
    named = dict(dates.fiscal_ends).get(year) if months in (12, 0) else None
    fiscal_label = own.fiscal or spanning.fiscal
    for level in (own, spanning, caption, heading):
        if fiscal_label and level in (caption, heading):
            break
        for day in level.dates:
            if day.year == year or (_fiscal_year_of(day, (day.month - 2) % 12 + 1) == year and day.day <= SNAP_DAYS):
                return day, level.source, ""
        if level.day_month is not None and (level is own or level is spanning or len(level.dates) <= 1):
            day, month = level.day_month
            printed = safe_date(year, month, day) if day and level in (own, spanning) else None
            if printed is not None:
                return printed, level.source, ""
            return _nominal(year, month, day, level.source, dates)
    if named is not None:
        return named, Source.FILING, ""
    if dates.year_end is not None and months in (12, 0):
        day, month = dates.year_end
        if month <= 3:
            return None, Source.NONE, (f"a fiscal year ending in {date(2000, month, 1):%B}: whether {year} names the "
                                       f"year ending in {year} or in {year + 1} is not stated")
        return _nominal(year, month, day, dates.year_end_source, dates)
    report = dates.report_end
    if report is not None and not dates.annual and months in (3, 6, 9) and year in (report.year, report.year - 1):
        # a quarterly report's "Three Months Ended / 1998 1997": the report's period, this year and last
        return _nominal(year, report.month, report.day, Source.FILING, dates)
    return None, Source.NONE, "the day and month its period ends are not stated"


def _nominal(year: int, month: int, day: int | None, source: Source, dates: FilingDates):
    nominal = safe_date(year, month, day) if day else month_end(year, month)
    if nominal is None:
        return None, Source.NONE, "its date does not exist"
    snapped, how = dates.snap(nominal)
    if snapped is None:
        return None, Source.NONE, f"a 52/53-week year whose end near {nominal:%B %d, %Y} is not printed"
    return snapped, how or source, ""


def _quarter(year, quarter, year_source, own, spanning, caption, heading, dates: FilingDates) -> PeriodReading:
    """A quarter of a fiscal year ("First quarter" under "1993") ends 3, 6, 9 or 12 months into it."""
    year_end = dates.year_end
    for level in (own, spanning, caption, heading):
        if level.day_month and level.day_month[0]:
            year_end = (level.day_month[0], level.day_month[1])
            break
    if year_end is None:
        return _not_read("the fiscal year end its quarters count from is not stated")
    day, month = year_end
    fiscal_end = safe_date(year, month, day) or month_end(year, month)
    end = add_months(fiscal_end, 3 * (quarter - 4))
    snapped, _how = dates.snap(end)
    if snapped is None:
        return _not_read(f"a 52/53-week quarter whose end near {end:%B %d, %Y} is not printed")
    return PeriodReading(Period(snapped, 3), year_source, quarter=quarter, year=year)


def start_of(period: Period, dates: FilingDates) -> tuple[date | None, Source]:
    """The point in time a period starts at (the balance a "beginning of year" row holds)."""
    nominal = add_months(period.end, -period.months)
    snapped, how = dates.snap(nominal)
    return snapped, how
