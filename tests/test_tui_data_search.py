"""Line-item search: rapidfuzz ranking, synonyms that widen recall but show the real label."""

from __future__ import annotations

from pathlib import Path

import pytest

from parser import Filing, load_paths
from tui.data.search import SearchIndex, expand_query

FILINGS = Path(__file__).resolve().parents[1] / "filings"


@pytest.fixture(scope="module")
def index():
    built = SearchIndex()
    for filing in load_paths([FILINGS]):
        built.add(filing)
    return built


def test_ebitda_hits_show_label_date_table_and_values(index):
    hits = index.search("ebitda")
    assert [hit.item.label for hit in hits[:2]] == ["EBITDA (1)", "EBITDA"]
    first = hits[0].item
    assert first.filing_date == "2004-07-21"
    assert first.table_title == "KEY FINANCIAL DATA"
    assert first.values == ("37.9", "38.3", "71.9", "84.7")
    assert hits[0].via is None


def test_synonym_finds_turnover_and_says_so(index):
    hits = index.search("revenue")
    turnover = [hit for hit in hits if hit.item.label == "Turnover"]
    assert turnover and all(hit.via == "turnover" for hit in turnover)
    assert hits[0].item.label == "Turnover"


def test_direct_matches_rank_above_synonyms(index):
    hits = index.search("net sales")
    assert any(hit.item.label == "Turnover" and hit.via for hit in hits)


def test_typo_still_finds(index):
    assert index.search("turnvoer")[0].item.label == "Turnover"
    assert index.search("total assets")[0].item.label == "Total assets"


def test_unrelated_query_finds_nothing(index):
    assert index.search("zqxjv") == []
    assert index.search("") == []
    assert len(index.search("e", limit=5)) <= 5


def test_expand_query():
    variants = dict(expand_query("Net profit"))
    assert "net profit" in variants and variants["net profit"] is None
    assert variants["net income"] == "income"
    assert variants["net earnings"] == "earnings"


def test_adding_a_filing_twice_replaces_it(index):
    size = len(index)
    again = load_paths([FILINGS / "001_e47b350a37731711.txt"])[0]
    index.add(again)
    assert len(index) == size
    failed = Filing("empty.txt", "empty.txt", error="empty.txt: empty file")
    index.add(failed)
    assert len(index) == size
