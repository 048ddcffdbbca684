"""Line-item search: fuzzy hits over every loaded filing, updated on each keystroke, shown in a virtual list."""

from __future__ import annotations

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..data.search import Hit, SearchIndex
from ..widgets.hit_list import HitList


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
        self.hits = ()

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(self.query_text, placeholder="search line items: e.g. ebitda, total assets, revenue",
                        id="search-input")
            yield Static(id="search-count")
            yield HitList(id="search-hits")

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search line items"
        self.query_one(Input).focus()
        self.update_hits(self.query_text)

    def on_key(self, event: events.Key) -> None:
        """Letters typed in the same instant as `/` are routed to the screen itself while it mounts (the
        box typed into takes its own and stops them): they go into the box, in order, instead of being
        lost."""
        box = self.query_one(Input)
        if event.is_printable and event.character:
            box.insert_text_at_cursor(event.character)
            box.focus()
            event.stop()
            event.prevent_default()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.update_hits(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        hits = self.query_one(HitList)
        if hits.highlighted is not None:
            self.dismiss(self.hits[hits.highlighted])

    def on_hit_list_hit_chosen(self, event: HitList.HitChosen) -> None:
        self.dismiss(self.hits[event.index])

    def update_hits(self, query: str) -> None:
        """Search again: list the first tier at once, and rank the rest in a worker."""
        index = self.index if self.index is not None else getattr(self.app, "index", None)
        self.index = index
        self.hits = index.results(query) if query.strip() and index is not None else ()
        complete = not self.hits or self.hits.is_complete
        self.query_one(HitList).show(self.hits, len(self.hits) if complete else self.hits.ready)  # type: ignore[union-attr]  # incomplete: results

        self._show_count(query)
        if not complete:
            self.complete_hits(self.hits)

    def index_complete(self, index) -> None:
        """Indexing ended: search the complete index, with what is typed so far."""
        self.index = index
        self.update_hits(self.query_one(Input).value)

    @work(thread=True, exclusive=True, group="search")
    def complete_hits(self, hits) -> None:
        """Rank the hits below the first tier off the event loop."""
        hits.complete()
        self.app.call_from_thread(self._hits_completed, hits)

    def _hits_completed(self, hits) -> None:
        if hits is self.hits and self.is_attached:
            self.query_one(HitList).extend(len(hits))
            self._show_count(self.query_one(Input).value)

    def _show_count(self, query: str) -> None:
        hits, index = self.hits, self.index
        if index is None:
            count = "the search index is being built…"
        elif not query.strip():
            count = f"{len(index):,} line items indexed"
        elif hits and not hits.is_complete:
            count = f"{hits.ready:,}+ hits, ranking the rest…"
        else:
            count = f"{len(hits):,} hits"
        self.query_one("#search-count", Static).update(Content(count))

    def action_move(self, step: int) -> None:
        """Move the hit cursor while typing continues in the query."""
        self.query_one(HitList).action_move(step)

    def action_dismiss_none(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)

