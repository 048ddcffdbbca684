"""A table as a pandas DataFrame: rows x columns, columns indexed by period, unit and qualifier."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (PEP 781)
if TYPE_CHECKING:
    import pandas as pd

    from .model import Table


def table_frame(table: Table) -> pd.DataFrame:
    """Rows with numbers as a DataFrame; columns a MultiIndex (period, unit, qualifier)."""
    import pandas as pd

    keys = [
        (
            column.period.describe() if column.period else "",
            column.unit_text,
            column.qualifier,
        )
        for column in table.columns
    ]
    index = pd.MultiIndex.from_tuples(keys, names=["period", "unit", "qualifier"])
    rows = [row for row in table.rows if any(row.cells)]
    data = [[cell.value if cell is not None else None for cell in row.cells] for row in rows]
    labels = pd.Index([row.display_label for row in rows], name="line_item")
    return pd.DataFrame(data, index=labels, columns=index, dtype="float64")
