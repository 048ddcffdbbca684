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


def prompt_of(index, query: str, title: str, label: str) -> str:
    from tui.widgets.hit_list import hit_prompt

    hit = next(hit for hit in index.results(query) if hit.item.table_title == title and hit.item.label == label)
    return hit_prompt(hit, "COMPANY").plain


def test_a_hit_gives_each_number_its_period_and_unit(index):
    """Microsoft 1997, line 2817: 'Earnings per share(1) $ 1.16 $ 1.71 $ 2.63' for the years to June 30,
    1995-1997; Movie Star 1999, line 1411: 'Cash $ 4,597 $ 546' at June 30, 1999 and 1998, in thousands."""
    eps = prompt_of(index, "eps", "Income Statements", "Earnings per share(1)")
    assert "USD/share:" in eps and "2.63 12M to 1997-06-30" in eps and "1.16 12M to 1995-06-30" in eps
    cash = prompt_of(index, "cash", "CONSOLIDATED BALANCE SHEETS", "Cash")
    assert "USD'000:" in cash and "4,597 at 1999-06-30" in cash and "546 at 1998-06-30" in cash
    assert "COMPANY · " in cash


def test_cash_finds_cash_and_cash_equivalents(index):
    """Aeroflex 1995, line 1102: 'Cash and cash equivalents (Note 1)  $ 11,330,000  $ 8,238,000'."""
    found = labels(index, "cash")
    assert any(label == "Cash and cash equivalents (Note 1)" and title == "CONSOLIDATED BALANCE SHEETS"
               for label, _, title in found[:20]), found[:20]


def test_schedule_tags_read_as_line_items_and_rank_after_the_statements():
    """Microsoft 1995: '<TOTAL-ASSETS> 7,210' (line 2887) in its EX-27 schedule; 'Total assets ... $7,210'
    in the balance sheet (line 1625) and the five-year summary (line 1158)."""
    built = SearchIndex()
    built.add(load_once(EXTRA / "10_microsoft-10k-1995.txt"))
    found = labels(built, "total assets")
    titles = [title for label, _, title in found if label == "Total assets"]
    assert titles[-1] == "Financial data schedule" and "BALANCE SHEETS" in titles[:-1]
    assert titles.index("BALANCE SHEETS") < titles.index("FINANCIAL HIGHLIGHTS")  # the statement first
    found = labels(built, "net income")
    schedule = [k for k, (_, _, title) in enumerate(found) if title == "Financial data schedule"]
    exact = [k for k, (label, _, title) in enumerate(found)
             if label == "Net income" and title != "Financial data schedule"]
    assert schedule and exact and max(exact) < min(schedule)


@pytest.mark.parametrize("query, label, title, shown", [
    ("eps", "Earnings per share(1)", "Income Statements", "2.63 12M to 1997-06-30"),  # Microsoft, line 2817
    ("net loss", "Net income", "Income Statements", "3,454 12M to 1997-06-30"),  # line 2812
    ("operating profit", "Operating income", "Income Statements", "5,130 12M to 1997-06-30"),  # line 2805
    ("cash", "Cash", "CONSOLIDATED BALANCE SHEETS", "4,597 at 1999-06-30"),  # Movie Star, line 1411
])
async def test_the_search_screen_shows_the_statements_row_with_company_period_and_unit(tmp_path, query, label,
                                                                                      title, shown):
    from textual.widgets import Input

    from tests_support import extra_folder, ready
    from tui.app import build_app

    folder = extra_folder(tmp_path, "11_microsoft-10k-1997.txt", "06_aeroflex-10k-1995.txt",
                          "07_moviestar-10k-1999.txt")
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash")
        search = app.screen
        search.query_one(Input).value = query
        await pilot.pause()
        hits = list(search.hits)
        position = next(k for k, hit in enumerate(hits) if (hit.item.label, hit.item.table_title) == (label, title))
        assert position < 12, [(hit.item.label, hit.item.table_title) for hit in hits[:12]]
        prompt = search.query_one("#search-hits").get_option_at_index(position).prompt.plain
        company = "MICROSOFT" if title == "Income Statements" else "MOVIE STAR"
        assert shown in prompt and company in prompt.upper()


def test_within_a_filing_the_statement_row_comes_before_its_copies():
    """Microsoft 1997 prints 'Earnings per share' in its quarterly table (lines 2295, 2304, 2313) and its income
    statement (line 2817); both match 'eps' alike, the income statement's row is listed first."""
    built = SearchIndex()
    built.add(load_once(EXTRA / "11_microsoft-10k-1997.txt"))
    assert labels(built, "eps")[0] == ("Earnings per share(1)", "earnings per share", "Income Statements")
