"""A list that renders only its visible rows (fixed height each), so 100,000 rows cost what 10 do."""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class VirtualList(ScrollView, can_focus=True):
    """Rows of `row_height` lines drawn on demand by `row_lines`; a cursor row; subclasses say what happens."""

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]
    COMPONENT_CLASSES = {"virtual-list--cursor"}
    DEFAULT_CSS = """
    VirtualList > .virtual-list--cursor { background: $block-cursor-blurred-background; }
    VirtualList:focus > .virtual-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    """
    row_height = 1

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._count = 0
        self._highlighted: int | None = None
        self.cursor_moved = False  # set once the user moves the cursor: lists then keep it on their row
        self._lines: dict[tuple[int, int], list[Text]] = {}

    @property
    def option_count(self) -> int:
        """How many rows the list has."""
        return self._count

    @property
    def highlighted(self) -> int | None:
        """The row under the cursor."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        before = self._highlighted
        if index is not None:
            index = min(max(index, 0), self._count - 1) if self._count else None
        self._highlighted = index
        if index is not None:
            self.scroll_to_region(self._row_region(index), animate=False, immediate=True)
        self.refresh()
        if index is not None and index != before:
            self.row_highlighted(index)

    def set_count(self, count: int, highlighted: int | None = None) -> None:
        """Show `count` rows (their text comes from `row_lines`) with the cursor on `highlighted`."""
        self._count = count
        self._lines.clear()
        self._highlighted = min(highlighted, count - 1) if highlighted is not None and count else None
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_height * count)
        if self._highlighted is not None:
            self.scroll_to_region(self._row_region(self._highlighted), animate=False, immediate=True)
        else:
            self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def row_lines(self, index: int, width: int) -> list[Text]:
        """The lines of row `index` at `width` cells (exactly `row_height` of them)."""
        raise NotImplementedError

    def row_highlighted(self, index: int) -> None:
        """Called when the cursor moves to a new row."""

    def row_chosen(self, index: int) -> None:
        """Called on enter or a click."""

    def _row_region(self, index: int) -> Region:
        return Region(0, index * self.row_height, max(self.scrollable_content_region.width, 1), self.row_height)

    def action_move(self, step: int) -> None:
        """Move the cursor by `step` rows."""
        self.cursor_moved = True
        if self._count:
            start = self._highlighted if self._highlighted is not None else (-1 if step > 0 else 0)
            self.highlighted = start + step

    def action_page(self, direction: int) -> None:
        """Move the cursor by a screenful."""
        self.action_move(direction * max(self.scrollable_content_region.height // self.row_height, 1))

    def action_first(self) -> None:
        """Go to the first row."""
        self.cursor_moved = True
        self.highlighted = 0

    def action_last(self) -> None:
        """Go to the last row."""
        self.cursor_moved = True
        self.highlighted = self._count - 1

    def action_choose(self) -> None:
        """Choose the row under the cursor."""
        self.cursor_moved = True
        if self._highlighted is not None:
            self.row_chosen(self._highlighted)

    def on_click(self, event) -> None:
        index = (event.y + int(self.scroll_offset.y)) // self.row_height
        if 0 <= index < self._count:
            self.cursor_moved = True
            self.highlighted = index
            self.row_chosen(index)

    def on_resize(self) -> None:
        self._lines.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_height * self._count)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, part = divmod(y + int(self.scroll_offset.y), self.row_height)
        if index >= self._count:
            return Strip.blank(width, self.rich_style)
        lines = self._lines.get((index, width))
        if lines is None:
            if len(self._lines) > 1000:
                self._lines.clear()
            lines = self._lines[(index, width)] = self.row_lines(index, width)
        base = self.rich_style
        if index == self._highlighted:
            base = base + self.get_component_rich_style("virtual-list--cursor")
        segments = [Segment(s.text, base + s.style if s.style else base)
                    for s in lines[part].render(self.app.console) if s.text != "\n"]
        return Strip(segments).crop_extend(0, width, base)
