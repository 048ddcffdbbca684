"""Parse time of hostile shapes at doubling sizes: is it linear? (issue 9, point 10)

Run: python benchmarks/hostile_shapes.py [--only NAME] [--runs 3] [--timeout 300] [--scale 1.0]

Each shape is generated at four sizes, each size doubling the last, and parsed in a fresh
process (so one slow case cannot hold memory or caches for the next). For each size the
median of --runs parses is printed, with the ratio to the size before: a linear parse
doubles (ratio about 2), a quadratic one quadruples (about 4). A case over --timeout seconds
is printed as "> T s" and the larger sizes of that shape are skipped. --scale multiplies
every size (0.25 for a quick look).

Shapes (see `benchmarks/pathological.py` for single large cases such as 50 MB filings):
- one line of numbers two spaces apart, after a label ("Revenue  1,234  1,234 ...");
- one line of numbers one space apart ("1000 1001 1002 ...");
- one run of digits after a label; a "Label: x" line with a long run of spaces;
- numbered notes, each a capitalised heading over a small `<TABLE>`;
- numbered notes "12. Other assets", each with prose and a small untagged table;
- a header line of N year columns over five rows of N numbers (past `parser.tables.MAX_COLUMNS`
  the rows are kept as text with a warning, so this times the finding of that);
- N tables of 200 columns (at the limit), a rule under each column's year (the slowest
  tables within the limit found);
- an untagged table of N rows (in tags);
- N capitalised headings; a submission of N documents, each with a small table;
- N `<TABLE>` tags, each opening a table of one row.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# name -> (generator source, sizes, unit). Each generator is an expression of `n`.
SHAPES: dict[str, tuple[str, tuple[float, ...], str]] = {
    "numbers line, two spaces": (
        "'Revenue  ' + '  '.join(['1,234'] * int(n * 1e6 / 7)) + '\\n'", (0.35, 0.7, 1.4, 2.8), "MB"),
    "numbers line, one space": (
        "' '.join(str(1000 + i % 9000) for i in range(int(n * 1e6 / 5))) + '\\n'", (0.35, 0.7, 1.4, 2.8), "MB"),
    "run of digits": ("'Total    ' + '1' * int(n * 1e6) + 'x1\\n'", (0.35, 0.7, 1.4, 2.8), "MB"),
    "'Label:' and spaces": ("'Label: x' + ' ' * int(n * 1e6) + 'y\\n'", (0.35, 0.7, 1.4, 2.8), "MB"),
    "notes with tagged tables": ("notes_tagged(int(n))", (1_500, 3_000, 6_000, 12_000), "notes"),
    "numbered notes, untagged tables": ("notes_untagged(int(n))", (1_500, 3_000, 6_000, 12_000), "notes"),
    "header of N columns": ("wide_header(int(n))", (1_000, 2_000, 5_000, 10_000), "columns"),
    "N tables at the column limit": ("at_limit(int(n))", (25, 50, 100, 200), "tables"),
    "table of N rows": (
        "'<TABLE>\\n' + ''.join(f'Item {i % 97:<10}  {i:9,}  {i * 3:9,}\\n' for i in range(int(n))) + '</TABLE>\\n'",
        (25_000, 50_000, 100_000, 200_000), "rows"),
    "N headings": ("''.join(f'\\nNOTE {i}\\n\\n' for i in range(int(n)))", (25_000, 50_000, 100_000, 200_000), "headings"),
    "N documents": (
        "''.join(f'<DOCUMENT>\\n<TYPE>EX-{i}\\n<TEXT>\\n<TABLE>\\nRevenue   1,234   5,678\\n</TABLE>\\n</TEXT>\\n"
        "</DOCUMENT>\\n' for i in range(int(n)))", (2_500, 5_000, 10_000, 20_000), "documents"),
    "N <TABLE> tags": ("'<TABLE>\\nRevenue   1,234   5,678\\n' * int(n)", (12_500, 25_000, 50_000, 100_000), "tags"),
}

GENERATORS = '''
def notes_tagged(count):
    return "".join(
        f"NOTE {i} - OTHER ASSETS\\n\\n<TABLE>\\n<CAPTION>\\n<S>                    <C>         <C>\\n"
        f"                       1998        1997\\n"
        f"Prepaid             1,234       1,100\\n"
        f"Deposits              {i % 9999:5d}         500\\n</TABLE>\\n\\n"
        for i in range(1, count + 1))


def notes_untagged(count):
    return "".join(
        f"{i % 99 + 1}. Other assets\\n\\n"
        f"The following amounts were included in other assets at the end of each year shown below.\\n\\n"
        f"                       1998        1997\\n"
        f"Prepaid             1,234       1,100\\n"
        f"Deposits              {i % 9999:5d}         500\\n\\n"
        for i in range(1, count + 1))


def at_limit(count, columns=200):
    try:
        from parser.tables import MAX_COLUMNS
        columns = min(columns, MAX_COLUMNS)
    except ImportError:  # a parser from before the limit
        pass
    rule = " " * 12 + "  ".join(["------"] * columns) + "\\n"
    prose = "\\nThe amounts shown below were audited by the company and are stated in thousands here.\\n\\n"
    return (wide_header(columns).replace("\\n", "\\n" + rule, 1) + prose) * count


def wide_header(columns, rows=5):
    head = " " * 12 + "  ".join(f"{1900 + i % 100:>6}" for i in range(columns)) + "\\n"
    body = "".join(f"Item {r}      " + "  ".join(f"{(i * 7 + r) % 9000 + 100:>6}" for i in range(columns)) + "\\n"
                   for r in range(rows))
    return head + body
'''

CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from parser import parse_text
{generators}
n = {size!r}
text = {expression}
started = time.perf_counter()
filing = parse_text(text, 'case')
elapsed = time.perf_counter() - started
print(json.dumps({{"seconds": elapsed, "mb": len(text.encode()) / 1e6, "tables": len(filing.tables),
                  "warnings": [w for w in filing.warnings[:2]]}}))
"""


