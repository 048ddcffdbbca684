"""Export formats, chosen by the file's extension as VisiData and harlequin do: CSV, TSV, JSON, Parquet
and Excel. Numbers stay numbers in JSON, Parquet and Excel; text columns stay text."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

from .numbers import is_number

if TYPE_CHECKING:
    from .export import Grid

FORMATS = {".csv": "csv", ".tsv": "tsv", ".json": "json", ".parquet": "parquet", ".xlsx": "xlsx"}
BINARY = {"parquet", "xlsx"}
# format: (module it needs, the extra that installs it)
EXTRAS = {"parquet": ("pyarrow", "parquet"), "xlsx": ("xlsxwriter", "xlsx")}
TEXT_HEADERS = {  # columns that stay text though they may look like numbers (a CIK, a raw "1995")
    "group", "line_item", "company", "source", "unit", "derived", "restated", "doubt", "period_end",
    "filing", "table_title", "statement", "column_label", "currency", "kind", "raw", "qualifier", "check", "cik",
    "period_source", "unit_source",
}
SHEET_NAME_LIMIT = 31  # Excel's limit on a sheet name
XLSX_ROWS = 1_048_576  # rows in an Excel sheet, the header's included
_SHEET_FORBIDDEN = str.maketrans({ch: " " for ch in "[]:*?/\\"})


class MissingExtra(Exception):
    """A format's optional dependency is not installed; the message names the extra to install."""


def format_of(path: Path) -> str | None:
    """The format a file name asks for by its extension, or None for an extension we do not write."""
    return FORMATS.get(Path(path).suffix.lower())


def describe_formats() -> str:
    """'.csv, .tsv, .json, .parquet, .xlsx'."""
    return ", ".join(FORMATS)


def require(fmt: str) -> None:
    """Raise MissingExtra when the format's optional dependency is missing."""
    if fmt in EXTRAS:
        module, extra = EXTRAS[fmt]
        if importlib.util.find_spec(module) is None:
            raise MissingExtra(f"writing {fmt} needs {module}: pip install 'colt-tui[{extra}]'")


def typed_columns(grid) -> list[bool]:
    """For each column, True when every value it holds is a number (the grid holds plain decimals)."""
    numeric = []
    for position, name in enumerate(grid.header):
        values = [row[position] for row in grid.rows if row[position] != ""]
        numeric.append(name not in TEXT_HEADERS and bool(values) and all(is_number(v) for v in values))
    return numeric


def typed_rows(grid) -> list[list]:
    """The grid's rows with number columns as floats (None where blank)."""
    numeric = typed_columns(grid)
    return [[(float(value) if value != "" else None) if number else value
             for value, number in zip(row, numeric)] for row in grid.rows]


def write_grid(grid, out, fmt: str, sheet: str = "Export") -> int:
    """Write the grid to an open file (binary for Parquet and Excel) in the format; the number of rows."""
    require(fmt)
    if fmt == "csv":
        out.write(grid.to_csv())
    elif fmt == "tsv":
        out.write(grid.to_tsv())
    elif fmt == "json":
        records = [dict(zip(grid.header, row)) for row in typed_rows(grid)]
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "parquet":
        frame(grid).to_parquet(out, index=False)
    elif fmt == "xlsx":
        write_xlsx([(sheet, grid)], out)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return len(grid.rows)


def grid_of_frame(data):
    """A DataFrame (the facts table) as a Grid of plain text: numbers as plain decimals, blanks empty."""
    from .export import Grid
    from .numbers import plain

    def text(value) -> str:
        if value is None or (isinstance(value, float) and value != value):
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return plain(float(value))
        return str(value)

    rows = tuple(tuple(text(value) for value in row) for row in data.itertuples(index=False, name=None))
    return Grid(tuple(str(name) for name in data.columns), rows)


def frame(grid):
    """The grid as a pandas DataFrame with typed columns."""
    import pandas as pd

    data = pd.DataFrame(typed_rows(grid), columns=list(grid.header))
    for name, number in zip(grid.header, typed_columns(grid)):
        data[name] = data[name].astype("float64") if number else data[name].astype("string")
    return data


def write_xlsx(sheets: list[tuple[str, Grid]], out) -> None:

    """One worksheet per grid: a bold header row (period and unit), numbers stored as numbers in the
    filing's number format (thousands grouped, its decimals), the label column and header row frozen."""
    import xlsxwriter

    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                     "strings_to_urls": False})
    header_style = book.add_format({"bold": True, "text_wrap": True, "valign": "bottom"})
    formats: dict[int, object] = {}
    used: set[str] = set()
    for name, grid in sheets:
        sheet = book.add_worksheet(sheet_name(name, used))
        numeric = typed_columns(grid)
        for column, title in enumerate(grid.header):
            sheet.write_string(0, column, title, header_style)
        for row_number, row in enumerate(typed_rows(grid), start=1):
            for column, value in enumerate(row):
                if value is None or value == "":
                    continue
                if numeric[column] and isinstance(value, float) and math.isfinite(value):
                    places = _decimals(grid.rows[row_number - 1][column])
                    style = formats.get(places)
                    if style is None:
                        style = formats[places] = book.add_format(
                            {"num_format": "#,##0" + ("." + "0" * places if places else "")})
                    sheet.write_number(row_number, column, value, style)
                else:
                    sheet.write_string(row_number, column, str(value))
        label = grid.header.index("line_item") if "line_item" in grid.header else 0
        sheet.freeze_panes(1, label + 1)
        for column, title in enumerate(grid.header):
            widest = max([len(str(row[column])) for row in grid.rows] + [min(len(title), 24)], default=8)
            sheet.set_column(column, column, min(max(widest + 2, 8), 60))
    book.close()


def sheet_name(name: str, used: set[str]) -> str:
    """A valid, unique worksheet name: no []:*?/\\, at most 31 characters."""
    base = " ".join(name.translate(_SHEET_FORBIDDEN).split()).strip("'")[:SHEET_NAME_LIMIT] or "Sheet"
    candidate, number = base, 2
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate, number = base[:SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
    used.add(candidate.casefold())
    return candidate


def _decimals(text: str) -> int:
    """Decimal places a plain number was written with (at most 6)."""
    return min(len(text.split(".", 1)[1]), 6) if "." in text and "e" not in text.lower() else 0
