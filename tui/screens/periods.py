"""The period picker: every pair of equal-length columns of a table that can be compared."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..data.compare import column_text, pairs
from ..data.text import safe_text


class PeriodPicker(ModalScreen[tuple[int, int] | None]):
    """Returns the chosen (current, prior) column pair, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, table) -> None:
        super().__init__()
        self.table = table
        self.pairs = pairs(table)

    def compose(self) -> ComposeResult:
        columns = self.table.columns
        with Vertical(id="periods-box"):
            yield OptionList(
                *[Option(Content(safe_text(f"{column_text(columns[a])}  vs  {column_text(columns[b])}")))
                  for a, b in self.pairs],
                id="periods-list",
            )

    def on_mount(self) -> None:
        self.query_one("#periods-box").border_title = "Compare which periods?"
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.pairs[event.option_index])

    def action_cancel(self) -> None:
        """Keep the current periods."""
        self.dismiss(None)
