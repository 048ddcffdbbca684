"""The content pane: a section's text, a statement table, or a message such as a parse error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from ..data.text import safe_text

if TYPE_CHECKING:
    from parser.model import Filing

SOURCE_CONTEXT = 3  # lines shown above and below a table's own lines in its source view


class ContentPane(ContentSwitcher):
    """Switches between a message, the text view and the statement view (each mounted when first needed;
    the statement view right after the first filing is shown)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(initial="message", **kwargs)
        self.filing: Filing | None = None
        self.section = None

        self.table_index: int | None = None
        self.source_of: tuple[int, int | None, int | None] | None = None  # (table, row, column) whose print is shown

    def compose(self) -> ComposeResult:
        yield Static(Content("Loading filings…"), id="message")

    def _mount_statement(self) -> None:
        """Mount the statement view ahead of the first table (after the first filing is shown, so that
        neither the first paint nor the filing list waits for DataTable)."""
        if self.is_attached:
            self.statement  # noqa: B018 - reading the property mounts the view

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

    def _show(self, child: str) -> None:
        """Make a child current; nothing when it is not in the pane (a view mounted while the app closes
        never arrives, and a message handled then must not raise)."""
        if self.query_children(f"#{child}"):
            self.current = child

    def show_message(self, text: str, filing=None) -> None:
        """Show a plain message (a filing's error, or an empty state)."""
        self.filing, self.section, self.table_index, self.source_of = filing, None, None, None
        self.query_one("#message", Static).update(Content(safe_text(text)))
        self._show("message")

    def show_section(self, filing, section) -> None:
        """Show the text of a section, lines first_line..last_line."""
        self.filing, self.section, self.table_index, self.source_of = filing, section, None, None
        self.text_view.show(list(filing.lines[section.first_line - 1:section.last_line]), section.first_line)
        self._show("text")
        if not self.query("StatementView"):
            self.call_after_refresh(self._mount_statement)

    def show_table(self, filing, table_index: int, row_index: int | None = None) -> None:
        """Show a statement table, optionally with the cursor on a row."""
        self.filing, self.section, self.table_index, self.source_of = filing, None, table_index, None
        statement = self.statement
        self._show("statement")
        statement.show(filing, filing.tables[table_index], row_index)

    def show_source(self) -> None:
        """Show the open table's own lines in the filing (a few lines of context around them), the
        highlighted cell's number marked and in view; `show_table_again` goes back."""
        table, grid = self.table, self.statement.grid
        row, column = grid.row_index, grid.column_index
        filing, index = self.filing, self.table_index
        assert filing is not None and index is not None  # only a shown table has a source view
        cell = table.rows[row].cell(column) if row is not None and column is not None else None
        first = max(1, table.first_line - SOURCE_CONTEXT)
        last = min(len(filing.lines), table.last_line + SOURCE_CONTEXT)
        self.filing, self.section, self.table_index = filing, None, None
        self.source_of = (index, row, column)
        self.text_view.show(list(filing.lines[first - 1:last]), first)
        self._show("text")
        if cell is not None and cell.end > cell.start:
            self.text_view.set_matches([(cell.line, cell.start, cell.end)], (cell.line, cell.start, cell.end))
        else:  # the cursor on a label: the row's line is marked whole
            line = table.rows[row].line if row is not None else table.first_line
            width = len(filing.lines[line - 1]) if 0 < line <= len(filing.lines) else 0
            mark = (line, 0, width)
            self.text_view.set_matches([mark] if width else [], mark if width else None)
            if not width:
                self.text_view.scroll_to(0, max(0, line - first - 3), animate=False)

    def show_table_again(self) -> None:
        """Back from the source lines to the table, the cursor on the same cell."""
        assert self.source_of is not None  # the key that calls this works only in the source view
        index, row, column = self.source_of

        self.show_table(self.filing, index, row)
        if row is not None and column is not None:
            self.statement.grid.move_cursor(row=row, column=column + 1, animate=False, scroll=True)

    @property
    def source_line(self) -> int:
        """The file line under attention: the highlighted cell's (or row's), the section's first, or 1."""
        if self.table_index is not None:
            grid = self.statement.grid
            table = self.table
            if grid.row_index is not None:
                cell = table.rows[grid.row_index].cell(grid.column_index) if grid.column_index is not None else None
                return cell.line if cell is not None else table.rows[grid.row_index].line
            return table.first_line
        view = self.text_view if self.current == "text" else None
        if view is not None and view.lines:
            if view.current_match is not None:
                return view.current_match[0]
            return view.first_line + int(view.scroll_offset.y)
        return 1

    @property
    def table(self):
        """The parser Table shown, or None."""
        return self.filing.tables[self.table_index] if self.table_index is not None else None
