"""A statement table: the label column frozen, numbers right-aligned as printed, structure styled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from parser.doubts import failing_checks

from ..data.describe import column_header, doubted_cells, marks_doubt
from ..data.text import safe_text
from .mark_styles import DEFAULT, MarkStyles, mark_styles

if TYPE_CHECKING:
    from parser.model import Table

LABEL_WIDTH = 64
MIN_LABEL_WIDTH = 18
NOT_FOOTING_MARK = "≠"
DOUBT_MARK = "?"


class StatementTable(DataTable):
    """One parser Table shown cell by cell; row keys are row indices, column keys column indices."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "Top", show=False),
        Binding("G", "scroll_bottom", "Bottom", show=False),
        Binding("h", "cursor_left", "Left", show=False),
        Binding("l", "cursor_right", "Right", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(fixed_columns=1, zebra_stripes=False, cursor_type="cell", **kwargs)
        self.table: Table | None = None
        self.available = 0


    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme) -> None:
        """Recolour the marks in the new theme, keeping the cursor."""
        if self.table is not None:
            where = self.cursor_coordinate
            self.show(self.table, self.available)
            self.move_cursor(row=where.row, column=where.column, animate=False)

    @property
    def row_index(self) -> int | None:
        """The parser row index under the cursor."""
        return self.cursor_row if self.table is not None and self.row_count else None

    @property
    def column_index(self) -> int | None:
        """The parser column index under the cursor, None on the label column."""
        return self.cursor_column - 1 if self.table is not None and self.cursor_column > 0 else None

    def show(self, table, available: int = 0) -> None:
        """Replace the contents with a parser Table; labels get at most half of `available` cells."""
        self.table, self.available = table, available
        styles = mark_styles(self.app)
        self.clear(columns=True)
        headers = [column_header(column) for column in table.columns]
        depth = max((len(lines) for lines in headers), default=1)
        self.header_height = depth
        widest = max((len(safe_text(row.display_label)) + 2 * len(row.group) for row in table.rows), default=10)
        cap = min(LABEL_WIDTH, max(MIN_LABEL_WIDTH, available // 2 - 2)) if available else LABEL_WIDTH
        self.add_column(Text("\n" * (depth - 1) + "Line item", style="bold"), width=min(widest, cap), key="label")
        for column, lines in zip(table.columns, headers):
            padded = [""] * (depth - len(lines)) + lines
            self.add_column(Text("\n".join(padded), justify="right", style="bold"), key=str(column.index))
        failing = failing_checks(table)
        doubted = doubted_cells(table)
        for row in table.rows:
            cells = [row_label(row, styles)] + [
                cell_text(row, k, failing.get((row.index, k)), doubted.get((row.index, k)), styles)
                for k in range(len(table.columns))
            ]
            self.add_row(*cells, key=str(row.index))

    def highlight_row(self, row_index: int) -> None:
        """Put the cursor on a row's first value."""
        assert self.table is not None  # a table is shown before its rows are highlighted
        row = self.table.rows[row_index]

        first = next((k for k, cell in enumerate(row.cells) if cell is not None), 0)
        self.move_cursor(row=row_index, column=first + 1, animate=False, scroll=True)


def row_label(row, styles: MarkStyles = DEFAULT) -> Text:
    """The label indented by its group depth; headings and subtotals styled."""
    indent = "  " * len(row.group)
    style = styles.heading if row.kind == "heading" else styles.subtotal if row.kind == "subtotal" else ""
    label = Text(indent + safe_text(row.display_label), style=style, no_wrap=True, overflow="ellipsis")
    if row.kind == "subtotal" and not row.label:
        label.stylize("italic")
    return label


def cell_text(row, column_index: int, failing_check=None, doubts=None, styles: MarkStyles = DEFAULT) -> Text:
    """The cell as printed, right-aligned; negatives, subtotals, failed checks and doubts marked."""
    cell = row.cell(column_index)
    if cell is None:
        return Text("")
    style = styles.negative if cell.value < 0 else ""
    if row.kind == "subtotal":
        style = f"{style} {styles.subtotal}".strip()
    text = Text(safe_text(cell.raw), style=style, justify="right", no_wrap=True)
    if failing_check is not None:
        text = Text(f"{NOT_FOOTING_MARK}{safe_text(cell.raw)}", style=styles.not_footing, justify="right",
                    no_wrap=True)
    if marks_doubt(doubts):
        text.append(DOUBT_MARK, style=styles.doubt)
    return text
