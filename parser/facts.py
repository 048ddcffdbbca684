"""The facts table: one row per numeric cell, the contract the command line and tests share."""

from __future__ import annotations

from .doubts import cell_doubts, doubt_text, failed_targets, is_doubted

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (PEP 781)
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    import pandas as pd

    from .model import Filing, Table

FACT_COLUMNS = [
    "filing", "table", "table_title", "statement", "row", "group", "line_item", "column",
    "column_label", "period_end", "months", "currency", "scale", "value", "kind", "raw", "line",
    "qualifier", "check", "doubt", "company", "cik", "period_source", "unit_source",
]


def fact_records(filing: Filing) -> Iterator[dict[str, Any]]:
    """Yield one dict per numeric cell of a filing, in table, row and column order."""
    for values in fact_tuples(filing):
        yield dict(zip(FACT_COLUMNS, values))


def fact_tuples(filing: Filing) -> Iterator[tuple[Any, ...]]:
    """Yield one tuple per numeric cell of a filing (FACT_COLUMNS order), in table, row and column order."""
    name, company, cik = filing.name, filing.company, filing.cik
    for table in filing.tables:
        status = cell_check_status(table)
        failed = failed_targets(table)
        title, statement, columns = table.title, str(table.kind), table.columns
        for row in table.rows:
            group, label = row.group_text, row.label
            for cell in row.cells:
                if cell is None:
                    continue
                column = columns[cell.column]
                period = cell.period
                yield (
                    name, table.index, title, statement, row.index, group, label, cell.column, column.label_text,
                    period.end.isoformat() if period else "", period.months if period else None,
                    cell.currency or "", cell.scale, cell.value, str(cell.kind), cell.raw, cell.line,
                    column.qualifier, status.get((row.index, cell.column), ""),
                    doubt_text(cell_doubts(table, row, cell, failed)) if is_doubted(row, cell, failed) else "", company, cik,
                    str(cell.period_source) if period else "", str(cell.unit_source),
                )


def cell_check_status(table: Table) -> dict[tuple[int, int], str]:
    """For each checked cell (row, column): "ok" when every check on it foots, else "fails"."""
    status: dict[tuple[int, int], str] = {}
    for check in table.checks:
        if not check.ok:
            status[check.target] = "fails"
        else:
            status.setdefault(check.target, "ok")
    return status


def facts_frame(filings: Filing | list[Filing]) -> pd.DataFrame:
    """One pandas DataFrame of facts for one filing or many."""
    if hasattr(filings, "tables"):
        filings = [filings]  # type: ignore[list-item]  # hasattr does not narrow the list away
    return frame_of_records([record for filing in filings for record in fact_records(filing)])


def fact_rows(filing: Filing) -> list[tuple[Any, ...]]:
    """A filing's facts as plain tuples in FACT_COLUMNS order (what the cache stores; no pandas)."""
    return list(fact_tuples(filing))


def frame_of_records(records: list[Any]) -> pd.DataFrame:
    """The facts DataFrame of records (dicts, or tuples in FACT_COLUMNS order), with the facts table's
    column types: months nullable integers, scale integers (objects where pence make it 0.01)."""
    import pandas as pd

    frame = pd.DataFrame.from_records(records, columns=FACT_COLUMNS)
    frame["months"] = frame["months"].astype("Int64")
    key = "scale" if records and isinstance(records[0], dict) else FACT_COLUMNS.index("scale")
    scales = [record[key] for record in records]
    if any(not float(scale).is_integer() for scale in scales):
        frame["scale"] = pd.Series(scales, dtype=object)  # pence: 0.01
    return frame
