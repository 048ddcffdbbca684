"""Line-item search: fuzzy hits over every loaded filing, updated on each keystroke."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..data.search import Hit, SearchIndex
from ..data.text import safe_text

MAX_VALUES = 6


class SearchScreen(ModalScreen[Hit | None]):
    """Type a line item; enter opens the highlighted hit's table on its row."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close"),
        Binding("down", "move(1)", "Next hit", show=False),
        Binding("up", "move(-1)", "Previous hit", show=False),
        Binding("pagedown", "move(10)", "Page down", show=False),
        Binding("pageup", "move(-10)", "Page up", show=False),
    ]

    def __init__(self, index: SearchIndex | None, query: str = "") -> None:
        super().__init__()
        self.index = index
        self.query_text = query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(self.query_text, placeholder="search line items: e.g. ebitda, total assets, revenue",
                        id="search-input")
            yield Static(id="search-count")
            yield OptionList(markup=False, id="search-hits")

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search line items"
        self.query_one(Input).focus()
        self.update_hits(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.update_hits(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        hits = self.query_one(OptionList)
        if hits.highlighted is not None:
            self.dismiss(self.hits[hits.highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])

    def update_hits(self, query: str) -> None:
        """Search again and list the hits."""
        self.hits = self.index.search(query) if query.strip() and self.index is not None else []
        hits = self.query_one(OptionList)
        hits.set_options([Option(hit_prompt(hit)) for hit in self.hits])
        if self.hits:
            hits.highlighted = 0
        count = f"{len(self.hits)} hits" if query.strip() else f"{len(self.index or ())} line items indexed"
        self.query_one("#search-count", Static).update(Content(count))

    def action_move(self, step: int) -> None:
        """Move the hit cursor while typing continues in the query."""
        hits = self.query_one(OptionList)
        if self.hits:
            hits.highlighted = min(max((hits.highlighted or 0) + step, 0), len(self.hits) - 1)

    def action_dismiss_none(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)


def hit_prompt(hit: Hit) -> Text:
    """The label as printed (and the synonym that found it), then date, table and values."""
    item = hit.item
    text = Text(safe_text(item.label), style="bold", no_wrap=True, overflow="ellipsis")
    if item.group:
        text.append(f"   in {safe_text(item.group)}", style="dim")
    if hit.via:
        text.append(f"   ≈ {hit.via}", style="italic")
    values = "  ".join(safe_text(value) for value in item.values[:MAX_VALUES])
    if len(item.values) > MAX_VALUES:
        values += "  …"
    text.append(f"\n  {item.filing_date or '?'} · {safe_text(item.table_title)} · ", style="dim")
    text.append(values)
    return text
