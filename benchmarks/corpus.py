"""Write a corpus of N synthetic filings by varying the three samples, with a large label vocabulary.

Each filing is one of the samples (about 40% the table-dense 001, 30% each of the prose-only 000
and 002) with its years shifted, its company renamed, and, for 001, numbers multiplied by a small
integer (so subtotals still foot), two tables swapped in some files, and a share of its row
labels replaced by labels drawn from a vocabulary of unique line items (>= --labels over the
corpus; each label fits the space the original label had, so the columns stay aligned).

Usage: python benchmarks/corpus.py OUT_FOLDER [-n 10000] [--labels 200000] [--seed 1]
OUT_FOLDER must lie outside the repository; it is created if missing.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "filings").glob("*.txt"))
WEIGHTS = (0.3, 0.4, 0.3)
ROW = re.compile(r"^([A-Za-z][^\d]*?[A-Za-z)])(\s{2,})(?=[(\d$-])")
NUMBER = re.compile(r"(?<![\w.'$])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w%'])")
QUALIFIERS = ("Net", "Gross", "Deferred", "Accrued", "Other", "Total", "Current", "Non-current", "Unrealised",
              "Realised", "Impairment of", "Provision for", "Movement in", "Share of", "Proceeds from",
              "Payments for", "Increase in", "Decrease in", "Adjusted", "Underlying", "Recurring", "Exceptional",
              "Minority share of", "Reversal of", "Write-down of", "Transfer to", "Release of", "Foreign",
              "Domestic", "Capitalised", "Prepaid", "Contingent", "Restricted", "Pro forma", "Group", "Attributable")
ITEMS = ("turnover", "revenue", "cost of sales", "gross profit", "interconnect costs", "network costs",
         "selling costs", "administrative expenses", "depreciation", "amortisation", "goodwill", "EBITDA",
         "operating profit", "interest receivable", "interest payable", "taxation", "dividends", "trade debtors",
         "other debtors", "stocks", "cash at bank", "liquid resources", "trade creditors", "accruals",
         "deferred income", "provisions", "share capital", "share premium", "retained earnings", "reserves",
         "convertible notes", "senior notes", "bank loans", "finance leases", "capital expenditure",
         "working capital", "tax liabilities", "pension costs", "restructuring costs", "licence fees",
         "customer deposits", "investments", "fixed assets", "intangible assets", "leasehold improvements",
         "exchange differences", "minority interests", "loss per share", "earnings per share", "headcount")
PLACES = ("Germany", "France", "Italy", "Spain", "Benelux", "Switzerland", "Austria", "Nordics", "Ireland", "UK",
          "Frankfurt", "Paris", "Milan", "Madrid", "Zurich", "Vienna", "Hamburg", "Lyon", "Dublin", "London",
          "Munich", "Berlin", "Rome", "Turin", "Lisbon", "Porto", "Geneva", "Basel", "Brussels", "Antwerp",
          "Amsterdam", "Rotterdam", "Oslo", "Stockholm", "Copenhagen", "Helsinki", "Prague", "Warsaw", "Athens",
          "Marseille")
LINES = ("voice", "data", "hosting", "internet", "wholesale", "corporate", "managed services", "bandwidth",
         "colocation", "carrier", "retail", "enterprise", "switched", "leased lines", "metro")
SUFFIXES = tuple(f"- {p}" for p in PLACES) + tuple(f"in {p}" for p in PLACES) + LINES + tuple(
    f"{line} ({place})" for line in LINES for place in PLACES)


def label_vocabulary() -> list[str]:
    """Every qualifier x item x suffix combination: over a million unique line-item labels."""
    found = []
    for qualifier, item, suffix in itertools.product(QUALIFIERS + ("",), ITEMS, SUFFIXES + ("",)):
        text = " ".join(part for part in (qualifier, item, suffix) if part)
        found.append(text[0].upper() + text[1:])
    return found


def company_name(rng: random.Random) -> str:
    """A four-letter company name, so that renamed lines keep their width."""
    return "".join(rng.choice("BCDFGHKLMNPRSTVZ") + rng.choice("AEIOU") for _ in range(2))


def vary(text: str, rng: random.Random, labels, per_filing: int, table_dense: bool) -> str:
    """One variation of a sample's text."""
    shift = rng.randint(-10, 4)
    text = re.sub(r"\b(199\d|200\d)\b", lambda m: str(int(m.group()) + shift), text)
    text = text.replace("COLT", company_name(rng))
    if not table_dense:
        return text
    blocks = re.split(r"(<TABLE>.*?</TABLE>)", text, flags=re.S)
    tables = [k for k, block in enumerate(blocks) if block.startswith("<TABLE>")]
    if len(tables) > 3 and rng.random() < 0.5:
        a, b = rng.sample(tables, 2)
        blocks[a], blocks[b] = blocks[b], blocks[a]
    factor = rng.choice((1, 1, 2, 3, 5))
    table_lines = {k: blocks[k].split("\n") for k in tables}
    rows = [(k, n, match) for k in tables for n, line in enumerate(table_lines[k]) if (match := ROW.match(line))]
    rng.shuffle(rows)
    relabelled = 0
    for k, n, match in rows:
        if relabelled < per_filing:
            line = table_lines[k][n]
            table_lines[k][n] = _relabel(line, match, labels)
            relabelled += table_lines[k][n] != line
    for k, n, match in rows:
        if factor > 1:
            table_lines[k][n] = _scale_numbers(table_lines[k][n], factor, match.start(2))
    for k in tables:
        blocks[k] = "\n".join(table_lines[k])
    return "".join(blocks)