def run_case(expression: str, size: float, timeout: float) -> dict | None:
    code = CHILD.format(root=str(ROOT), generators=GENERATORS, size=size, expression=expression)
    try:
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if result.returncode:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--only", help="run the shapes whose name contains this text")
    options.add_argument("--runs", type=int, default=3, help="parses per size; the median is printed")
    options.add_argument("--timeout", type=float, default=300.0, help="seconds before a parse is given up")
    options.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    args = options.parse_args()
    for name, (expression, sizes, unit) in SHAPES.items():
        if args.only and args.only not in name:
            continue
        print(name, flush=True)
        previous = None
        for size in sizes:
            size = size * args.scale if unit == "MB" else max(1, round(size * args.scale))
            times, figures = [], None
            for _ in range(args.runs):
                figures = run_case(expression, size, args.timeout)
                if figures is None:
                    break
                times.append(figures["seconds"])
            if figures is None:
                shown = f"{size:9.2f}" if unit == "MB" else f"{size:>9,}"
                print(f"  {shown} {unit:8}  > {args.timeout:.0f} s (given up; larger sizes skipped)", flush=True)
                break
            median = statistics.median(times)
            # The growth of the time per doubling of the size: about 2 when linear, 4 when quadratic.
            ratio = (f"x{2 ** (math.log(median / previous[1]) / math.log(size / previous[0])):4.1f} per doubling"
                     if previous else " " * 17)
            warning = f"  warning: {figures['warnings'][0][:90]}" if figures["warnings"] else ""
            shown = f"{size:9.2f}" if unit == "MB" else f"{size:>9,}"
            print(f"  {shown} {unit:8} {figures['mb']:6.2f} MB  {median:8.2f} s  {ratio}  "
                  f"tables {figures['tables']}{warning}", flush=True)
            previous = (size, max(median, 1e-3))


if __name__ == "__main__":
    main()
