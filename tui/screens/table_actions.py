"""What the main screen does with its open table: export it, copy a cell, a row or the whole table.
(Imports wait for the first use: the start-up path never loads the parser.)"""

from __future__ import annotations


def export_table(app, content) -> None:
    """Ask where to export the open table (CSV, TSV, JSON, Parquet or Excel, by the file's extension)."""
    from ..data.export import export_stem, table_grid

    table = content.table
    stem = export_stem(content.filing, table.title or f"table {table.index}")
    app.export_grid(table_grid(table), stem, table.title or f"Table {table.index}")


def copy_row(app, content) -> None:
    """Copy the highlighted row as TSV, with the header line."""
    from ..data.export import table_grid

    grid = content.statement.grid
    app.copy_text(table_grid(content.table).to_tsv([grid.row_index]), "row as TSV")


def copy_table(app, content) -> None:
    """Copy the whole table as TSV."""
    from ..data.export import table_grid

    app.copy_text(table_grid(content.table).to_tsv(), "table as TSV")


def copy_cell(app, content) -> None:
    """Copy the highlighted cell's value as a plain decimal (2284872, -0.02)."""
    from ..data.numbers import plain

    grid = content.statement.grid
    row = content.table.rows[grid.row_index] if grid.row_index is not None else None
    cell = row.cell(grid.column_index) if row is not None and grid.column_index is not None else None
    if cell is None:
        app.notify("Put the cursor on a number.", severity="warning")
        return
    app.copy_text(plain(cell.value), "cell")


def copy_markdown(app, content) -> None:
    """Copy the whole table as a Markdown table."""
    from ..data.export import table_grid

    app.copy_text(table_grid(content.table).to_markdown(), "table as Markdown")
