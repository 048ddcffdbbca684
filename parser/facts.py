"""The facts table: one row per numeric cell, the contract the command line and tests share."""

from __future__ import annotations

from .doubts import cell_doubts, doubt_text, failed_targets

FACT_COLUMNS = [
    "filing", "table", "table_title", "statement", "row", "group", "line_item", "column",
    "column_label", "period_end", "months", "currency", "scale", "value", "kind", "raw", "line",
    "qualifier", "check", "doubt", "company", "cik", "period_source", "unit_source",
]


def fact_records(filing):
    """Yield one dict per numeric cell of a filing, in table, row and column order."""
    for table in filing.tables:
        status = cell_check_status(table)
        failed = failed_targets(table)
        for row in table.rows:
            for cell in row.cells:
                if cell is None:
                    continue
                column = table.columns[cell.column]
                period = cell.period
                yield {
                    "filing": filing.name,
                    "table": table.index,
                    "table_title": table.title,
                    "statement": str(table.kind),
                    "row": row.index,
                    "group": row.group_text,
                    "line_item": row.label,
                    "column": cell.column,
                    "column_label": column.label_text,
                    "period_end": period.end.isoformat() if period else "",
                    "months": period.months if period else None,
                    "currency": cell.currency or "",
                    "scale": cell.scale,
                    "value": cell.value,
                    "kind": str(cell.kind),
                    "raw": cell.raw,
                    "line": cell.line,
                    "qualifier": column.qualifier,
                    "check": status.get((row.index, cell.column), ""),
                    "doubt": doubt_text(cell_doubts(table, row, cell, failed)),
                    "company": filing.company,
                    "cik": filing.cik,
                    "period_source": str(cell.period_source) if period else "",
                    "unit_source": str(cell.unit_source),
                }


def cell_check_status(table) -> dict[tuple[int, int], str]:
    """For each checked cell (row, column): "ok" when every check on it foots, else "fails"."""
    status: dict[tuple[int, int], str] = {}
    for check in table.checks:
        if not check.ok:
            status[check.target] = "fails"
        else:
            status.setdefault(check.target, "ok")
    return status


def facts_frame(filings):
    """One pandas DataFrame of facts for one filing or many."""
    import pandas as pd

    if hasattr(filings, "tables"):
        filings = [filings]
    records = [record for filing in filings for record in fact_records(filing)]
    frame = pd.DataFrame.from_records(records, columns=FACT_COLUMNS)
    frame["months"] = frame["months"].astype("Int64")
    if any(not float(record["scale"]).is_integer() for record in records):
        frame["scale"] = pd.Series([record["scale"] for record in records], dtype=object)  # pence: 0.01
    return frame
