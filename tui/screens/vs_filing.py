"""`C`: the open statement against the same statement in another filing of the same company, picked
from a list (newest first) when there are several."""

from __future__ import annotations

from ..data.crosscompare import compare_filings, counterparts, describe_filing, newer_first
from ..data.text import safe_text


def compare_with_another_filing(app, filing, table) -> None:
    """Open the cross-filing comparison, asking which filing when more than one qualifies."""
    if table is None or filing is None:
        app.notify("Open a statement table first.", severity="warning")
        return
    found = counterparts(app.library.company_filings(filing), filing, table)
    if not found:
        who = safe_text(filing.company or filing.name)
        app.notify(f"No other open filing of {who} has this statement with a comparable period.",
                   severity="warning", markup=False)
        return
    if len(found) == 1:
        _open(app, filing, table, found[0])
        return
    from .periods import Picker

    options = [(f"{describe_filing(c.filing)} · {c.table.title} (table {c.table_index}, {c.filing.name})", c)
               for c in found]
    app.push_screen(Picker("Compare with which filing?", options),
                    lambda chosen: _open(app, filing, table, chosen) if chosen is not None else None)


def _open(app, filing, table, counterpart) -> None:
    from .compare import CompareScreen

    (current_filing, current), (prior_filing, prior) = newer_first(filing, table, counterpart)
    comparison = compare_filings(current_filing, current, prior_filing, prior)
    if comparison is None:
        app.notify("No period of equal length and currency to compare.", severity="warning")
        return
    app.push_screen(CompareScreen(current_filing, current, comparison, prior_filing))
