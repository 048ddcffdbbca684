"""The browser's keys, one table shared by the help screen and docs/BROWSER.md."""

from __future__ import annotations

KEYS: tuple[tuple[str, str, str], ...] = (
    ("Anywhere", "tab / shift+tab", "next / previous pane"),
    ("Anywhere", "↑ ↓ / j k", "move up / down (h l, ← → sideways in tables)"),
    ("Anywhere", "g / G", "first / last line"),
    ("Anywhere", "? / F1", "this help"),
    ("Anywhere", "ctrl+p", "palette: every action; jump to any table"),
    ("Anywhere", "q", "quit on the main screen; close compare, series, help and pickers"),
    ("Anywhere", "escape", "close a screen or dialog (search too); clear filter / find"),
    ("Main screen", "enter", "open: filing → outline, item → content pane"),
    ("Main screen", "/", "search line items of every loaded filing"),
    ("Main screen", "f", "find text in the open filing"),
    ("Main screen", "n / N", "next / previous find match"),
    ("Main screen", "[ / ]", "previous / next table of the filing"),
    ("Main screen", "1 / 2 / 3", "the filing's income statement / balance sheet / cash-flow statement"),
    ("Main screen", "F9", "hide / show the filter, filing list and outline"),
    ("Main screen", "F10", "the focused pane full screen / back"),
    ("On a table", "c", "compare two periods of the table"),
    ("On a table", "C", "compare the statement with the same company's other filing (aligned by line item)"),
    ("On a table", "s", "series of the row across the company's filings"),
    ("On a table", "e", "export the table: .csv .tsv .json .parquet .xlsx, by the file's extension"),
    ("On a table", "y / Y", "copy the row / the whole table as TSV"),
    ("On a table", "x / M", "copy the cell's value / the whole table as Markdown"),
    ("On a table", "v", "the table's own lines in the filing, the cell's number (or the row's line) marked; v again: back"),
    ("Main screen", "o", "the filing in $PAGER (or $EDITOR) at the cell's or text's line"),
    ("Filing list", "shift+tab, type", "filter in the box above the list"),
    ("Search", "type, ↑ ↓, enter", "live hits; enter opens the table on the row"),
    ("Compare", "o", "sort by change / as printed"),
    ("Compare", "] / [", "next / previous largest move"),
    ("Compare", "p", "pick other periods"),
    ("Compare", "u", "printed units ↔ common scale (GBP'000 ↔ GBP m)"),
    ("Compare, Series", "e / y / Y", "export (format by extension) / copy row / copy all (TSV)"),
)


MARKS: tuple[tuple[str, str], ...] = (
    ("?", "a value in doubt: its period or unit not read, its label guessed, or a check it takes part in fails"),
    ("≠", "a cell whose arithmetic check does not foot (the detail line gives printed, computed, difference)"),
    ("Δ", "a series value not printed but derived (Q2 = 6M − Q1, Q3 = 9M − 6M, ...)"),
    ("R", "a series value another filing printed differently (a restatement; the newer figure is shown)"),
    ("▦", "a statement table in the outline"),
    ("✗", "a file that could not be read as a filing (its reason shows in the content pane)"),
    ("…", "a file not parsed yet"),
)

SEARCH_RULES = (
    "Search: every word typed must appear in the label (as the start of a word, inside a word from 3 "
    "letters on, or one typo away); hits are ranked by rapidfuzz WRatio, then newest filing first, the "
    "filing's statements before its other tables, EX-27 schedule tags last; '≈ term' names the synonym "
    "that found a hit (revenue ≈ turnover ≈ net sales, net income ≈ net loss, EPS, cash, R&D, SG&A, capex...)."
)


def marks_table() -> str:
    """The marks as a Markdown table."""
    lines = ["| mark | means |", "| --- | --- |"]
    lines += [f"| `{mark}` | {what} |" for mark, what in MARKS]
    return "\n".join(lines)


def markdown_table() -> str:
    """The keys as a Markdown table."""
    lines = ["| where | key | does |", "| --- | --- | --- |"]
    lines += [f"| {where} | `{key}` | {what} |" for where, key, what in KEYS]
    return "\n".join(lines)
