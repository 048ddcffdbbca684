"""A statement table with its title above and a detail line about the highlighted cell below."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from parser.doubts import failing_checks

from ..data.describe import cell_detail, doubted_cells, marks_doubt
from ..data.text import safe_text
from .statement_table import StatementTable


class StatementView(Vertical):
    """Title, table and detail line; the detail line shows why a marked cell does not foot."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.title_line = Static(id="statement-title")
        self.grid = StatementTable(id="statement-table")
        self.detail_line = Static(id="statement-detail")

    def compose(self) -> ComposeResult:
        yield self.title_line
        yield self.grid
        yield self.detail_line

    def show(self, filing, table, row_index: int | None = None) -> None:
        """Show a table of a filing; with `row_index`, put the cursor on that row."""
        failing = len(failing_checks(table))
        title = f"{safe_text(table.title) or 'Table'} · {table.kind} · table {table.index} · lines {table.first_line}-{table.last_line}"
        if failing:
            title += f" · {failing} cell(s) do not foot (marked ≠)"
        doubted = sum(1 for reasons in doubted_cells(table).values()
                      if marks_doubt(reasons))
        if doubted:
            title += f" · {doubted} in doubt (marked ?)"
        self.title_line.update(Content(title))
        self.filing = filing
        self.grid.show(table, self.size.width or self.parent.size.width)  # type: ignore[union-attr]  # mounted

        if row_index is not None:
            self.grid.highlight_row(row_index)
        self._update_detail()

    def on_resize(self) -> None:
        """Fit the label column to the new width, keeping the cursor."""
        grid = self.grid
        if grid.table is not None:
            where = grid.cursor_coordinate
            grid.show(grid.table, self.size.width)
            grid.move_cursor(row=where.row, column=where.column, animate=False)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._update_detail()

    def _update_detail(self) -> None:
        """Describe the cell under the cursor."""
        grid = self.grid
        text = ""
        if grid.table is not None and grid.row_index is not None:
            text = cell_detail(grid.table, grid.row_index, grid.column_index)
        self.detail_line.update(Content(text))
