"""The help screen: every key of the browser and what the marks mean, from the same tables as
docs/BROWSER.md, and the search rules."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.content import Content
from textual.widgets import DataTable, Static

from ..data.keys import KEYS, MARKS, SEARCH_RULES


class HelpScreen(ModalScreen[None]):
    """A table of keys; escape, ? or F1 closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", key_display="esc")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield DataTable(cursor_type="row", id="help-table")
            yield Static(Content(SEARCH_RULES), id="help-rules")

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Keys (escape closes)"
        table = self.query_one(DataTable)
        table.add_columns(Text("Where"), Text("Key"), Text("Does"))
        for where, key, what in KEYS:
            table.add_row(Text(where, style="dim"), Text(key, style="bold"), Text(what))
        table.add_row(Text(""), Text(""), Text(""))
        for mark, what in MARKS:
            table.add_row(Text("Mark", style="dim"), Text(mark, style="bold"), Text(what))
        table.focus()
