"""The main screen: filing list and outline on the left, the content pane on the right."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Tree

from ..widgets.content_pane import ContentPane
from ..widgets.filing_list import FilingList
from ..widgets.outline import Outline, OutlineItem
from ..widgets.status_line import StatusLine
from ..widgets.where_line import WhereLine
from . import table_actions, view_actions
from .finder import Finder

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual import getters

    from ..app import ColtApp

WORKS_IN_INPUT = {"toggle_sidebar", "toggle_full_screen", "clear"}  # keys a text box does not take
NEEDS_TABLE = {"compare", "series", "export", "copy_row", "copy_table", "copy_cell", "copy_markdown"}


class MainScreen(Finder, Screen):
    """Browse the open filings: pick a filing, then a section or table of its outline."""

    if TYPE_CHECKING:
        app = getters.app(ColtApp)  # typed: only ColtApp pushes this screen

    complete = False  # every pane is mounted (a frame after the filing list)

    BINDINGS = [
        Binding("slash", "search", "Search", id="search", priority=True),  # typed-ahead letters reach the box
        Binding("f", "find", "Find", id="find", priority=True),  # typed-ahead letters reach the box
        Binding("n", "find_next", "Next match", show=False, id="find_next"),
        Binding("N", "find_previous", "Previous match", show=False, id="find_previous"),
        Binding("left_square_bracket", "previous_table", "Prev", id="previous_table"),
        Binding("right_square_bracket", "next_table", "Next table", id="next_table"),
        Binding("c", "compare", "Compare", id="compare"),
        Binding("C", "compare_filings", "Vs filing", id="compare_filings"),
        Binding("s", "series", "Series", id="series"),
        Binding("e", "export", "Export", id="export"),
        Binding("y", "copy_row", "Copy", id="copy_row"),
        Binding("Y", "copy_table", "Copy table", show=False, id="copy_table"),
        Binding("x", "copy_cell", "Copy cell", show=False, id="copy_cell"),
        Binding("M", "copy_markdown", "Copy as Markdown", show=False, id="copy_markdown"),
        Binding("f9", "toggle_sidebar", "Side panes", id="toggle_sidebar"),
        Binding("f10", "toggle_full_screen", "Full screen", id="toggle_full_screen"),
        Binding("v", "toggle_source", "Source", id="toggle_source"),
        Binding("o", "open_pager", "Pager", id="open_pager"),
        Binding("escape", "clear", "Clear", show=False, id="clear"),
        Binding("1", "statement('income')", "Income", id="statement_income"),
        Binding("2", "statement('balance')", "Balance", id="statement_balance"),
        Binding("3", "statement('cash_flow')", "Cash flow", id="statement_cash_flow"),
    ]

    def compose(self) -> ComposeResult:
        """The first frame: the where line and the filing list, filled from the cache. Every widget costs
        a few milliseconds to mount and draw, so the rest of the screen comes a frame later (`_complete`),
        into space the "-staging" class keeps for it: nothing moves when it arrives."""
        self.app.preview_filings()
        self.add_class("-staging")
        yield WhereLine(id="where")
        with Horizontal(id="panes"):
            with Vertical(id="sidebar"):
                yield FilingList(self.app.library, id="filings")
            yield Vertical(id="main-pane")

    def on_mount(self) -> None:
        self.query_one("#filings").border_title = "Filings"
        self.query_one(FilingList).focus()
        self.call_after_refresh(self._complete)

    async def _complete(self) -> None:
        """Mount the filter, the outline, the content pane, the status line and the key footer; then start
        loading the folder index."""
        sidebar = self.query_one("#sidebar")
        if not sidebar.is_attached:  # the app closed within its first frame
            return
        outline, content = Outline(id="outline"), ContentPane(id="content")
        outline.border_title, content.border_title = "Outline", "Content"
        await asyncio.gather(sidebar.mount(Input(placeholder="filter filings (type here)", id="filter"), before=0),
                             sidebar.mount(outline), self.query_one("#main-pane").mount(content, before=0),
                             self.mount(StatusLine(id="status")), self.mount(Footer(compact=True)))
        self.remove_class("-staging")
        self.complete = True
        self.refresh_bindings()
        self.app.start_loading()

    @property
    def filing_list(self) -> FilingList:
        """The filing list."""
        return self.query_one(FilingList)

    @property
    def outline(self) -> Outline:
        """The outline tree."""
        return self.query_one(Outline)

    @property
    def content(self) -> ContentPane:
        """The content pane."""
        return self.query_one(ContentPane)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.complete:
            return action == "search"  # the other keys act on panes not mounted yet (for a frame)
        if isinstance(self.focused, Input) and action not in WORKS_IN_INPUT:
            return False  # its key types into the box: the footer shows only what works there
        if action in NEEDS_TABLE and self.content.table is None:
            return None
        return True

    def loading_progress(self, done: int, total: int) -> None:
        """Show parsing progress in the status line."""
        self.query_one(StatusLine).show_progress(done, total, self.app.library.failed)

    def set_status(self, text: str) -> None:
        """Put a short message in the status line."""
        self.query_one(StatusLine).say(text)

    def filings_arrived(self, paths: Sequence[str] = ()) -> None:
        """Relist the filings and show progress; open the highlighted one if nothing is open or it just arrived."""
        self.filing_list.refresh_entries()
        self.loading_progress(*self.app.library.progress)
        self.show_where()
        path = self.filing_list.highlighted_path
        if path and self._nothing_open():
            self.call_after_refresh(self._open_first, path)  # the list first: it shows a frame earlier
        elif path and path in paths:
            self.open_filing(path)

    def _nothing_open(self) -> bool:
        return self.outline.filing is None and self.content.filing is None

    def _open_first(self, path: str) -> None:
        """Open the first filing a frame after the list, unless something was opened in that frame (a
        search hit or a palette entry chosen at once)."""
        if self._nothing_open():
            self.open_filing(path)

    def open_filing(self, path: str) -> None:
        """Show a filing's outline and its first section (or its error)."""
        entry = self.app.library.get(path)
        if entry is None or not entry.loaded:
            return
        filing = entry.filing
        self.outline.show(filing)
        self.show_where(filing)
        if filing.error:
            self.content.show_message(f"✗ {entry.name} could not be parsed:\n\n{filing.error}", filing)
        elif filing.sections:
            self.content.show_section(filing, filing.sections[0])
        else:
            self.content.show_section(filing, SimpleNamespace(first_line=1, last_line=len(filing.lines)))
        self.refresh_bindings()

    def show_where(self, filing=None) -> None:
        """Say which folder, how many filings and which filing is open (with its warnings)."""
        library = self.app.library
        filing = filing if filing is not None else self.outline.filing
        self.query_one(WhereLine).show(library.roots, len(library), library.failed, filing)

    def open_item(self, item: OutlineItem) -> None:
        """Show an outline item in the content pane."""
        filing = self.outline.filing
        if item.table_index is not None:
            self.content.show_table(filing, item.table_index)
        elif item.section is not None:
            self.content.show_section(filing, item.section)
            self.apply_find_highlights()
        self.refresh_bindings()

    def show_table(self, path: str, table_index: int, row_index: int | None = None) -> None:
        """Open a filing's table (from search or the palette) and focus it."""
        self._select_filing(path)
        self.content.show_table(self.outline.filing, table_index, row_index)
        self.outline.move_to(table_index=table_index)
        self.content.statement.grid.focus()
        self.refresh_bindings()

    def show_section(self, path: str, section) -> None:
        """Open a filing's section (from the palette) and focus its text."""
        self._select_filing(path)
        self.content.show_section(self.outline.filing, section)
        self.outline.move_to(section=section)
        self.apply_find_highlights()
        self.content.text_view.focus()
        self.refresh_bindings()

    def select_filing(self, path: str) -> None:
        """Put the list cursor on a filing (from the palette) and show its first section."""
        self._select_filing(path)
        self.open_filing(path)
        self.outline.focus()

    def _select_filing(self, path: str) -> None:
        """Put the list cursor on a filing and show its outline, without reopening its first section."""
        if self.filing_list.highlighted_path == path and self.outline.filing is not None:
            return
        if path not in self.filing_list.paths:
            self.query_one("#filter", Input).value = ""
            self.filing_list.filter_text = ""
        with self.filing_list.prevent(FilingList.FilingHighlighted):
            self.filing_list.cursor_moved = True  # chosen (by search or palette): keep it there
            self.filing_list.highlighted = self.filing_list.paths.index(path)
        self.outline.show(self.app.library.get(path).filing)  # type: ignore[union-attr]  # a listed path has an entry

    @on(FilingList.FilingHighlighted)
    def _filing_highlighted(self, event: FilingList.FilingHighlighted) -> None:
        if event.path == self.filing_list.highlighted_path:  # not a stale one: the cursor has moved on since
            self.open_filing(event.path)

    @on(FilingList.FilingChosen)
    def _filing_chosen(self) -> None:
        self.outline.focus()

    @on(Tree.NodeHighlighted, "#outline")
    def _outline_highlighted(self, event: Tree.NodeHighlighted) -> None:
        if event.node.data is not None:
            self.open_item(event.node.data)

    @on(Tree.NodeSelected, "#outline")
    def _outline_selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data is not None:
            self.open_item(event.node.data)
            if self.content.focus_target is not None:
                self.content.focus_target.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filing_list.filter_text = event.value

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.filing_list.focus()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        self.run_find(event.value)

    def action_clear(self) -> None:
        """Close the find bar, or clear the filter."""
        if self.query("#find") and self.find_bar.display:
            self.close_find()
        elif self.focused is self.query_one("#filter"):
            self.query_one("#filter", Input).value = ""
            self.filing_list.focus()

    def action_search(self) -> None:
        """Open the line-item search."""
        from .search import SearchScreen

        self.app.push_screen(SearchScreen(self.app.index), self._search_done)

    def _search_done(self, hit) -> None:
        if hit is not None:
            self.show_table(hit.item.filing_path, hit.item.table_index, hit.item.row_index)

    def action_statement(self, kind: str) -> None:
        """Open the open filing's income statement, balance sheet or cash-flow statement."""
        from ..data.statements import NAMES, main_statement

        filing = self.outline.filing
        if filing is None:
            self.notify("Open a filing first.", severity="warning")
            return
        index = main_statement(filing, kind)
        if index is None:
            self.notify(f"No {NAMES[kind]} found in this filing.", severity="warning")
            return
        self.show_table(filing.path, index)

    def action_next_table(self) -> None:
        """Open the next table of the filing."""
        view_actions.step_table(self, +1)

    def action_previous_table(self) -> None:
        """Open the previous table of the filing."""
        view_actions.step_table(self, -1)

    def action_compare(self) -> None:
        """Compare two periods of the open table."""
        from ..data.compare import default_pair
        from .compare import CompareScreen

        table = self.content.table
        if default_pair(table) is None:
            self.notify("No two columns of equal length and currency to compare in this table.", severity="warning")
            return
        self.app.push_screen(CompareScreen(self.content.filing, table))

    def action_toggle_sidebar(self) -> None:
        """Hide or show the filter, filing list and outline."""
        view_actions.toggle_sidebar(self)

    def action_toggle_full_screen(self) -> None:
        """The focused pane fills the screen, or goes back to its place."""
        view_actions.toggle_full_screen(self)

    def action_toggle_source(self) -> None:
        """Toggle the open table between its parsed grid and its lines in the filing."""
        view_actions.toggle_source(self)

    def action_open_pager(self) -> None:
        """Open the filing in $PAGER (or $EDITOR) at the line under attention."""
        view_actions.open_pager(self)

    def action_compare_filings(self) -> None:
        """Compare the open statement with the same statement in another filing of the same company."""
        from .vs_filing import compare_with_another_filing

        compare_with_another_filing(self.app, self.content.filing, self.content.table)

    def action_series(self) -> None:
        """Show the highlighted row across every period of every loaded filing."""
        from ..data.series import build_series
        from .series import SeriesScreen

        grid = self.content.statement.grid
        row = self.content.table.rows[grid.row_index] if grid.row_index is not None else None
        if row is None or not any(row.cells):
            self.notify("Put the cursor on a row with values.", severity="warning")
            return
        series = build_series(self.app.library.filings(), self.content.table, row, grid.column_index, self.content.filing)
        self.app.push_screen(SeriesScreen(series))

    def action_export(self) -> None:
        """Export the open table (CSV, TSV, JSON, Parquet or Excel, by the file's extension)."""
        table_actions.export_table(self.app, self.content)

    def action_copy_row(self) -> None:
        """Copy the highlighted row as TSV."""
        table_actions.copy_row(self.app, self.content)

    def action_copy_table(self) -> None:
        """Copy the whole table as TSV."""
        table_actions.copy_table(self.app, self.content)

    def action_copy_cell(self) -> None:
        """Copy the highlighted cell's value as a plain decimal."""
        table_actions.copy_cell(self.app, self.content)

    def action_copy_markdown(self) -> None:
        """Copy the whole table as a Markdown table."""
        table_actions.copy_markdown(self.app, self.content)
