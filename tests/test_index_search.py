"""Search at scale: the word prefilter finds exactly what a full rapidfuzz scan with the same rule finds;
the index and the search data stay headless."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from parser import load_paths
from tui.data.search import Item, SearchIndex
from tui.data.vocab import matches

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["ebitda", "ebit", "total assets", "turnvoer", "revenue", "net sales", "cash", "cashflow", "e", "to",
           "operating profit", "interest payable", "deferred tax", "segment europe", "shares", "loss before tax",
           "amortisation of goodwill", "net debt", "capex", "tot ass", "xyzzy", "creditors due within one year"]
WORDS = ("accrued deferred net gross total other operating financial current non-current interest tax income "
         "expense revenue assets liabilities provisions goodwill amortisation depreciation cash equivalents "
         "receivables payables inventories segment europe germany france network services capital reserves "
         "dividends shares minority exceptional restructuring leases pension").split()


@pytest.fixture(scope="module")
def index():
    built = SearchIndex()
    for filing in load_paths([ROOT / "filings"]):
        built.add(filing)
    generator = random.Random(4)
    items = []
    for k in range(3000):
        label = " ".join(generator.sample(WORDS, generator.randint(1, 5))).capitalize()
        group = generator.choice(["", "Operating costs", "Current assets", "Creditors"])
        items.append(Item("/synthetic.txt", "2001-01-01", k // 50, "Synthetic", k % 50, label, group, ("1",)))
    built._filings["/synthetic.txt"] = items
    built._postings = None
    return built


@pytest.mark.parametrize("query", QUERIES)
def test_prefilter_loses_nothing(index, query):
    with_prefilter = index.results(query)
    full_scan = index.results(query, prefilter=False)
    assert with_prefilter.same_as(full_scan)
    assert len(with_prefilter) == len(full_scan)


def test_rule_keeps_every_query_word():
    assert matches("tot ass", "total assets") and matches("turnvoer", "turnover", frozenset({"turnvoer"}))
    assert not matches("turnvoer", "turnover")
    assert matches("ebit", "ebitda") and matches("cash", "noncash items")
    assert not matches("total assets", "total liabilities")


def test_results_are_lazy_and_ranked(index):
    results = index.results("total assets")
    assert len(results) > 50
    scores = [hit.score for hit in results[:200]]
    assert [round(s, 1) for s in scores] == sorted((round(s, 1) for s in scores), reverse=True)


def test_index_and_search_data_import_no_ui():
    code = ("import sys, tui.index, tui.data.search, tui.data.vocab, tui.data.ranking, tui.data.postings, "
            "tui.data.library; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"
