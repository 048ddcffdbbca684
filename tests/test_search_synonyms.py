"""Search understands analysts' words on real filings (Microsoft 1997, Aeroflex 1995, Movie Star 1999
10-Ks): the matched label is the printed one, and the synonym it came through is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests_support import load_once
from tui.data.search import SearchIndex

EXTRA = Path(__file__).resolve().parent / "fixtures" / "extra"


@pytest.fixture(scope="module")
def index():
    built = SearchIndex()
    for name in ("11_microsoft-10k-1997.txt", "06_aeroflex-10k-1995.txt", "07_moviestar-10k-1999.txt"):
        built.add(load_once(EXTRA / name))
    return built


def labels(index, query: str) -> list[tuple[str, str | None, str]]:
    hits = index.results(query)
    if not hits.is_complete:
        hits.complete()
    return [(hit.item.label, hit.via, hit.item.table_title) for hit in hits]


@pytest.mark.parametrize("query, printed, via", [
    ("eps", "Earnings per share(1)", "earnings per share"),  # Microsoft's income statement, line 2817
    ("operating profit", "Operating income", "income"),
    ("net loss", "Net income", "net income"),
    ("capex", "Additions to property, plant, and equipment", "additions to property and equipment"),  # line 2860
    ("r&d", "Research and development", None),
])
def test_analysts_words_find_the_printed_rows(index, query, printed, via):
    found = labels(index, query)
    assert any(label == printed and hit_via == via for label, hit_via, _ in found), found[:8]


def test_eps_finds_the_statement_row(index):
    found = labels(index, "eps")
    assert ("Earnings per share(1)", "earnings per share", "Income Statements") in found
