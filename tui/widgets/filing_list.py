"""The filing list: date, form and headline of every file, newest first, filterable; virtual, so 10,000
filings cost no more to show than ten."""

from __future__ import annotations

import textwrap

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive

from ..data.library import Entry, Library
from ..data.text import safe_text, without_name
from .virtual_list import VirtualList

ERROR_MARK = "✗"
PENDING_MARK = "…"


class FilingList(VirtualList):
    """One three-line row per file: mark, date and form, then the headline; the cursor row is highlighted."""

    row_height = 3
    filter_text: reactive[str] = reactive("")

    class FilingHighlighted(Message):
        """The cursor moved onto a filing."""

        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    class FilingChosen(Message):
        """Enter was pressed on a filing."""

        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(self, library: Library, **kwargs) -> None:
        super().__init__(**kwargs)
        self.library = library
        self._entries: list[Entry] = []

    @property
    def paths(self) -> list[str]:
        """The listed paths, top to bottom."""
        return [entry.path for entry in self._entries]

    @property
    def highlighted_path(self) -> str | None:
        """The path under the cursor."""
        index = self.highlighted
        return self._entries[index].path if index is not None and index < len(self._entries) else None

    def watch_filter_text(self) -> None:
        self.refresh_entries()

    def refresh_entries(self) -> None:
        """Relist from the library, keeping the cursor on the same file."""
        keep = self.highlighted_path if self.cursor_moved else None
        self._entries = self.library.entries(self.filter_text)
        positions = {entry.path: k for k, entry in enumerate(self._entries)} if keep else {}
        if keep in positions:
            self.set_count(len(self._entries), positions[keep])
        else:
            self.set_count(len(self._entries))
            if self._entries and self._entries[0].shown is not None:
                self.highlighted = 0

    def row_lines(self, index: int, width: int) -> list[Text]:
        return entry_lines(self._entries[index], width)

    def row_highlighted(self, index: int) -> None:
        if self._entries[index].loaded:  # a preview opens nothing: the screen opens it once it has loaded
            self.post_message(self.FilingHighlighted(self._entries[index].path))

    def row_chosen(self, index: int) -> None:
        self.post_message(self.FilingChosen(self._entries[index].path))


def entry_lines(entry: Entry, width: int) -> list[Text]:
    """Three lines: date, form and company; then the period of report and the headline wrapped to two lines
    (or the error's reason)."""
    width = max(width, 8)
    shown = entry.shown  # a file the index has not reached yet shows as the cache last saw it, if it did
    if shown is None:
        return [Text(f"{PENDING_MARK} {safe_text(entry.name)}", style=Style(dim=True)), Text(), Text()]
    if shown.error:
        reason = without_name(shown.error, entry.name)
        first = Text(f"{ERROR_MARK} ", style=Style(bold=True, color="red"))
        first.append(safe_text(entry.name), style=Style(color="red"))
        lines = [Text(f"  {line}", style=Style(dim=True))
                 for line in textwrap.wrap(safe_text(reason), width - 2, max_lines=2, placeholder=" …")]
    else:
        first = Text(f"{entry.date_text or '----------'}  {safe_text(entry.form or '?')}", style=Style(bold=True))
        if entry.company:
            first.append(f"  {safe_text(entry.company)}", style=Style(bold=True))
        first.truncate(width, overflow="ellipsis")
        headline = safe_text(entry.headline)
        if entry.period_text and entry.period_text != entry.date_text:  # an 8-K's event is its date
            headline = f"for {entry.period_text} · {headline}"
        lines = [Text(line) for line in textwrap.wrap(headline, width, max_lines=2, placeholder=" …")]
    return [first] + lines + [Text()] * (2 - len(lines))
