"""The outline of the selected filing: its sections and, under each, its tables."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ..data.text import safe_text

TABLE_MARK = "▦ "


@dataclass(frozen=True)
class OutlineItem:
    """What an outline node opens: a section, or a table by index."""

    section: object = None
    table_index: int | None = None


class Outline(Tree[OutlineItem]):
    """A tree of sections, with each section's tables placed among its subsections."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__("outline", **kwargs)
        self.show_root = False
        self.auto_expand = False
        self.filing = None

    def action_first(self) -> None:
        """Move to the first node."""
        self.move_cursor_to_line(0)

    def action_last(self) -> None:
        """Move to the last node."""
        self.move_cursor_to_line(self.last_line)

    def show(self, filing) -> None:
        """Replace the tree with the outline of a filing (empty for None or a failed one)."""
        self.filing = filing
        self.clear()
        if filing is None or filing.error:
            return
        for section in filing.sections:
            self._add_section(self.root, section, filing)
        with self.prevent(Tree.NodeHighlighted):
            self.move_cursor_to_line(0)

    def _add_section(self, parent: TreeNode, section, filing) -> None:
        """Add a section node and, in line order, its tables and subsections."""
        node = parent.add(Text(safe_text(section.title)), data=OutlineItem(section=section), expand=True)
        children = [(child.first_line, 1, child) for child in section.children]
        children += [(filing.tables[k].first_line, 0, k) for k in section.tables]
        for _, is_section, child in sorted(children, key=lambda item: item[:2]):
            if is_section:
                self._add_section(node, child, filing)
            else:
                table = filing.tables[child]
                label = Text(TABLE_MARK, style="bold")
                label.append(safe_text(table.title or f"Table {child}"))
                node.add_leaf(label, data=OutlineItem(table_index=child))
        if not node.children:
            node.allow_expand = False

    def find_node(self, table_index: int | None = None, section=None) -> TreeNode | None:
        """The node of a table, or of a section."""
        stack = list(self.root.children)
        while stack:
            node = stack.pop(0)
            item = node.data
            if item and ((table_index is not None and item.table_index == table_index)
                         or (section is not None and item.section is section)):
                return node
            stack.extend(node.children)
        return None

    def move_to(self, table_index: int | None = None, section=None) -> None:
        """Put the cursor on a table's or section's node without opening it again (last_line builds the lines)."""
        node = self.find_node(table_index, section)
        if node is not None and self.cursor_node is not node and self.last_line >= 0:
            with self.prevent(Tree.NodeHighlighted):
                self.move_cursor_to_line(node.line)
            self.scroll_to_node(node, animate=False)
