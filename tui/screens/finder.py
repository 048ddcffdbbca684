"""Find-in-text for the main screen: the find bar, n / N, and matches shown in their section."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from textual.widgets import Input

from ..data.find import Match, deepest_section, find_all, step

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..widgets.content_pane import ContentPane
    from ..widgets.outline import Outline

    class _Host(Screen[None]):
        """What the main screen gives the mixin (for the type checker only)."""

        @property
        def content(self) -> ContentPane: ...

        @property
        def outline(self) -> Outline: ...

        def set_status(self, text: str) -> None: ...
else:
    _Host = object


class Finder(_Host):
    """Mixed into the main screen: searches the open filing's lines and steps through matches."""

    find_query = ""
    find_matches: list[Match] = []
    find_current: Match | None = None


    @property
    def find_bar(self) -> Input:
        """The find bar under the content pane, mounted hidden the first time it is wanted."""
        bars = self.query("#find")
        if bars:
            return bars.first(Input)
        bar = Input(placeholder="find in this filing; enter, then n / N", id="find")
        bar.display = False
        self.query_one("#main-pane").mount(bar)
        return bar

    def action_find(self) -> None:
        """Show the find bar."""
        bar = self.find_bar
        bar.display = True
        self.set_focus(bar)  # now, so that letters typed right after `f` go into it

    def close_find(self) -> None:
        """Hide the find bar and its highlights."""
        self.find_bar.display = False
        self.find_query, self.find_matches, self.find_current = "", [], None
        self.content.text_view.set_matches([], None)
        if self.content.focus_target is not None:
            self.content.focus_target.focus()

    def run_find(self, query: str) -> None:
        """Find every match in the open filing and go to the first one after the view."""
        filing = self.content.filing
        if filing is None or filing.error:
            self.notify("Open a filing first.", severity="warning")
            return
        self.find_query, self.find_matches, self.find_current = query, find_all(filing.lines, query), None
        self._go_to_match(True)
        self.content.text_view.focus()

    def action_find_next(self) -> None:
        """Go to the next match."""
        self._go_to_match(True)

    def action_find_previous(self) -> None:
        """Go to the previous match."""
        self._go_to_match(False)

    def _go_to_match(self, forward: bool) -> None:
        """Step to a match, opening the section that holds it when it is out of view."""
        if not self.find_query:
            self.action_find()
            return
        if not self.find_matches:
            self.set_status(f"no match for {self.find_query!r}")
            self.notify(f"No match for {self.find_query!r}.", severity="warning", markup=False)
            return
        view = self.content.text_view
        start = view.first_line if self.content.current == "text" else 0
        self.find_current = current = step(self.find_matches, self.find_current, forward, start)
        assert current is not None  # there are matches
        line = current[0]
        if self.content.current != "text" or not view.first_line <= line <= view.last_line:
            filing = self.content.filing
            assert filing is not None  # the matches were found in the open filing

            section = deepest_section(filing, line) or SimpleNamespace(first_line=1, last_line=len(filing.lines))
            self.content.show_section(filing, section)
            self.outline.move_to(section=section)
            self.refresh_bindings()
        self.apply_find_highlights()
        number = self.find_matches.index(current) + 1

        self.set_status(f"match {number} of {len(self.find_matches)} for {self.find_query!r} (line {line})")

    def apply_find_highlights(self) -> None:
        """Highlight the matches that fall in the text shown."""
        view = self.content.text_view
        shown = [m for m in self.find_matches if view.first_line <= m[0] <= view.last_line]
        current = self.find_current if self.find_current in shown else None
        view.set_matches(shown, current)