def _relabel(line: str, match: re.Match, labels) -> str:
    label = labels.take(match.end() - 2, line)
    return label.ljust(match.end()) + line[match.end():] if label else line


def _scale_numbers(line: str, factor: int, start: int) -> str:
    """Multiply the row's numbers by `factor`, keeping each number's right edge where it was."""
    head, tail = line[:start], line[start:]

    def scaled(m: re.Match) -> str:
        whole, decimals = m.group(1), m.group(2) or ""
        value = int(whole.replace(",", "")) * factor
        text = f"{value:,}" if "," in whole or (value >= 1000 and len(whole) > 3) else str(value)
        return text + decimals

    out, cursor = [], 0
    for m in NUMBER.finditer(tail):
        new = scaled(m)
        grow = len(new) - len(m.group())
        spaces = len(tail[cursor:m.start()]) - len(tail[cursor:m.start()].rstrip(" "))
        if grow > 0 and spaces - grow < 2:
            new = m.group()
            grow = 0
        out.append(tail[cursor:m.start() - grow] if grow > 0 else tail[cursor:m.start()])
        out.append(new)
        cursor = m.end()
    out.append(tail[cursor:])
    return head + "".join(out)


class Labels:
    """The vocabulary by length, each label handed out once, to a slot it fits."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.by_length: dict[int, list[str]] = {}
        for label in label_vocabulary():
            self.by_length.setdefault(len(label), []).append(label)
        for bucket in self.by_length.values():
            self.rng.shuffle(bucket)
        self.placed = 0

    def take(self, width: int, line: str) -> str | None:
        """An unused label of at most `width` characters (None when none is left)."""
        lengths = [n for n, bucket in self.by_length.items() if n <= width and bucket]
        if not lengths:
            return None
        self.placed += 1
        return self.by_length[self.rng.choice(lengths)].pop()


def main(argv=None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("out")
    options.add_argument("-n", type=int, default=10_000)
    options.add_argument("--labels", type=int, default=200_000)
    options.add_argument("--seed", type=int, default=1)
    args = options.parse_args(argv)
    out = Path(args.out).resolve()
    if out == REPO or REPO in out.parents:
        print("corpus: write the corpus outside the repository", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    samples = [path.read_text(encoding="latin-1") for path in SAMPLES]
    kinds = rng.choices(range(3), WEIGHTS, k=args.n)
    per_filing = -(-args.labels // max(kinds.count(1), 1)) + 2
    labels = Labels(args.seed)
    total = 0
    for number, kind in enumerate(kinds):
        text = vary(samples[kind], rng, labels, per_filing, kind == 1)
        data = text.encode("latin-1")
        (out / f"{number:05d}_{SAMPLES[kind].name[:3]}.txt").write_bytes(data)
        total += len(data)
    print(f"{args.n} filings, {total / 1e6:.1f} MB, {labels.placed:,} unique labels placed, in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
