"""The same statement of one company in two filings, side by side: this year's 10-K against last
year's, aligned by line item, with change and % change (the cross-filing counterpart of `compare`)."""

from __future__ import annotations

from dataclasses import dataclass

from parser.doubts import failed_targets
from parser.model import Filing

from .compare import Comparison, line_of, qualifier_rank, year_before
from .series import company_key
from .statements import NAMED, main_statement
from .text import normalise_label


@dataclass(frozen=True)
class Counterpart:
    """Another filing of the same company and its table of the same statement."""

    filing: Filing
    table_index: int


    @property
    def table(self):
        return self.filing.tables[self.table_index]


def describe_filing(filing) -> str:
    """'10-K 1996-09-27' (form and date), or the file name when neither is known."""
    day = filing.date.isoformat() if getattr(filing, "date", None) else ""
    return " ".join(part for part in (filing.form, day) if part) or filing.name


def counterparts(filings, filing, table) -> list[Counterpart]:
    """The other filings of `filing`'s company holding the same statement as `table`, newest first: for
    an income statement, balance sheet or cash-flow statement the filing's main one; for another table one
    of the same kind and title."""
    company, kind = company_key(filing), str(table.kind)
    found = []
    for other in filings:
        if other is filing or other.path == filing.path or other.error or company_key(other) != company:
            continue
        if kind in NAMED:
            index = main_statement(other, kind)
        else:
            title = normalise_label(table.title or "")
            index = next((t.index for t in other.tables if str(t.kind) == kind
                          and normalise_label(t.title or "") == title), None)
        if index is not None and (comparable_columns(table, other.tables[index])
                                  or comparable_columns(other.tables[index], table)):
            found.append(Counterpart(other, index))
    return sorted(found, key=lambda c: (c.filing.date is None, -(c.filing.date.toordinal() if c.filing.date else 0)))


def comparable_columns(table, other) -> list[tuple[int, int]]:
    """(column of `table`, column of `other`) pairs of equal length and currency, `table`'s period later,
    best first: its latest period against the same period a year earlier, totals before parts."""
    ours = [c for c in table.columns if c.period is not None]
    theirs = [c for c in other.columns if c.period is not None]
    found = [(a, b) for a in ours for b in theirs
             if a.period.months == b.period.months and a.currency == b.currency and b.period.end < a.period.end]

    def rank(pair):
        a, b = pair
        return (-a.period.end.toordinal(), b.period.end != year_before(a.period.end), a.period.months,
                qualifier_rank(a.qualifier), qualifier_rank(b.qualifier), -b.period.end.toordinal(), a.index, b.index)

    return [(a.index, b.index) for a, b in sorted(found, key=rank)]


def newer_first(filing, table, counterpart: Counterpart):
    """((filing, table), (filing, table)) with the filing whose latest period is later first."""
    def latest(t):
        return max((c.period.end for c in t.columns if c.period is not None), default=None)

    mine, theirs = latest(table), latest(counterpart.table)
    if mine is not None and theirs is not None and theirs > mine:
        return (counterpart.filing, counterpart.table), (filing, table)
    return (filing, table), (counterpart.filing, counterpart.table)


def compare_filings(current_filing, table, prior_filing, prior_table,
                    pair: tuple[int, int] | None = None) -> Comparison | None:
    """`table`'s column against `prior_table`'s (the pair given, else the best of `comparable_columns`),
    lines aligned by line item; None when no two columns are comparable."""
    if pair is None:
        found = comparable_columns(table, prior_table)
        if not found:
            return None
        pair = found[0]
    current, prior = table.columns[pair[0]], prior_table.columns[pair[1]]
    failed, prior_failed = failed_targets(table), failed_targets(prior_table)
    matched = align(table.rows, prior_table.rows)
    lines = []
    used = set()
    for row in table.rows:
        prior_row = matched.get(row.index)
        if prior_row is not None:
            used.add(prior_row.index)
        lines.append(line_of(table, row, prior_row, current, prior, failed, prior_failed, prior_table))
    for prior_row in prior_table.rows:
        if prior_row.index not in used and prior_row.cell(prior.index) is not None:
            lines.append(line_of(table, None, prior_row, current, prior, failed, prior_failed, prior_table))
    return Comparison(table, current, prior, tuple(lines), prior_table,
                      describe_filing(current_filing), describe_filing(prior_filing))


def align(rows, prior_rows) -> dict:
    """Each row's counterpart among `prior_rows`: same group and label first, then the same label; each
    prior row used once, in printed order."""
    def keys(row):
        label = normalise_label(row.display_label)
        return normalise_label(f"{row.group_text} {row.display_label}"), label

    by_group: dict[str, list] = {}
    by_label: dict[str, list] = {}
    for row in prior_rows:
        grouped, label = keys(row)
        by_group.setdefault(grouped, []).append(row)
        by_label.setdefault(label, []).append(row)
    used: set[int] = set()
    matched = {}
    for stage in (0, 1):
        for row in rows:
            if row.index in matched or not row.display_label:
                continue
            candidates = by_group.get(keys(row)[0], []) if stage == 0 else by_label.get(keys(row)[1], [])
            found = next((r for r in candidates if r.index not in used), None)
            if found is not None:
                matched[row.index] = found
                used.add(found.index)
    return matched
