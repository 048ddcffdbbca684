"""The filings the browser has open: pending paths, parsed filings and failures, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Entry:
    """One file of the library: its path and, once parsed, its Filing."""

    path: str
    filing: Any = None

    @property
    def name(self) -> str:
        """The file's name."""
        return Path(self.path).name

    @property
    def loaded(self) -> bool:
        """True once the parser has returned, successfully or not."""
        return self.filing is not None

    @property
    def error(self) -> str | None:
        """The parser's error for a file that could not be read as a filing."""
        return self.filing.error if self.filing is not None else None

    @property
    def date_text(self) -> str:
        """The release date as ISO text, or '' when unknown."""
        date = getattr(self.filing, "date", None)
        return date.isoformat() if date else ""

    @property
    def headline(self) -> str:
        """The filing's headline, or its file name when it has none."""
        return (getattr(self.filing, "title", "") or "") or self.name

    def matches(self, words: list[str]) -> bool:
        """True when every word appears in the date, form, headline or file name."""
        form = getattr(self.filing, "form", "") or ""
        haystack = f"{self.date_text} {form} {self.headline} {self.name}".casefold()
        return all(word in haystack for word in words)


class Library:
    """The open filings, keyed by path, listed newest first; the folders they came from."""

    def __init__(self, roots: list[str] | None = None) -> None:
        self.roots = [str(Path(root)) for root in roots or []]
        self._entries: dict[str, Entry] = {}

    def add_pending(self, paths: list[str]) -> None:
        """Register files found but not yet parsed."""
        for path in paths:
            self._entries.setdefault(str(path), Entry(str(path)))

    def add(self, filing) -> Entry:
        """Store a parsed (or failed) filing and return its entry."""
        entry = self._entries.setdefault(str(filing.path), Entry(str(filing.path)))
        entry.filing = filing
        return entry

    def get(self, path: str) -> Entry | None:
        """The entry for a path, if any."""
        return self._entries.get(str(path))

    @property
    def progress(self) -> tuple[int, int]:
        """(parsed, total) files."""
        return sum(entry.loaded for entry in self._entries.values()), len(self._entries)

    def entries(self, filter_text: str = "") -> list[Entry]:
        """Entries newest first (undated and failed after, pending last), filtered by words."""
        words = filter_text.casefold().split()
        chosen = [entry for entry in self._entries.values() if entry.matches(words)]
        return sorted(chosen, key=_order)

    def filings(self) -> list:
        """The successfully parsed filings, newest first."""
        return [entry.filing for entry in self.entries() if entry.loaded and not entry.error]


def _order(entry: Entry) -> tuple:
    """Sort key: dated filings newest first, then undated, then failures, then pending."""
    if not entry.loaded:
        return (3, 0, entry.name)
    if entry.error:
        return (2, 0, entry.name)
    if not entry.filing.date:
        return (1, 0, entry.name)
    return (0, -entry.filing.date.toordinal(), entry.name)
