"""The content pane: a section's text, a statement table, or a message such as a parse error."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from ..data.text import safe_text
from .statement_view import StatementView
from .text_view import TextView


class ContentPane(ContentSwitcher):
    """Switches between the text view, the statement view and a message."""

    def __init__(self, **kwargs) -> None:
        super().__init__(initial="message", **kwargs)
        self.filing = None
        self.section = None
        self.table_index: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Loading filings…"), id="message")
        yield TextView(id="text")
        yield StatementView(id="statement")

    @property
    def text_view(self) -> TextView:
        """The text view."""
        return self.query_one(TextView)

    @property
    def statement(self) -> StatementView:
        """The statement view."""
        return self.query_one(StatementView)

    @property
    def focus_target(self):
        """The widget that takes focus when the pane is entered."""
        return {"text": self.text_view, "statement": self.statement.grid}.get(self.current or "", None)

    def show_message(self, text: str, filing=None) -> None:
        """Show a plain message (a filing's error, or an empty state)."""
        self.filing, self.section, self.table_index = filing, None, None
        self.query_one("#message", Static).update(Content(safe_text(text)))
        self.current = "message"

    def show_section(self, filing, section) -> None:
        """Show the text of a section, lines first_line..last_line."""
        self.filing, self.section, self.table_index = filing, section, None
        self.text_view.show(list(filing.lines[section.first_line - 1:section.last_line]), section.first_line)
        self.current = "text"

    def show_table(self, filing, table_index: int, row_index: int | None = None) -> None:
        """Show a statement table, optionally with the cursor on a row."""
        self.filing, self.section, self.table_index = filing, None, table_index
        self.current = "statement"
        self.statement.show(filing, filing.tables[table_index], row_index)

    @property
    def table(self):
        """The parser Table shown, or None."""
        return self.filing.tables[self.table_index] if self.table_index is not None else None
