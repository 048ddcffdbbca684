"""The corpus quality report (`colt-tui check --summary`) of a folder, for this checkout or for
another one, so that two versions of the parser can be compared on the same filings.

    python benchmarks/corpus_quality.py                          # tests/fixtures/extra, this checkout
    python benchmarks/corpus_quality.py --checkout /tmp/before   # the same with another checkout's parser

The other checkout is run as `python -m tui facts FOLDER --cache :memory:` in its own folder;
the shares are computed here from the facts CSV it prints (see tui/cli/quality.py).
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.cli.quality import quality_table, render  # noqa: E402


def facts_of(checkout: Path, folder: Path) -> list[dict]:
    """The facts records a checkout's `colt-tui facts` prints for a folder."""
    command = [sys.executable, "-m", "tui", "facts", str(folder), "--cache", ":memory:"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=checkout, check=False)
    if done.returncode not in (0, 1, 3):
        raise SystemExit(f"{checkout}: colt-tui facts failed ({done.returncode}): {done.stderr.strip()[:400]}")
    return list(csv.DictReader(io.StringIO(done.stdout)))


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "fixtures" / "extra"))
    options.add_argument("--checkout", default=str(ROOT), help="the checkout whose parser to run")
    args = options.parse_args(argv)
    folder = Path(args.folder).resolve()
    names = sorted(p.name for p in folder.iterdir() if p.suffix == ".txt")
    records = facts_of(Path(args.checkout), folder)
    for line in render(quality_table(records, names)):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
