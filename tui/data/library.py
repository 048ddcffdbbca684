"""The filings the browser has open: pending paths, summaries of parsed files, failures; newest first."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .text import safe_name

SMALL_LIBRARY = 32  # up to this many filings, whole-library views (palette, series) load every filing


@dataclass
class Entry:
    """One file of the library: its path and, once parsed, its summary (or its Filing)."""

    path: str
    summary: Any = None
    loader: Callable[[str], Any] | None = field(default=None, repr=False)
    haystack: str = field(default="", repr=False)
    preview: Any = field(default=None, repr=False)  # the cache's summary, shown until the index has opened

    @property
    def shown(self) -> Any:
        """What the list shows of the file: its summary, else the cache's preview of it, else None."""
        return self.summary if self.summary is not None else self.preview

    @property
    def name(self) -> str:
        """The file's name as shown (control characters and bytes that are not UTF-8 escaped)."""
        return safe_name(Path(self.path).name)

    @property
    def loaded(self) -> bool:
        """True once the parser has returned, successfully or not."""
        return self.summary is not None

    @property
    def filing(self):
        """The full Filing, loaded on demand (None while pending)."""
        if self.summary is None:
            return None
        if hasattr(self.summary, "tables") or self.loader is None:
            return self.summary
        return self.loader(self.path)

    @property
    def error(self) -> str | None:
        """The parser's error for a file that could not be read as a filing."""
        return self.summary.error if self.summary is not None else None

    @property
    def form(self) -> str:
        """The form type, or ''."""
        return getattr(self.shown, "form", "") or ""

    @property
    def date_text(self) -> str:
        """The release date as ISO text, or '' when unknown."""
        date = getattr(self.shown, "date", None)
        return date.isoformat() if date else ""

    @property
    def period_text(self) -> str:
        """The period of report as ISO text ('2000-06-30'), or '' when the filing does not say."""
        period = getattr(self.shown, "period", None)
        return period.isoformat() if period else ""

    @property
    def company(self) -> str:
        """The filer's name (SEC header, else cover page), or ''."""
        return getattr(self.shown, "company", "") or ""

    @property
    def headline(self) -> str:
        """The filing's headline, or its file name when it has none."""
        return (getattr(self.shown, "title", "") or "") or self.name

    def matches(self, words: list[str]) -> bool:
        """True when every word appears in the date, form, company, period of report, headline or file name."""
        if not self.haystack:
            self.haystack = (f"{self.date_text} {self.form} {self.company} {self.period_text} {self.headline} "
                             f"{self.name}").casefold()
        return all(word in self.haystack for word in words)


class Library:
    """The open filings, keyed by path, listed newest first; the folders they came from."""

    def __init__(self, roots: list[str] | None = None) -> None:
        self.roots = [str(Path(root)) for root in roots or []]
        self.source = None
        self.loader: Callable[[str], Any] | None = None
        self._entries: dict[str, Entry] = {}
        self._order: list[Entry] | None = None
        self.failed = 0
        self.previewed = False  # some files are shown from the cache before the index has opened

    def attach(self, source) -> None:
        """Load full filings from `source` (a FolderIndex: `filing(path)`, `loaded_paths`)."""
        self.source, self.loader = source, source.filing
        for entry in self._entries.values():
            entry.loader = self.loader

    def add_previews(self, summaries: list) -> None:
        """Show files as the cache last saw them (see `tui.index.glance`) until their summaries arrive."""
        for summary in summaries:
            path = str(summary.path)
            self._entries.setdefault(path, Entry(path, loader=self.loader)).preview = summary
        self._order = None
        self.previewed = self.previewed or bool(summaries)

    def add_pending(self, paths: list[str]) -> None:
        """Register files found but not yet parsed."""
        for path in paths:
            self._entries.setdefault(str(path), Entry(str(path), loader=self.loader))
        self._order = None

    def add(self, summary) -> Entry:
        """Store a parsed (or failed) file's summary or Filing and return its entry."""
        path = str(summary.path)
        entry = self._entries.setdefault(path, Entry(path, loader=self.loader))
        self.failed += bool(summary.error) - bool(entry.error)
        entry.summary, entry.loader, entry.haystack = summary, self.loader, ""
        self._order = None
        return entry

    def get(self, path: str) -> Entry | None:
        """The entry for a path, if any."""
        return self._entries.get(str(path))

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def progress(self) -> tuple[int, int]:
        """(parsed, total) files."""
        return sum(entry.loaded for entry in self._entries.values()), len(self._entries)

    def entries(self, filter_text: str = "") -> list[Entry]:
        """Entries newest first (undated and failed after, pending last), filtered by words."""
        if self._order is None:
            self._order = sorted(self._entries.values(), key=_order)
        words = filter_text.casefold().split()
        return [entry for entry in self._order if entry.matches(words)] if words else list(self._order)

    def filings(self) -> list:
        """Parsed filings newest first: all of them in a small library, else those already in memory."""
        entries = [entry for entry in self.entries() if entry.loaded and not entry.error]
        if len(entries) <= SMALL_LIBRARY:
            return [entry.filing for entry in entries]
        kept: set[str] = self.source.loaded_paths if self.source is not None else set()

        return [entry.filing for entry in entries if entry.path in kept]


    def company_filings(self, filing) -> list:
        """The parsed filings listed under the same company name as `filing` (every parsed filing when it
        has none), newest first, loaded on demand; the caller matches them on company identity."""
        name = " ".join((getattr(filing, "company", "") or "").casefold().split())
        if not name:
            return self.filings()
        return [entry.filing for entry in self.entries()
                if entry.loaded and not entry.error and " ".join(entry.company.casefold().split()) == name]


def _order(entry: Entry) -> tuple:
    """Sort key: dated filings newest first, then undated, then failures, then pending (a preview sorts as
    its summary will)."""
    shown = entry.shown
    if shown is None:
        return (3, 0, entry.name)
    if shown.error:
        return (2, 0, entry.name)
    if not shown.date:
        return (1, 0, entry.name)
    return (0, -shown.date.toordinal(), entry.name)
