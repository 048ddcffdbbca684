"""The content pane: a section's text, a statement table, or a message such as a parse error."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from ..data.text import safe_text


class ContentPane(ContentSwitcher):
    """Switches between a message, the text view and the statement view (mounted after the first paint)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(initial="message", **kwargs)
        self.filing = None
        self.section = None
        self.table_index: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Loading filings…"), id="message")

    def on_mount(self) -> None:
        self.call_after_refresh(self._mount_views)

    def _mount_views(self) -> None:
        """Mount the text and statement views once the first frame is painted (unless exiting)."""
        if self.is_attached:
            self.text_view, self.statement

    @property
    def text_view(self):
        """The text view, mounted the first time it is needed."""
        from .text_view import TextView

        views = self.query(TextView)
        return views.first() if views else self._mount_hidden(TextView(id="text"))

    @property
    def statement(self):
        """The statement view, mounted the first time it is needed (keeps DataTable off start-up)."""
        from .statement_view import StatementView

        views = self.query(StatementView)
        return views.first() if views else self._mount_hidden(StatementView(id="statement"))

    def _mount_hidden(self, view):
        """Mount a view hidden; the switcher shows it when it becomes current."""
        view.display = False
        self.mount(view)
        return view

    @property
    def focus_target(self):
        """The widget that takes focus when the pane is entered."""
        if self.current == "text":
            return self.text_view
        if self.current == "statement":
            return self.statement.grid
        return None

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
        statement = self.statement
        self.current = "statement"
        statement.show(filing, filing.tables[table_index], row_index)

    @property
    def table(self):
        """The parser Table shown, or None."""
        return self.filing.tables[self.table_index] if self.table_index is not None else None
