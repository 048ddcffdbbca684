"""Pickers: a modal list of choices; the period picker offers every pair of comparable columns."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..data.compare import column_text, pairs
from ..data.text import safe_text


class Picker(ModalScreen[Any]):
    """Returns the value of the chosen option, or None on Escape; options are (text, value) pairs whose
    text is filing text (shown as plain text, never markup)."""

    BINDINGS = [Binding("escape,q", "cancel", "Cancel", key_display="esc")]

    def __init__(self, title: str, options: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(id="periods-box"):
            yield OptionList(*[Option(Content(safe_text(text))) for text, _ in self.options], id="periods-list")

    def on_mount(self) -> None:
        self.query_one("#periods-box").border_title = self.title_text
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.options[event.option_index][1])

    def action_cancel(self) -> None:
        """Keep things as they are."""
        self.dismiss(None)


class PeriodPicker(Picker):
    """Returns the chosen (current, prior) column pair of a table (or of two tables), or None."""

    def __init__(self, table, prior_table=None, found: list[tuple[int, int]] | None = None) -> None:
        self.pairs = pairs(table) if found is None else found
        prior_columns = (prior_table or table).columns
        super().__init__("Compare which periods?", [
            (f"{column_text(table.columns[a])}  vs  {column_text(prior_columns[b])}", (a, b)) for a, b in self.pairs
        ])
