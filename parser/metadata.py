"""Filing metadata: form type, company, report month, release date and headline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .dates import MONTH_NAMES
from .text import capitals
from .dates import MONTHS as _MONTHS

_MONTH = f"({MONTH_NAMES})"
_FORM = re.compile(r"^\s*FORM\s+([0-9]{1,2}-[A-Z]{1,2}\d?|[0-9]{1,2}-?[A-Z]{1,2}\d{0,3}|[A-Z]{1,3}-\d{1,2})\b", re.I)
_MONTH_OF = re.compile(r"for\s+the\s+month\s+of\s+" + _MONTH + r"[\s/,.-]*((?:19|20)\d\d)", re.I)
_PERIOD_ENDED = re.compile(r"(?:quarterly\s+period|fiscal\s+year|period)\s+ended\s+" + _MONTH + r"\s+\d{1,2},?\s+((?:19|20)\d\d)", re.I)
_DATE_LINE = re.compile(
    r"^\s*(?:Date:\s*)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+((?:19|20)\d\d)|" + _MONTH + r"\s+(\d{1,2}),?\s+((?:19|20)\d\d))\s*$",
    re.I,
)
_SIGNED = re.compile(
    r"^\s*Date:\s*(?:(\d{1,2})\s+" + _MONTH + r",?\s+((?:19|20)\d\d)|" + _MONTH + r"\s+(\d{1,2}),?\s+((?:19|20)\d\d))", re.I
)
_REGISTRANT = re.compile(r"^\s*\((?:Translation\s+of\s+Registrant|Exact\s+name\s+of\s+registrant)", re.I)


@dataclass(frozen=True)
class Metadata:
    """What a filing says about itself, and where its cover page and headline stand."""

    form: str = ""
    company: str = ""
    cik: str = ""
    report_month: str = ""
    date: date | None = None
    title: str = ""
    cover_end: int = 0
    headline: tuple[int, int] | None = None


def _date_from(match: re.Match[str]) -> date | None:
    groups = match.groups()
    if groups[0]:
        day, month, year = int(groups[0]), groups[1], int(groups[2])
    else:
        month, day, year = groups[3], int(groups[4]), int(groups[5])
    try:
        return date(year, _MONTHS[month.lower()], day)
    except ValueError:
        return None


def read_metadata(lines: list[str], fields: dict[str, str], body: tuple[int, int], doc_type: str) -> Metadata:
    """Read metadata from the header fields and the first document's text (0-based body range)."""
    start, stop = body
    text = lines[start:stop]
    form = fields.get("CONFORMED SUBMISSION TYPE") or fields.get("FORM TYPE") or doc_type or _form_line(text[:30])
    company = fields.get("COMPANY CONFORMED NAME") or _registrant(text[:80])
    report_month = _report_month(text[:120], fields)
    release_line, release_date = _release_date(text[:250])
    headline = _headline(text, release_line)
    signed = next((d for line in text if (m := _SIGNED.match(line)) and (d := _date_from(m))), None)
    filed = _header_date(fields.get("FILED AS OF DATE", ""))
    title = " ".join(" ".join(text[i].split()) for i in range(headline[0], headline[1])) if headline else ""
    cover_end = release_line if release_line is not None else (headline[0] if headline else 0)
    return Metadata(
        form=form.upper() if form else "",
        company=" ".join(company.split()),
        cik=fields.get("CENTRAL INDEX KEY", "").strip(),
        report_month=report_month,
        date=release_date or signed or filed,
        title=title,
        cover_end=start + cover_end if cover_end else 0,
        headline=(start + headline[0], start + headline[1]) if headline else None,
    )


def _form_line(text: list[str]) -> str:
    for line in text:
        match = _FORM.match(line)
        if match:
            return match.group(1)
    return ""


def _registrant(text: list[str]) -> str:
    for index, line in enumerate(text):
        if _REGISTRANT.match(line):
            for previous in range(index - 1, max(index - 4, -1), -1):
                if text[previous].strip():
                    return text[previous].strip()
    return ""


def _report_month(text: list[str], fields: dict[str, str]) -> str:
    for line in text:
        match = _MONTH_OF.search(line) or _PERIOD_ENDED.search(line)
        if match:
            return f"{int(match.group(2)):04d}-{_MONTHS[match.group(1).lower()]:02d}"
    period = fields.get("CONFORMED PERIOD OF REPORT", "")
    if re.fullmatch(r"\d{8}", period):
        return f"{period[:4]}-{period[4:6]}"
    return ""


def _header_date(value: str) -> date | None:
    try:
        return datetime.strptime(value.strip()[:8], "%Y%m%d").date()
    except ValueError:
        return None


def _release_date(text: list[str]) -> tuple[int | None, date | None]:
    for index, line in enumerate(text):
        if line.strip().lower().startswith("date:"):
            continue
        match = _DATE_LINE.match(line)
        if match:
            return index, _date_from(match)
    return None, None


def _headline(text: list[str], release_line: int | None) -> tuple[int, int] | None:
    """The first short paragraph in capitals or centred after the release date."""
    if release_line is None:
        return None
    index = release_line + 1
    while index < len(text) and not text[index].strip():
        index += 1
    first = index
    while index < len(text) and text[index].strip() and index - first < 4:
        index += 1
    paragraph = [line for line in text[first:index]]
    if paragraph and all(_is_display(line) for line in paragraph):
        return first, index
    return None


def _is_display(line: str) -> bool:
    stripped = line.strip()
    letters, share = capitals(stripped)
    upper = letters > 0 and share > 0.8
    centred = len(line) - len(line.lstrip()) >= 8
    return bool(stripped) and (upper or centred) and len(stripped) < 100
