"""The dataset's three tables and their one explicit schema each (pyarrow), Hive-partitioned by year.

- facts/: the facts contract (`parser.facts.FACT_COLUMNS`) plus where the row came from (source
  path, size, modification time, parser version) and the year it is filed under.
- filings/: one row per filing parsed (its summary, error and warnings): failures are rows.
- labels/: the normalised line items with their postings (filing, table, row) and values, for search.

`year` is the filing's date, else its period of report, else 0 when neither is known.
"""

from __future__ import annotations

import pyarrow as pa

SOURCE = [("source_path", pa.string()), ("source_size", pa.int64()), ("source_mtime_ns", pa.int64()),
          ("parser_version", pa.string())]

FACTS = pa.schema([
    ("filing", pa.string()), ("table", pa.int32()), ("table_title", pa.string()), ("statement", pa.string()),
    ("row", pa.int32()), ("group", pa.string()), ("line_item", pa.string()), ("column", pa.int32()),
    ("column_label", pa.string()), ("period_end", pa.string()), ("months", pa.int32()), ("currency", pa.string()),
    ("scale", pa.float64()), ("value", pa.float64()), ("kind", pa.string()), ("raw", pa.string()), ("line", pa.int32()),
    ("qualifier", pa.string()), ("check", pa.string()), ("doubt", pa.string()), ("company", pa.string()),
    ("cik", pa.string()), ("period_source", pa.string()), ("unit_source", pa.string()),
    *SOURCE, ("year", pa.int32()),
])

FILINGS = pa.schema([
    *SOURCE, ("name", pa.string()), ("form", pa.string()), ("company", pa.string()), ("cik", pa.string()),
    ("date", pa.string()), ("period", pa.string()), ("title", pa.string()), ("error", pa.string()),
    ("warnings", pa.list_(pa.string())), ("n_tables", pa.int32()), ("n_facts", pa.int32()),
    ("parsed_ns", pa.int64()),  # when it was parsed: the latest parse of a path is the current one
    ("year", pa.int32()),
])

LABELS = pa.schema([
    ("key", pa.string()), ("label", pa.string()), ("group", pa.string()), ("table", pa.int32()),
    ("table_title", pa.string()), ("row", pa.int32()), ("tier", pa.int8()),
    ("values", pa.list_(pa.string())), ("periods", pa.list_(pa.string())), ("units", pa.list_(pa.string())),
    ("doubted", pa.list_(pa.bool_())),  # each value as printed, with its period, unit and doubt (for the hits)
    ("filing_date", pa.string()), *SOURCE, ("year", pa.int32()),
])

TABLES = {"facts": FACTS, "filings": FILINGS, "labels": LABELS}
