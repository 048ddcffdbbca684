"""What one task does on a worker: parse a partition of files and write its rows into the three
tables. File names are a digest of the partition's (path, size, mtime, parser version) keys, and each
file is written under a temporary name and renamed, so a task the scheduler retries overwrites its own
output instead of adding rows."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path


def partition_name(keys: list[tuple[str, int, int, str]]) -> str:
    """'part-<digest>': the same files at the same versions give the same name."""
    digest = hashlib.sha1()
    for path, size, mtime, version in sorted(keys):
        digest.update(f"{path}\0{size}\0{mtime}\0{version}\n".encode("utf-8", "surrogateescape"))
    return f"part-{digest.hexdigest()[:20]}"


def year_of(filing) -> int:
    """The year a filing is filed under: its date, else its period of report, else 0."""
    day = getattr(filing, "date", None) or getattr(filing, "period", None)
    return day.year if day else 0


def parse_partition(files: list[tuple[str, int, int]], out: str, version: str) -> dict:
    """Parse the files and write their facts, filings and labels rows under `out`; returns counts."""
    import pyarrow as pa

    from parser.facts import fact_records

    from ..data.lineitems import items_of, search_keys
    from .schema import TABLES
    from .sources import load

    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for path, size, mtime in files:
        filing = load(path)
        year = year_of(filing)
        source = {"source_path": path, "source_size": size, "source_mtime_ns": mtime, "parser_version": version}
        facts = [] if filing.error else list(fact_records(filing))
        for record in facts:
            record.update(source, year=year)
        rows["facts"] += facts
        rows["filings"].append({
            **source, "name": filing.name, "form": filing.form, "company": filing.company, "cik": filing.cik,
            "date": filing.date.isoformat() if filing.date else "", "period": filing.period.isoformat()
            if filing.period else "", "title": filing.title, "error": filing.error, "warnings": list(filing.warnings),
            "n_tables": len(filing.tables), "n_facts": len(facts), "parsed_ns": time.time_ns(), "year": year,
        })
        for item in ([] if filing.error else items_of(filing)):
            rows["labels"].append({"key": search_keys(item)[0], "label": item.label, "group": item.group,
                                   "table": item.table_index, "table_title": item.table_title,
                                   "row": item.row_index, "tier": item.tier, "values": list(item.values),
                                   "periods": [r.period for r in item.readings], "units": [r.unit for r in item.readings],
                                   "doubted": [r.doubted for r in item.readings], "filing_date": item.filing_date,
                                   **source, "year": year})
    name = partition_name([(p, s, m, version) for p, s, m in files])
    for table, schema in TABLES.items():
        by_year: dict[int, list[dict]] = {}
        for row in rows[table]:
            by_year.setdefault(row["year"], []).append(row)
        for year, chosen in by_year.items():
            data = pa.Table.from_pylist([{k: v for k, v in row.items() if k != "year"} for row in chosen],
                                        schema=schema.remove(schema.get_field_index("year")))
            _write(data, Path(out) / table / f"year={year}" / f"{name}.parquet")
    return {"files": len(files), "facts": len(rows["facts"]), "failed": sum(1 for r in rows["filings"] if r["error"])}


def _write(data, target: Path) -> None:
    """Write one Parquet file (zstd) whole: a temporary name beside it, then a rename."""
    import pyarrow.parquet as pq

    from ..output import written

    target.parent.mkdir(parents=True, exist_ok=True)
    with written(target, target.name, binary=True) as out:
        pq.write_table(data, out, compression="zstd")
