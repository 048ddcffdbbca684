"""The cache stores each filing's facts as plain tuples and their CSV lines written without pandas: the
lines equal pandas' `to_csv` of the facts frame byte for byte, edge cases included, and a pool worker
packing a record never imports pandas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from parser.facts import FACT_COLUMNS, frame_of_records
from tui.index.facts import csv_text, safe_frame
from tui.data.text import printable as safe

ROOT = Path(__file__).resolve().parents[1]


def row(**values) -> tuple:
    base: dict[str, object] = {name: "" for name in FACT_COLUMNS}

    base.update(table=0, row=0, column=0, line=1, months=12, scale=1000, value=1.0)
    base.update(values)
    return tuple(base[name] for name in FACT_COLUMNS)


def pandas_lines(rows) -> str:
    return safe_frame(frame_of_records(rows), safe).to_csv(index=False, header=False)


def test_fields_are_quoted_as_the_csv_module_quotes_them():
    import csv
    import io

    from tui.index.facts import _fields

    texts = ["plain", "", "1,234", 'say "no"', '"', ",", "two\nlines", "cr\rhere", " spaced ", "tab\tin", "(1,234)", "a|b"]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(texts + [""])
    assert ",".join(_fields(texts)) + ",\n" == buffer.getvalue()
    assert _fields(["a", "b"]) == ["a", "b"]


def test_edge_cases_are_written_as_pandas_writes_them():
    rows = [
        row(value=2284872.0, raw="2,284,872", line_item='Total "assets", net'),
        row(value=float("nan"), raw="12345678901234567890123"),  # too many digits: no value
        row(value=1e-05, months=None, period_end=""),
        row(value=-0.02, scale=0.01, currency="GBP"),  # pence: the scale column becomes objects
        row(value=1e16, line_item="tab\there", group="a\x1b[31mred"),  # control characters shown safe
        row(value=0.30000000000000004, qualifier="multi\nline"),
    ]
    assert csv_text(rows) == pandas_lines(rows)
    plain = [r for r in rows if r[FACT_COLUMNS.index("scale")] == 1000]
    assert csv_text(plain) == pandas_lines(plain)  # integer scales stay integers


def test_a_worker_packing_a_record_does_not_import_pandas():
    code = ("import sys; from tui.index.record import make_record; "
            f"make_record({str(ROOT / 'filings' / '001_e47b350a37731711.txt')!r}, 1, 1); "
            "print(sorted(m for m in ('pandas', 'numpy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_a_pool_worker_that_parsed_a_chunk_has_not_imported_pandas():
    code = ("from tui.index.build import parse_chunk\n"
            "from tui.index.pool import start_pool, stop_pool\n"
            f"pool, futures = start_pool(1, parse_chunk, [[({str(ROOT / 'filings' / '001_e47b350a37731711.txt')!r}, 1, 1)]])\n"
            "records = [record for future in futures for record in future.result()]\n"
            "assert records[0].facts_csv and not records[0].summary.error\n"
            "asked = \"sorted(m for m in ('pandas', 'numpy') if m in __import__('sys').modules)\"\n"
            "print(pool.submit(eval, asked).result())  # the same (only) worker\n"
            "stop_pool(pool, abandon=False)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
