"""Time and peak memory of one parse on pathological inputs, each in a fresh process.

Run: python benchmarks/pathological.py [--only NAME]

Cases: a 50 MB filing made of the table-dense sample 001 repeated; a 50 MB prose filing (000
repeated); one 10 MB line; 100,000 `<TABLE>` tags; a table 10,000 columns wide; an untagged
table of 100,000 rows; 100,000 unclosed `<TABLE>` blocks with a row each. Prints seconds, MB/s
and peak RSS (ru_maxrss of the child, which includes the interpreter, ~30 MB).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CASES = {
    "50 MB of 001 (tables)": "(ROOT / 'filings' / '001_e47b350a37731711.txt').read_text() * 1030",
    "50 MB of 000 (prose)": "(ROOT / 'filings' / '000_18845e77b5f2995d.txt').read_text() * 6100",
    "one 10 MB line": "'word ' * 2_000_000",
    "100,000 <TABLE> tags": "'<TABLE>\\n' * 100_000",
    "10,000 columns": "('a  ' + '  '.join(['1,234'] * 10_000) + '\\n') * 6",
    "100,000-row table": "'<TABLE>\\n' + 'Item   1   2   3\\n' * 100_000 + '</TABLE>\\n'",
    "100,000 unclosed tables": "'<TABLE>\\nRevenue   1,234   5,678\\n' * 100_000",
}

CHILD = """
import json, resource, sys, time
from pathlib import Path
ROOT = Path({root!r})
sys.path.insert(0, str(ROOT))
from parser import parse_text
text = {expression}
started = time.perf_counter()
filing = parse_text(text, 'case')
elapsed = time.perf_counter() - started
print(json.dumps({{"seconds": elapsed, "mb": len(text.encode()) / 1e6, "tables": len(filing.tables),
                  "warnings": len(filing.warnings),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--only")
    args = options.parse_args()
    for name, expression in CASES.items():
        if args.only and args.only not in name:
            continue
        code = CHILD.format(root=str(ROOT), expression=expression)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=1800)
        if result.returncode:
            print(f"{name}: FAILED\n{result.stderr}")
            continue
        figures = json.loads(result.stdout)
        print(f"{name:28} {figures['mb']:7.1f} MB  {figures['seconds']:7.2f} s  "
              f"{figures['mb'] / max(figures['seconds'], 1e-9):6.1f} MB/s  peak RSS {figures['rss_mb']:6.0f} MB  "
              f"tables {figures['tables']}")


if __name__ == "__main__":
    main()
