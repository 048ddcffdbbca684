"""Compare two periods of a table: values side by side, change, % change, largest moves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ..data.compare import Comparison, change_text, common_scale, compare, default_pair, figure, scaled
from ..data.describe import column_header
from ..data.export import comparison_grid
from ..data.text import safe_text
from ..data.units import unit_text
from ..widgets.mark_styles import mark_styles
from ..widgets.statement_table import DOUBT_MARK

if TYPE_CHECKING:
    from textual import getters

    from ..app import ColtApp


class CompareScreen(Screen):
    """Two columns compared, of one table or of the same statement in two filings (`comparison` and
    `prior_filing` given); sortable, with jumps between the largest moves."""

    if TYPE_CHECKING:
        app = getters.app(ColtApp)  # typed: only ColtApp pushes this screen

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", key_display="esc", id="compare.back"),
        Binding("o", "toggle_sort", "Sort by change", id="compare.toggle_sort"),
        Binding("right_square_bracket", "next_move", "Next move", id="compare.next_move"),
        Binding("left_square_bracket", "previous_move", "Prev move", id="compare.previous_move"),
        Binding("p", "pick_periods", "Periods", id="compare.pick_periods"),
        Binding("u", "toggle_units", "Units", id="compare.toggle_units"),
        Binding("e", "export", "Export", id="compare.export"),
        Binding("y", "copy_row", "Copy row", id="compare.copy_row"),
        Binding("Y", "copy_table", "Copy table", show=False, id="compare.copy_table"),
        Binding("j", "cursor_down", "Down", show=False, id="compare.cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="compare.cursor_up"),
        Binding("g", "first", "First", show=False, id="compare.first"),
        Binding("G", "last", "Last", show=False, id="compare.last"),
    ]

    def __init__(self, filing, table, comparison: Comparison | None = None, prior_filing=None) -> None:
        super().__init__()
        self.filing = filing
        self.table = table
        self.prior_filing = prior_filing
        # without a comparison the screen is opened only on a table that has a pair of columns
        self.comparison: Comparison = comparison or compare(table, *default_pair(table))  # type: ignore[misc]
        self.by_change = False
        self.display_scale = self.comparison.current.scale
        self.move_rank = -1
        self.label_width = 0

    def compose(self) -> ComposeResult:
        yield Static(id="compare-title")
        yield DataTable(cursor_type="row", fixed_columns=1, id="compare-table")
        yield Static(id="compare-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.render_comparison()
        self.grid.focus()

    def on_resize(self) -> None:
        if self._label_width() != self.label_width:
            self.render_comparison()  # the label column takes the width the values leave

    @property
    def grid(self) -> DataTable:
        """The comparison table widget."""
        return self.query_one("#compare-table", DataTable)

    @property
    def line_index(self) -> int | None:
        """The comparison line under the cursor."""
        if not self.grid.row_count:
            return None
        key = self.grid.coordinate_to_cell_key(self.grid.cursor_coordinate).row_key
        return int(key.value)  # type: ignore[arg-type]  # every row is added with its line's index as key


    def render_comparison(self) -> None:
        """Fill the table from the comparison in the chosen order and scale."""
        comparison, grid = self.comparison, self.grid
        keep = self.line_index
        grid.clear(columns=True)
        current, prior = comparison.current, comparison.prior
        headers = [self._header(current), self._header(prior), ["Change"], ["% change"]]
        depth = max(len(lines) for lines in headers)
        grid.header_height = depth
        self.label_width = self._label_width(headers)
        grid.add_column(Text("\n" * (depth - 1) + "Line item", style="bold"), width=self.label_width, key="label")
        for key, lines in zip(("current", "prior", "change", "percent"), headers):
            grid.add_column(Text("\n".join([""] * (depth - len(lines)) + lines), justify="right", style="bold"), key=key)
        for k in comparison.order(self.by_change):
            grid.add_row(*self._cells(comparison.lines[k]), key=str(k))
        if keep is not None:
            grid.move_cursor(row=grid.get_row_index(str(keep)), animate=False)
        sort = "by change" if self.by_change else "as printed"
        where = safe_text(self.filing.company or self.filing.name) if comparison.across_filings else self.filing.name
        title = f"{safe_text(self.table.title)} ({where}) · {safe_text(comparison.title)} · sorted {sort}"
        if comparison.doubted:
            title += f" · {comparison.doubted} line(s) in doubt ({DOUBT_MARK})"
        self.query_one("#compare-title", Static).update(Content(title))

    def _label_width(self, headers: list[list[str]] | None = None) -> int:
        """The label column's width: up to 44, what the screen leaves beside the value columns."""
        if headers is None:
            headers = [self._header(self.comparison.current), self._header(self.comparison.prior)]
        values = sum(max(len(line) for line in lines) + 2 for lines in headers[:2]) + 22  # change, % change
        return min(44, max(20, self.app.size.width - values - 2))

    def _header(self, column) -> list[str]:
        """Header lines of a value column, in the unit shown."""
        lines = column_header(column)
        if self.display_scale != column.scale and column.unit_text in lines:
            lines[lines.index(column.unit_text)] = unit_text(column.currency, self.display_scale)
        return lines

    def _cells(self, line) -> list[Text]:
        """The label, both values, change and % change of a line, styled."""
        styles = mark_styles(self.app)
        style = styles.heading if line.kind == "heading" else styles.subtotal if line.kind == "subtotal" else ""
        cells = [Text("  " * line.depth + safe_text(line.label), style=style, no_wrap=True, overflow="ellipsis")]
        for cell, column, doubt in ((line.current, self.comparison.current, line.current_doubt),
                                    (line.prior, self.comparison.prior, line.prior_doubt)):
            cells.append(self._value(cell, column, doubt))
        change, pct = change_text(line, self.comparison.current.scale, self.display_scale)
        colour = "" if not line.change else (styles.positive if line.change > 0 else styles.negative)
        cells += [Text(change, style=colour, justify="right"), Text(pct, style=colour, justify="right")]
        return cells

    def _value(self, cell, column, doubt: bool = False) -> Text:
        """A value as printed, or moved to the common scale; marked when in doubt."""
        if cell is None:
            return Text("")
        if self.display_scale == column.scale or cell.kind != "amount":
            shown = safe_text(cell.raw)
        else:
            value, decimals = scaled(cell.value, cell.kind, column.scale, self.display_scale, 0)
            shown = figure(value, decimals)
        styles = mark_styles(self.app)
        text = Text(shown, style=styles.negative if cell.value < 0 else "", justify="right")
        if doubt:
            text.append(DOUBT_MARK, style=styles.doubt)
        return text

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        index = self.line_index
        if index is None:
            return
        line = self.comparison.lines[index]
        change, pct = change_text(line, self.comparison.current.scale, self.comparison.current.scale)
        moves = self.comparison.largest_moves()
        rank = f" · move {moves.index(index) + 1} of {len(moves)} by size" if index in moves else ""
        only = " · only in the prior filing" if line.row_index is None else ""
        doubt = " · in doubt: see the statement's cell" if line.current_doubt or line.prior_doubt else ""
        text = f"{safe_text(line.label)}: {change or 'no change'} {pct}{rank} · line {line.source_line}{only}{doubt}"
        self.query_one("#compare-detail", Static).update(Content(text))

    def action_toggle_sort(self) -> None:
        """Sort by absolute change, or back to the printed order."""
        self.by_change = not self.by_change
        self.render_comparison()

    def action_toggle_units(self) -> None:
        """Switch between the printed units and the common scale."""
        printed = self.comparison.current.scale
        self.display_scale = common_scale(printed) if self.display_scale == printed else printed
        self.render_comparison()

    def action_next_move(self) -> None:
        """Go to the next largest move."""
        self._jump(+1)

    def action_previous_move(self) -> None:
        """Go to the previous (larger) move."""
        self._jump(-1)

    def _jump(self, step: int) -> None:
        moves = self.comparison.largest_moves()
        if not moves:
            return
        self.move_rank = (self.move_rank + step) % len(moves)
        self.grid.move_cursor(row=self.grid.get_row_index(str(moves[self.move_rank])), animate=False)

    def action_pick_periods(self) -> None:
        """Choose two other columns to compare."""
        from ..data.crosscompare import comparable_columns
        from .periods import PeriodPicker

        if self.comparison.across_filings:
            prior = self.comparison.prior_table
            picker = PeriodPicker(self.table, prior, comparable_columns(self.table, prior))
        else:
            picker = PeriodPicker(self.table)
        self.app.push_screen(picker, self._periods_picked)

    def _periods_picked(self, pair) -> None:
        if pair is not None:
            if self.comparison.across_filings:
                from ..data.crosscompare import compare_filings

                compared = compare_filings(self.filing, self.table, self.prior_filing,
                                           self.comparison.prior_table, pair)
                assert compared is not None  # None only when no pair is given
                self.comparison = compared
            else:
                self.comparison = compare(self.table, *pair)
            self.display_scale, self.move_rank = self.comparison.current.scale, -1
            self.render_comparison()

    def action_export(self) -> None:
        """Export the comparison (the format follows the file's extension)."""
        from ..data.export import export_stem

        title = self.table.title or f"table {self.table.index}"
        against = ["vs", self.comparison.prior_from] if self.comparison.across_filings else []
        name = export_stem(self.filing, title, "compare", *against)
        self.app.export_grid(comparison_grid(self.comparison), name, f"Compare {title}")

    def action_copy_row(self) -> None:
        """Copy the highlighted line as TSV."""
        if self.line_index is not None:
            self.app.copy_text(comparison_grid(self.comparison).to_tsv([self.line_index]), "row as TSV")

    def action_copy_table(self) -> None:
        """Copy the whole comparison as TSV."""
        self.app.copy_text(comparison_grid(self.comparison).to_tsv(), "comparison as TSV")

    def action_cursor_down(self) -> None:
        self.grid.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.grid.action_cursor_up()

    def action_first(self) -> None:
        self.grid.action_scroll_top()

    def action_last(self) -> None:
        self.grid.action_scroll_bottom()
