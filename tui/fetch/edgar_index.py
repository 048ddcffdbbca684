"""EDGAR's quarterly full index: which quarters a date range needs, and the filings a `master.idx`
lists (`CIK|Company Name|Form Type|Date Filed|Filename` after a header; decoded as Latin-1)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_DASHES = re.compile(r"^-{10,}\s*$")
FIRST_YEAR = 1993  # EDGAR's full index starts in 1993


@dataclass(frozen=True)
class IndexEntry:
    """One filing as the index lists it."""

    cik: str
    company: str
    form: str
    filed: date
    filename: str  # edgar/data/CIK/ACCESSION.txt

    @property
    def accession(self) -> str:
        """'0000950109-96-001845' from the file name."""
        name = self.filename.rsplit("/", 1)[-1]
        return name[:-4] if name.endswith(".txt") else name

    @property
    def saved_name(self) -> str:
        """The name it is saved under in DEST: CIK_ACCESSION.txt."""
        return f"{self.cik}_{self.accession}.txt"


def quarters(start: date, end: date) -> list[tuple[int, int]]:
    """(year, quarter) of every quarter that overlaps start..end, oldest first."""
    first = (max(start.year, FIRST_YEAR), (start.month - 1) // 3 + 1) if start.year >= FIRST_YEAR else (FIRST_YEAR, 1)
    last = (end.year, (end.month - 1) // 3 + 1)
    found, (year, quarter) = [], first
    while (year, quarter) <= last:
        found.append((year, quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return found


def quarter_closed(year: int, quarter: int, today: date) -> bool:
    """True when the quarter ended before today: its index will not change and may be cached for good."""
    end_month = quarter * 3
    following = date(year + 1, 1, 1) if end_month == 12 else date(year, end_month + 1, 1)
    return today >= following


def index_path(year: int, quarter: int) -> str:
    """The index's path under the archive: 'edgar/full-index/1996/QTR1/master.idx'."""
    return f"edgar/full-index/{year}/QTR{quarter}/master.idx"


def parse_master(text: str) -> list[IndexEntry]:
    """The entries of a master.idx: the lines after the dashed rule, five '|'-separated fields; lines
    that do not fit are skipped (the header, blank lines)."""
    lines = text.splitlines()
    start = next((k + 1 for k, line in enumerate(lines) if _DASHES.match(line)), 0)
    entries = []
    for line in lines[start:]:
        fields = line.split("|")
        if len(fields) != 5:
            continue
        cik, company, form, filed, filename = (field.strip() for field in fields)
        day = _date(filed)
        if not cik.isdigit() or day is None or not filename:
            continue
        entries.append(IndexEntry(str(int(cik)), company, form, day, filename))
    return entries


def _date(text: str) -> date | None:
    """'1996-03-29' or '19960329'."""
    digits = text.replace("-", "")
    if len(digits) != 8 or not digits.isdigit():
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def select(entries: list[IndexEntry], ciks=(), company: str = "", forms=(), start: date | None = None,
           end: date | None = None) -> list[IndexEntry]:
    """The entries matching every criterion given: one of the CIKs, the company name containing the text
    (any case), one of the forms (exact, any case), filed within start..end (inclusive)."""
    wanted_ciks = {str(int(c)) for c in ciks}
    wanted_forms = {f.strip().upper() for f in forms}
    needle = " ".join(company.casefold().split())
    chosen = []
    for entry in entries:
        if wanted_ciks and entry.cik not in wanted_ciks:
            continue
        if needle and needle not in " ".join(entry.company.casefold().split()):
            continue
        if wanted_forms and entry.form.upper() not in wanted_forms:
            continue
        if (start and entry.filed < start) or (end and entry.filed > end):
            continue
        chosen.append(entry)
    return chosen
