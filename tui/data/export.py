"""What the browser exports: tables, comparisons and series as grids, to CSV or TSV text."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .compare import change_text, column_text
from .numbers import is_number, plain
from .paths import holding_root
from .text import safe_name, safe_text


@dataclass(frozen=True)
class Grid:
    """A header and rows of plain text, ready for CSV or the clipboard."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def to_tsv(self, rows: list[int] | None = None, header: bool = True) -> str:
        """Tab-separated text of the chosen rows (all by default), with the header line."""
        chosen = [self.rows[k] for k in rows] if rows is not None else list(self.rows)
        lines = ([self.header] if header else []) + chosen
        return "\n".join("\t".join(_tsv_field(value) for value in line) for line in lines) + "\n"

    def to_markdown(self) -> str:
        """A Markdown (GitHub) table: numbers right-aligned, `|` escaped."""
        numeric = [bool(values) and all(is_number(v) for v in values)
                   for values in ([row[k] for row in self.rows if row[k] != ""] for k in range(len(self.header)))]
        lines = ["| " + " | ".join(_md_field(h) for h in self.header) + " |",
                 "| " + " | ".join("---:" if number else "---" for number in numeric) + " |"]
        lines += ["| " + " | ".join(_md_field(value) for value in row) + " |" for row in self.rows]
        return "\n".join(lines) + "\n"

    def to_csv(self) -> str:
        """Comma-separated text with a header line."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.header)
        writer.writerows(self.rows)
        return buffer.getvalue()


def _md_field(value: str) -> str:
    """A Markdown table field: one line, pipes and backslashes escaped."""
    return _tsv_field(value).replace("\\", "\\\\").replace("|", "\\|")


def _tsv_field(value: str) -> str:
    """A field with tabs and newlines turned into spaces."""
    return " ".join(str(value).replace("\t", " ").splitlines())


def table_grid(table) -> Grid:
    """A statement table: group and line item, then one column of plain values per column."""
    header = ("group", "line_item") + tuple(f"{column_text(c)} [{c.label_text}]" for c in table.columns)
    rows = []
    for row in table.rows:
        values = tuple(plain(cell.value) if cell else "" for cell in row.cells)
        rows.append((safe_text(row.group_text), safe_text(row.display_label)) + values)
    return Grid(tuple(safe_text(h) for h in header), tuple(rows))


def comparison_grid(comparison) -> Grid:
    """A comparison: line item, both values, change and % change, in printed units; which value is in
    doubt (current, prior or both)."""
    current, prior = column_text(comparison.current), column_text(comparison.prior)
    if comparison.across_filings:
        current, prior = f"{current} ({comparison.current_from})", f"{prior} ({comparison.prior_from})"
    header = ("group", "line_item", current, prior, "change", "change_percent", "doubt")
    scale = comparison.current.scale
    rows = []
    for line in comparison.lines:
        values = [plain(cell.value) if cell else "" for cell in (line.current, line.prior)]
        change, _ = change_text(line, scale, scale)
        pct = "" if line.change_percent is None else f"{line.change_percent:.4f}".rstrip("0").rstrip(".")
        doubt = {(True, True): "both", (True, False): "current", (False, True): "prior"}.get(
            (line.current_doubt, line.prior_doubt), "")
        rows.append((safe_text(line.group), safe_text(line.label), *values,
                     plain(line.change) if change else "", pct, doubt))
    return Grid(tuple(safe_text(h) for h in header), tuple(rows))


def series_grid(series) -> Grid:
    """A series: company, period end, months, value in the series unit, whether derived, source, and the
    other filings' different figures for the period (a restatement), and why a value is in doubt."""
    header = ("company", "line_item", "period_end", "months", "unit", "value", "derived", "source", "restated", "doubt")
    rows = tuple(
        (safe_text(series.company), safe_text(series.label), p.end.isoformat(), str(p.months), series.unit,
         plain(p.value), "yes" if p.derived else "", safe_text(p.source),
         safe_text("; ".join(f"{text} in {where}" for text, where in p.restated)), safe_text(p.doubt))
        for p in series.points
    )
    return Grid(header, rows)


def refusal(target: Path, roots: list[str]) -> str | None:
    """Why a file may not be written at `target` (inside a filings folder, a folder, no parent), in words
    that follow the target's name; shared by the app's export dialog and `facts -o`."""
    target = target.expanduser().resolve()
    root = holding_root(target, roots)
    if root is not None:
        return f"refusing to write inside the filings folder {safe_name(str(root))}"
    if target.is_dir():
        return "is a folder; give a file name"
    if not target.parent.is_dir():
        return f"no such folder {safe_name(str(target.parent))}"
    return None


def default_target(stem: str, roots: list[str], cwd: Path | None = None) -> Path:
    """A CSV path in `cwd` (the configured export folder, else the working directory; home instead if that
    is a filings folder)."""
    folder = (cwd or Path.cwd()).resolve()
    if refusal(folder / "x.csv", roots):
        folder = Path.home()
    safe_stem = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem).strip("_") or "export"
    return folder / f"{safe_stem}.csv"


def export_stem(filing, *parts: str) -> str:
    """A file name stem that says what was exported: company, form, date, then the parts given (a table
    title, 'compare', ...); the file name when the filing names no company."""
    day = filing.date.isoformat() if getattr(filing, "date", None) else ""
    who = [filing.company, filing.form, day] if getattr(filing, "company", "") else [Path(filing.name).stem]
    words = [part for part in (*who, *parts) if part]
    stem = "_".join("_".join(str(word).split()) for word in words)
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem)[:100].strip("_.")


def write_csv(grid: Grid, target: Path) -> int:
    """Write the grid as UTF-8 CSV; returns the number of data rows written."""
    target.expanduser().write_text(grid.to_csv(), encoding="utf-8")
    return len(grid.rows)
