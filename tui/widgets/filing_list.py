"""The filing list: date, form and headline of every file, newest first, filterable."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..data.library import Entry, Library
from ..data.text import safe_text

ERROR_MARK = "✗"
PENDING_MARK = "…"


class FilingList(OptionList):
    """One option per file; the option id is the file's path."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

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
        super().__init__(markup=False, **kwargs)
        self.library = library

    @property
    def paths(self) -> list[str]:
        """The listed paths, top to bottom."""
        return [self.get_option_at_index(k).id for k in range(self.option_count)]

    @property
    def highlighted_path(self) -> str | None:
        """The path under the cursor."""
        option = self.highlighted_option
        return option.id if option else None

    def watch_filter_text(self) -> None:
        self.refresh_entries()

    def refresh_entries(self) -> None:
        """Rebuild the options from the library, keeping the cursor on the same file."""
        keep = self.highlighted_path
        entries = self.library.entries(self.filter_text)
        self.set_options([Option(entry_prompt(entry), id=entry.path) for entry in entries])
        paths = [entry.path for entry in entries]
        if keep in paths:
            self.highlighted = paths.index(keep)
        elif paths and any(entry.loaded for entry in entries):
            self.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.FilingHighlighted(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.FilingChosen(event.option.id))


def entry_prompt(entry: Entry) -> Text:
    """Mark, date and form on the first line; the headline, wrapped, below."""
    if not entry.loaded:
        first = Text(f"{PENDING_MARK} {safe_text(entry.name)}", style="dim")
        return first
    if entry.error:
        text = Text(f"{ERROR_MARK} ", style="bold red")
        text.append(safe_text(entry.name), style="red")
        reason = entry.error.split(": ", 1)[-1] if entry.error.startswith(entry.name) else entry.error
        text.append(f"\n  {safe_text(reason)}", style="dim")
        return text
    form = safe_text(entry.filing.form or "?")
    text = Text(f"{entry.date_text or '----------'}  {form}", style="bold")
    text.append("\n")
    text.append(safe_text(entry.headline))
    return text
