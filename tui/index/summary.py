"""A file as the filing list shows it, read from the cache's `files` row without unpickling its Filing.

Imports nothing but the standard library: the browser reads these before anything else (see `glance`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import date

# The `files` row as the cache stores it (the table has a `folder` column too, not read back).
SUMMARY_COLUMNS = ("path", "size", "mtime_ns", "version", "name", "form", "company", "date", "title",
                   "error", "warnings", "n_tables", "n_facts", "n_items", "period")


@dataclass(frozen=True)
class Summary:
    """One file as the filing list shows it, loaded without unpickling the Filing."""

    path: str
    name: str
    form: str = ""
    company: str = ""
    date: date | None = None
    title: str = ""
    error: str | None = None
    warnings: tuple[str, ...] = ()
    n_tables: int = 0
    n_facts: int = 0
    n_items: int = 0
    period: datetime.date | None = None  # the period of report (the module's name: `date` is a field here)


    @classmethod
    def from_row(cls, row: tuple) -> Summary:
        """A summary from a `files` row (columns as in SUMMARY_COLUMNS)."""
        path, _size, _mtime, _version, name, form, company, day, title, error, warnings, tables, facts, items, \
            period = row
        return cls(path, name, form or "", company or "", date.fromisoformat(day) if day else None, title or "",
                   error, _warnings(warnings), tables or 0, facts or 0, items or 0,
                   date.fromisoformat(period) if period else None)


def _warnings(text: str | None) -> tuple[str, ...]:
    """The stored warnings (a JSON list); most filings have none, and then json is not imported."""
    if not text or text == "[]":
        return ()
    import json

    return tuple(json.loads(text))


def row_is_current(row: tuple, size: int, mtime_ns: int, version: str) -> bool:
    """True when a `files` row still stands for the file: same size and mtime (the file is unchanged,
    and could be stat'ed), parsed by this cache version."""
    return size >= 0 and row[1:4] == (size, mtime_ns, version)
