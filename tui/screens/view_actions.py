"""How the main screen moves and arranges what it shows: the next or previous table, side panes hidden,
a pane full screen, a table's source lines instead of its grid, the filing in the user's pager."""

from __future__ import annotations

PANES = ("filings", "outline", "content", "sidebar")  # what F10 fills the screen with: the focus's pane


def toggle_sidebar(screen) -> None:
    """Hide or show the filter, filing list and outline; the content pane takes the width."""
    sidebar = screen.query_one("#sidebar")
    sidebar.display = not sidebar.display
    if not sidebar.display and (screen.focused is None or sidebar in screen.focused.ancestors_with_self):
        target = screen.content.focus_target
        if target is not None:
            target.focus()


def toggle_full_screen(screen) -> None:
    """The focused pane fills the screen, or goes back to its place."""
    if screen.maximized is not None:
        screen.minimize()
    elif screen.focused is not None:
        pane = next((w for w in screen.focused.ancestors_with_self if w.id in PANES), screen.focused)
        screen.maximized = pane  # panes are containers, which Screen.maximize declines


def toggle_source(screen) -> None:
    """Toggle the open table between its parsed grid and its lines in the filing."""
    content = screen.content
    if content.source_of is not None and content.current == "text":
        content.show_table_again()
    elif content.table is not None:
        content.show_source()
    else:
        screen.notify("Open a statement table first.", severity="warning")
        return
    target = content.focus_target
    if target is not None:
        target.focus()


def open_pager(screen) -> None:
    """Open the filing in $PAGER (or $EDITOR) at the line under attention."""
    from .pager import open_in_pager

    if screen.content.filing is None:
        screen.notify("Open a filing first.", severity="warning")
        return
    open_in_pager(screen.app, screen.content.filing.path, screen.content.source_line)


def step_table(screen, direction: int) -> None:
    """Open the next (+1) or previous (-1) table of the filing: from a section, the nearest one after or
    before it."""
    filing = screen.outline.filing
    if filing is None or filing.error or not filing.tables:
        screen.set_status("This filing has no tables.")
        return
    tables, index = filing.tables, screen.content.table_index
    if index is not None:
        target = index + direction
    else:
        line = screen.content.section.first_line if screen.content.section else 1
        if direction > 0:
            target = next((t.index for t in tables if t.first_line >= line), len(tables) - 1)
        else:
            target = next((t.index for t in reversed(tables) if t.first_line < line), 0)
    target = min(max(target, 0), len(tables) - 1)
    screen.show_table(filing.path, target)
