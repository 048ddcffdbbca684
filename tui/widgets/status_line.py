"""The status line: parsing progress as a bar of plain characters, then short messages."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ..data.chart import progress_bar

BAR_WIDTH = 20


def progress_text(done: int, total: int, failed: int) -> str:
    """'parsing ▕██████░░░░▏ 2/3 files' while parsing, '3 files, 1 unreadable' when done."""
    if done < total:
        text = f"parsing {progress_bar(done, total, BAR_WIDTH)} {done}/{total} files"
    else:
        text = f"{total} files"
    return text + (f", {failed} unreadable" if failed else "")


class StatusLine(Static):
    """One line under the panes: progress while parsing, otherwise the latest message."""

    def __init__(self, **kwargs) -> None:
        super().__init__(Content("starting…"), **kwargs)
        self.parsing = False

    def show_progress(self, done: int, total: int, failed: int) -> None:
        """Show how far parsing has got."""
        self.parsing = done < total
        self.update(Content(progress_text(done, total, failed)))

    def say(self, text: str) -> None:
        """Show a short message."""
        self.update(Content(text))
