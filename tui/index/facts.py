"""The facts table of a folder read back from the cache: the same DataFrame as `parser.facts_frame`, and
the same CSV as `colt-tui facts` printed from it, streamed file by file."""

from __future__ import annotations

import csv
import io
import math
import re
from functools import lru_cache
from typing import Any

TEXT_COLUMNS = ("table_title", "group", "line_item", "column_label", "raw")


def facts_from_store(store, paths: list[str]):
    """The facts DataFrame of these files, in the order of `paths`: their cached rows (tuples in
    FACT_COLUMNS order) made one frame with the facts table's column types."""
    from parser.facts import frame_of_records

    blobs = store.blobs(paths, "facts")
    rows = []
    for path in paths:
        stored = store.unpickled(blobs.get(path))
        if stored:
            rows.extend(stored)
    return frame_of_records(rows)


def safe_frame(frame, safe):
    """The facts frame with `safe` applied to its text columns (only where a value holds a control character)."""
    from ..data.text import CONTROL as _CONTROL

    for name in TEXT_COLUMNS:
        column = frame[name]
        unsafe = column.str.contains(_CONTROL.pattern, regex=True)
        if unsafe.any():
            column = column.copy()
            column[unsafe] = column[unsafe].map(safe)
            frame[name] = column
    return frame


def csv_text(rows: list[tuple]) -> str:
    """The CSV lines of facts rows, text columns made safe, each column written as pandas writes the
    column type `frame_of_records` gives it."""
    from parser.facts import FACT_COLUMNS

    from ..data.text import CONTROL, printable as safe

    if not rows:
        return ""
    columns: list[Any] = list(zip(*rows))  # a tuple per column; a text column made safe becomes a list
    for name in TEXT_COLUMNS:
        k = FACT_COLUMNS.index(name)
        if CONTROL.search("".join([v for v in columns[k] if isinstance(v, str)])):  # rare: test each value
            columns[k] = [safe(v) if isinstance(v, str) and CONTROL.search(v) else v for v in columns[k]]
    texts = []
    for name, values in zip(FACT_COLUMNS, columns):
        if name == "months":  # nullable integers
            texts.append(["" if v is None else str(int(v)) for v in values])
        elif name == "scale" and any(not float(v).is_integer() for v in values):  # objects: pence, 0.01
            texts.append([str(v) for v in values])
        else:
            texts.append(_column_text(values))
    fields = [_fields(column) for column in texts]
    return "\n".join(map(",".join, zip(*fields))) + "\n"


def _fields(texts: list[str]) -> list[str]:
    """A column's texts as csv.writer writes them in a row of several fields: as they are, or, where one
    holds a comma, a quote or a line break, between quotes with its quotes doubled (writerows tested
    every field for quoting, a third of a record's packing; tests/test_facts_csv.py holds the two equal)."""
    special = _special()
    if not special.search("".join(texts)):
        return texts
    return ['"' + text.replace('"', '""') + '"' if special.search(text) else text for text in texts]


@lru_cache(maxsize=1)
def _special() -> re.Pattern:
    """The characters that make csv.writer quote a field (QUOTE_MINIMAL, the default dialect, "\\n" ending
    lines): a carriage return too from Python 3.12, asked of the csv module itself."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(("\r", ""))
    return re.compile('[",\n\r]' if buffer.getvalue().startswith('"') else '[",\n]')


def _column_text(values: list) -> list[str]:
    """A column as pandas writes the type it infers: integers as themselves (as floats when a value is
    missing), numbers with a float among them as float64 (shortest repr; NaN and None empty), anything
    else as its text (None and NaN empty)."""
    kinds = set(map(type, values))
    if kinds == {str}:
        return values
    if kinds == {int}:
        return list(map(str, values))
    if kinds == {float}:
        return ["" if v != v else repr(v) for v in values]
    present = [v for v in values if v is not None]
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present)
    if present and numbers and all(isinstance(v, int) for v in present) and len(present) == len(values):
        return [str(v) for v in values]
    if present and numbers:
        return ["" if v is None or math.isnan(v) else repr(float(v)) for v in values]
    return ["" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v) for v in values]


def csv_lines(store, paths: list[str]) -> dict[str, str]:
    """The cached CSV lines of these files, keyed by path (files without facts left out)."""
    blobs = store.blobs(paths, "facts_csv")
    texts = {path: store.text(blobs.get(path)) for path in paths}
    return {path: text for path, text in texts.items() if text}


def write_csv(paths: list[str], out, read_chunk) -> None:
    """Write the header, then each filing's CSV lines, in the order of `paths`, 200 files at a time:
    `read_chunk(paths)` gives their lines, read whole before any is written."""
    from parser import facts_frame

    out.write(facts_frame([]).to_csv(index=False))
    for start in range(0, len(paths), 200):
        chunk = paths[start:start + 200]
        texts = read_chunk(chunk)
        for path in chunk:
            if path in texts:
                out.write(texts[path])
