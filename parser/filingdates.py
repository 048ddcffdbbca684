"""What a filing as a whole says about the periods and units of its tables (evidence 5 and 6 of
`evidence`): its fiscal year end and period of report (SEC header, cover page), the period-end
dates its statements print, and the one currency and scale they state."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta

from .dates import MONTH, MONTHS, full_dates, month_end, week_rule
from .clues import SNAP_DAYS, FilingDates
from .lines import DATA, TEXT
from .fiscalnames import fiscal_names
from .model import Source
from .reportdates import frequency
from .units import DOLLAR_CURRENCIES, read_unit, states_unit
from .spans import SpanFinder
from .values import is_bare_dollar

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (PEP 781)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from .blocks import Block
    from .lines import LazyLines

_ANNUAL_FORMS = ("10-K", "10K", "20-F", "40-F", "10-KSB", "10-K405", "11-K", "ARS", "N-30D")
_FISCAL_YEAR_ENDED = re.compile(
    r"(?:fiscal\s+)?years?\s+ended\s*:?\s+" + MONTH + r"\s+(\d{1,2})\b", re.I
)
_COVER_FISCAL = re.compile(r"for\s+the\s+(?:fiscal\s+)?year\s+ended\s*:?\s+" + MONTH + r"\s+(\d{1,2}),?\s+((?:19|20)\d\d)", re.I)
_COVER_PERIOD = re.compile(  # the look-ahead only makes the scan faster
    r"(?=[qpcfy])(?:quarterly\s+period|quarter|period|calendar\s+year\s+or\s+quarter|fiscal\s+year|year)\s+ended\s*:?\s+"
    + MONTH + r"\s+(\d{1,2}),?\s+((?:19|20)\d\d)",
    re.I,
)


def filing_dates(raw: list[str], lines: LazyLines, blocks: list[Block], fields: dict[str, str], form: str, bodies: Sequence[tuple[int, int]] = ()) -> FilingDates:
    """Read the filing-wide evidence once, before its tables."""
    cover = "\n".join(raw[:250])
    year_end, source = _year_end(fields, cover)
    ends, currencies, scales, fiscal = _scan_tables(raw, lines, blocks, bodies)
    if year_end is None and len(fiscal) == 1:
        year_end, source = next(iter(fiscal)), Source.STATEMENTS
    annual = form.upper().startswith(_ANNUAL_FORMS)
    text = "\n".join(raw)
    rule = week_rule(text)
    if year_end is None and rule is not None:  # "the fiscal year ends on the last Sunday in June"
        year_end, source = (rule[3] or month_end(2001, rule[2]).day, rule[2]), Source.FILING
    names, quarters = fiscal_names(text)
    ends.update(names.values())
    ends.update(day for found in quarters.values() for day in found)
    return FilingDates(
        fiscal_ends=tuple(sorted(names.items())),
        fiscal_quarters=tuple(sorted(quarters.items())),
        annual=annual,
        holdings=form.upper().startswith("13F"),
        report_months=frequency("\n".join(raw[:2000])),
        week_rule=rule,
        year_end=year_end,
        year_end_source=source,
        report_end=_report_end(fields, cover),
        known_ends=tuple(sorted(ends)),
        currency=_currency(sum(currencies.values(), Counter())),
        document_currencies=tuple((start, stop, _currency(found)) for (start, stop), found in currencies.items()),
        document_scales=tuple(
            (start, stop, next(iter(found))) for (start, stop), found in scales.items()
            if len(found) == 1 and sum(found.values()) >= 2
        ),
    )


def _currency(tables: Counter[str]) -> str | None:
    """The one currency a document's tables are in, from how many tables name each currency (in
    a caption or with their numbers) and how many print a bare "$" under no named currency. A
    dollar other than the US dollar speaks for the bare "$" tables only when at least as many
    tables name it ("(in thousands of Canadian dollars)" over each statement); a US filer's one
    table in Canadian dollars leaves its other "$" in US dollars."""
    named = {code: count for code, count in tables.items() if code != "$" and count}
    bare = tables.get("$", 0)
    if not named:
        return "USD" if bare else None
    if len(named) > 1:
        return None
    code, count = next(iter(named.items()))
    if code in DOLLAR_CURRENCIES and count < max(2, bare):
        return None
    return code


def _year_end(fields: dict[str, str], cover: str) -> tuple[tuple[int, int] | None, Source]:
    value = fields.get("FISCAL YEAR END", "")
    if len(value) == 4 and value.isdigit() and 1 <= int(value[:2]) <= 12 and 1 <= int(value[2:]) <= 31:
        return (int(value[2:]), int(value[:2])), Source.FILING
    match = _COVER_FISCAL.search(cover)
    if match:
        return (int(match.group(2)), MONTHS[match.group(1).lower().rstrip(".")]), Source.FILING
    return None, Source.NONE


def _report_end(fields: dict[str, str], cover: str) -> date | None:
    match = _COVER_PERIOD.search(cover)
    if match:
        try:
            return date(int(match.group(3)), MONTHS[match.group(1).lower().rstrip(".")], int(match.group(2)))
        except ValueError:
            pass
    value = fields.get("CONFORMED PERIOD OF REPORT", "")
    try:
        return datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        return None


def _period_end_like(day: date) -> bool:
    """A date a period can end on: a month end, or within a week of one (52/53-week years)."""
    end = month_end(day.year, day.month)
    return (end - day).days <= SNAP_DAYS or day.day <= SNAP_DAYS


_NOT_AN_END = re.compile(r"\bfrom\s*$|\bsince\s*$|\bbeginning\s*$|\bdue\s*$|\bon\s*$", re.I)
_ENDS_HERE = re.compile(r"\bended\b|\bending\b|\bas\s+of\b|\bas\s+at\b|\bat\b|\bbalances?\b|\bend\s+of\b", re.I)


def _period_ends(text: str) -> list[date]:
    """Dates a text prints as period ends: not a start ("from June 3, 1996 (inception)"); a
    balance at the first of a month is the one at the end of the month before."""
    found = []
    for day in full_dates(text):
        if not _period_end_like(day):
            continue
        position = _position(text, day)
        before, after = text[:position], text[position:position + 40]
        if _NOT_AN_END.search(before) or re.search(r"\(inception\)", after, re.I) or _starts_range(text, day):
            continue
        found.append(day - timedelta(days=1) if day.day == 1 else day)
    return found


def _starts_range(text: str, day: date) -> bool:
    """True when the date opens a range ("June 28, 2001 to Dec. 26, 2001")."""
    return any(_RANGE_NEXT.match(text, match.end()) for match in re.finditer(str(day.year), text))


_RANGE_NEXT = re.compile(r"\s*(?:to|through|thru|-|–)(?:\s|$)", re.I)


def _position(text: str, day: date) -> int:
    for match in re.finditer(str(day.year), text):
        return max(0, match.start() - 20)
    return 0


_MONTH_DAY = re.compile(r"\b" + MONTH + r"\s+(\d{1,2}),?", re.I)
_YEAR_AT = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _stacked_dates(upper: str, lower: str) -> list[date]:
    """Dates printed over two header lines, the month and day above the year ("March 28," /
    "1997")."""
    found: list[date] = []
    if _MONTH_DAY.search(lower) or re.search(r"\b(?:and|through|thru)\b", lower, re.I):
        return found  # "1998 and March 30, 1997": the rest of a sentence, not years under the dates
    years = [(m.start(), m.end(), int(m.group(1))) for m in _YEAR_AT.finditer(lower)]
    for match in _MONTH_DAY.finditer(upper):
        under = [(year, end) for start, end, year in years if start < match.end() and end > match.start()]
        if not under:
            left, right = match.start() - 3, match.end() + 3
            under = [(year, end) for start, end, year in years if start < right and end > left]
        if len(under) == 1 and not _RANGE_NEXT.match(lower, under[0][1]):  # not "2001 to"
            try:
                day = date(under[0][0], MONTHS[match.group(1).lower().rstrip(".")], int(match.group(2)))
            except ValueError:
                continue
            if _period_end_like(day):
                found.append(day)
    return found


def _scan_tables(raw: list[str], lines: LazyLines, blocks: list[Block], bodies: Sequence[tuple[int, int]]) -> tuple[
        set[date], dict[tuple[int, int], Counter[str]], dict[tuple[int, int], Counter[int]], set[tuple[int, int]]]:
    """Period-end dates printed in the numeric tables' headers, captions and balance rows; the
    currencies printed with their numbers; the scales their captions state; the "years ended"
    days."""
    ends: set[date] = set()
    currencies: dict[tuple[int, int], Counter[str]] = {}
    scales: dict[tuple[int, int], Counter[int]] = {}
    fiscal: set[tuple[int, int]] = set()
    holders = SpanFinder(bodies)
    for block in blocks:
        holder = holders.first(block.first)
        body = bodies[holder] if holder is not None else (0, len(raw))
        first_data = next((i for i in range(block.first, block.last + 1)
                           if lines[i].kind == DATA and not lines[i].is_year_line), None)
        if first_data is None:
            continue
        named: set[str] = set()
        captions: Counter[str] = Counter()  # unit captions naming a currency, over each table of the block
        bare = False
        for index in range(max(0, block.first - 6), block.last + 1):
            line = lines[index]
            if line.kind == DATA:
                for token in line.values:
                    if token.currency and token.kind == "amount":
                        bare = bare or is_bare_dollar(token)
                        if not is_bare_dollar(token):
                            named.add(token.currency)
            text = line.label if line.kind == DATA else line.text if line.kind == TEXT else ""
            if not text or len(text.strip()) > 110:
                continue
            if line.kind == TEXT:
                unit = read_unit(text)
                above = index <= first_data and ("$" in text or states_unit(text))
                caption = states_unit(text) and (text.strip().startswith(("(", "[")) or unit.scale is not None)
                if unit.currency and (above or caption):  # not a label ("Dividends ($0.10 per share")
                    captions[unit.currency] += 1
            header = block.first <= index < first_data and index - block.first < 15
            ends_caption = index < block.first and _ENDS_HERE.search(text)
            balance = index >= first_data and re.match(r"\s*balances?\b", text, re.I)
            if header or ends_caption or balance:
                ends.update(_period_ends(text))
            if header and index + 1 < first_data:
                ends.update(_stacked_dates(line.text, lines[index + 1].text))
            for match in _FISCAL_YEAR_ENDED.finditer(text):
                fiscal.add((int(match.group(2)), MONTHS[match.group(1).lower().rstrip(".")]))
            if (index < first_data + 2 or (line.kind == TEXT and text.strip().startswith("("))) and states_unit(text):
                scale = read_unit(text).scale
                if scale:
                    scales.setdefault(body, Counter())[scale] += 1
        counts = currencies.setdefault(body, Counter())
        counts.update(captions)
        counts.update(named - set(captions))
        if bare and not named and not captions:
            counts["$"] += 1
    return ends, currencies, scales, fiscal
