"""Score `colt-tui facts` against the hand-read truth of tests/fixtures/truth/.

Each truth cell (a number read off a real filing by hand, with its line item, period and unit)
is looked up among the facts printed on the same line of the same filing with the same value,
and scored at four levels:

- found:          a fact with that line item (compared without case, spacing, `$`, dot leaders
                  and footnote marks) and value;
- period right:   found, with the truth's period end and length (both empty where the truth
                  has no period);
- unit right:     period right, and currency and scale too;
- misattributed:  found, but only with another, non-empty period: a wrong date presented as a
                  date (a cell whose period is left empty is not misattributed, it is a blank).

    python benchmarks/accuracy.py                 # per filing and total
    python benchmarks/accuracy.py --misses        # and every cell that is not unit right
    python benchmarks/accuracy.py --json out.json # the figures as JSON as well
    python benchmarks/accuracy.py --truth tests/fixtures/heldout   # filings and truth in one folder
    python benchmarks/accuracy.py --checkout /tmp/before          # another checkout's parser
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRUTH = ROOT / "tests" / "fixtures" / "truth"
FILINGS = ROOT / "tests" / "fixtures" / "extra"

_MARKS = re.compile(r"\((?:[a-z]|\d{1,2})\)|/\d{1,2}/|\*+")
_LEADERS = re.compile(r"(?:\.\s?){2,}")


def norm_label(text: str) -> str:
    """A line item compared without case, `$`, dot leaders, footnote marks and punctuation."""
    text = _MARKS.sub(" ", text.casefold().replace("$", " "))
    text = _LEADERS.sub(" ", text)
    return " ".join(re.sub(r"[^0-9a-z%]+", " ", text).split())


@dataclass
class TruthCell:
    filing: str
    line: int
    line_item: str
    raw: str
    value: float
    period_end: str
    months: str
    currency: str
    scale: str
    kind: str
    statement: str


@dataclass
class Score:
    cells: int = 0
    found: int = 0
    period: int = 0
    unit: int = 0
    kind: int = 0
    misattributed: int = 0
    dated: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("cells", "found", "period", "unit", "kind", "misattributed", "dated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)


def read_truth(folder: Path = TRUTH) -> dict[str, list[TruthCell]]:
    """Truth cells by filing name."""
    cells: dict[str, list[TruthCell]] = {}
    for path in sorted(folder.glob("*.tsv")):
        if path.name.endswith(".statements.tsv"):
            continue
        filing = path.name[: -len(".tsv")] + ".txt"
        with path.open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                cells.setdefault(filing, []).append(
                    TruthCell(
                        filing=filing,
                        line=int(record["line"]),
                        line_item=record["line_item"],
                        raw=record["raw"],
                        value=float(record["value"]),
                        period_end=record["period_end"].strip(),
                        months=record["months"].strip(),
                        currency=record["currency"].strip(),
                        scale=_scale(record["scale"].strip()),
                        kind=record["kind"].strip(),
                        statement=record["statement"].strip(),
                    )
                )
    return cells


def read_facts(paths: list[Path], checkout: Path = ROOT) -> dict[tuple[str, int], list[dict]]:
    """`colt-tui facts` for the filings (run in `checkout`), grouped by (filing, line)."""
    command = [sys.executable, "-m", "tui", "facts", *(str(path.resolve()) for path in paths), "--cache", ":memory:"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=checkout, check=False)
    if done.returncode not in (0, 1, 3):
        raise SystemExit(f"colt-tui facts failed ({done.returncode}): {done.stderr.strip()[:500]}")
    facts: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for record in csv.DictReader(io.StringIO(done.stdout)):
        facts[(record["filing"], int(record["line"]))].append(record)
    return facts


def _months(record: dict) -> str:
    value = record.get("months") or ""
    return str(int(float(value))) if value not in ("", "nan", "<NA>") else ""


def _scale(text: str) -> str:
    """A scale as compared: '1000' and '1000.0' alike, '0.01' for pence."""
    if not text:
        return "1"
    value = float(text)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def score_cell(truth: TruthCell, facts: dict) -> tuple[Score, str]:
    """The score of one truth cell, and a line describing a miss ('' when unit right)."""
    score = Score(cells=1, dated=int(bool(truth.period_end)))
    wanted = norm_label(truth.line_item)
    same_value = [r for r in facts.get((truth.filing, truth.line), []) if abs(float(r["value"]) - truth.value) < 1e-6]
    labelled = [r for r in same_value if norm_label(r["line_item"]) == wanted]
    where = f"{truth.filing}:{truth.line} {truth.line_item[:40]!r} {truth.raw}"
    if not labelled:
        seen = "; ".join(repr(r["line_item"][:50]) for r in same_value[:2]) or "no fact with that value on the line"
        return score, f"not found     {where} | parser: {seen}"
    score.found = 1
    right_period = [r for r in labelled if r["period_end"] == truth.period_end and _months(r) == truth.months]
    if not right_period:
        wrong = [r for r in labelled if r["period_end"]]
        got = labelled[0]
        if wrong:
            score.misattributed = 1
            got = wrong[0]
        text = f"{got['period_end'] or '-'}/{_months(got) or '-'}"
        label = "MISATTRIBUTED" if wrong else "period blank "
        return score, f"{label} {where} | want {truth.period_end or '-'}/{truth.months or '-'} got {text} ({got['doubt'][:60]})"
    score.period = 1
    right_unit = [r for r in right_period if r["currency"] == truth.currency and _scale(r["scale"]) == truth.scale]
    if any(r["kind"] == truth.kind for r in right_period):
        score.kind = 1
    if not right_unit:
        got = right_period[0]
        return score, (f"unit wrong    {where} | want {truth.currency or '-'} x{truth.scale} {truth.kind} "
                       f"got {got['currency'] or '-'} x{_scale(got['scale'])} {got['kind']}")
    score.unit = 1
    return score, ""


def score_all(truth: dict[str, list[TruthCell]], filings: Path = FILINGS, checkout: Path = ROOT) -> dict[str, Score]:
    """Scores by filing name."""
    paths = [filings / name for name in truth]
    facts = read_facts(paths, checkout)
    scores: dict[str, Score] = {}
    for filing, cells in truth.items():
        score = Score()
        for cell in cells:
            one, miss = score_cell(cell, facts)
            score.add(one)
            if miss:
                score.misses.append(miss)
        scores[filing] = score
    return scores


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def report(scores: dict[str, Score]) -> str:
    """The per-filing table and the total, as Markdown."""
    lines = [
        "| filing | cells | found | period right | unit right | misattributed |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    total = Score()
    for filing, score in scores.items():
        total.add(score)
        lines.append(
            f"| {filing} | {score.cells} | {_pct(score.found, score.cells)} | {_pct(score.period, score.cells)} "
            f"| {_pct(score.unit, score.cells)} | {score.misattributed} |"
        )
    lines.append(
        f"| **total** | **{total.cells}** | **{_pct(total.found, total.cells)}** | **{_pct(total.period, total.cells)}** "
        f"| **{_pct(total.unit, total.cells)}** | **{total.misattributed}** |"
    )
    lines.append("")
    lines.append(
        f"{len(scores)} filings; kind right on {_pct(total.kind, total.cells).strip()} of the cells; "
        f"{total.misattributed} of the {total.dated} dated cells ({_pct(total.misattributed, total.dated).strip()}) "
        "carry another period."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--misses", action="store_true", help="list every cell that is not unit right")
    options.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    options.add_argument("--truth", default=str(TRUTH), help="folder of truth TSVs (default tests/fixtures/truth)")
    options.add_argument("--folder", default=None, help="folder of the filings (default: the truth folder's "
                         "filings, tests/fixtures/extra for the default truth)")
    options.add_argument("--checkout", default=str(ROOT), help="score the parser of another checkout of colt-tui "
                         "(e.g. a git worktree of an older commit)")
    options.add_argument("filings", nargs="*", help="only these filings (names as in the folder)")
    args = options.parse_args(argv)
    truth = read_truth(Path(args.truth))
    folder = Path(args.folder) if args.folder else (FILINGS if Path(args.truth) == TRUTH else Path(args.truth))
    if args.filings:
        truth = {name: cells for name, cells in truth.items() if any(name.startswith(f) for f in args.filings)}
    scores = score_all(truth, folder, Path(args.checkout))
    print(report(scores))
    if args.misses:
        print()
        for score in scores.values():
            for miss in score.misses:
                print(miss)
    if args.json:
        figures = {name: {k: v for k, v in vars(s).items() if k != "misses"} for name, s in scores.items()}
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
