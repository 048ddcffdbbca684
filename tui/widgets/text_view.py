"""A read-only view of filing lines, numbered as in the file, with find matches highlighted."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..data.text import safe_text

GUTTER = 6
MATCH = Style(bgcolor="yellow", color="black")
CURRENT = Style(bgcolor="dark_orange", color="black", bold=True)
NUMBER = Style(dim=True)


class TextView(ScrollView, can_focus=True):
    """Lines first_line..last_line of a filing, shown literally (control characters escaped)."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list[str] = []
        self.first_line = 1
        self.matches: list[tuple[int, int, int]] = []
        self.current_match: tuple[int, int, int] | None = None

    @property
    def last_line(self) -> int:
        """The file line number of the last line shown."""
        return self.first_line + len(self.lines) - 1

    def show(self, lines: list[str], first_line: int) -> None:
        """Show these lines, the first being line `first_line` of the file."""
        self.lines = [safe_text(line) for line in lines]
        self.first_line = first_line
        width = max((len(line) for line in self.lines), default=0) + GUTTER
        self.virtual_size = Size(width, len(self.lines))
        self.scroll_to(0, 0, animate=False)
        self.refresh()

    def set_matches(self, matches: list[tuple[int, int, int]], current: tuple[int, int, int] | None) -> None:
        """Highlight (line, start, end) matches, the current one brighter, and scroll to it."""
        self.matches = matches
        self.current_match = current
        if current is not None:
            y = current[0] - self.first_line
            fits = current[2] + GUTTER < self.size.width  # keep the line's start in view when the match fits
            x = 0 if fits else max(0, current[1] + GUTTER - self.size.width // 2)
            self.scroll_to(x, max(0, y - self.size.height // 3), animate=False)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        base = self.rich_style
        if index >= len(self.lines):
            return Strip.blank(self.size.width, base)
        number = self.first_line + index
        gutter = Strip([Segment(f"{number:>{GUTTER - 1}} ", base + NUMBER)])
        text = Strip(self._line_segments(number, self.lines[index], base))
        text = text.crop_extend(scroll_x, scroll_x + max(0, self.size.width - GUTTER), base)
        return Strip.join([gutter, text])

    def _line_segments(self, number: int, line: str, base: Style) -> list[Segment]:
        """The line cut into plain and highlighted pieces."""
        spans = sorted((start, end) for line_no, start, end in self.matches if line_no == number)
        segments, cursor = [], 0
        for start, end in spans:
            if start < cursor:
                continue
            style = CURRENT if self.current_match == (number, start, end) else MATCH
            segments += [Segment(line[cursor:start], base), Segment(line[start:end], base + style)]
            cursor = end
        segments.append(Segment(line[cursor:], base))
        return [segment for segment in segments if segment.text]
