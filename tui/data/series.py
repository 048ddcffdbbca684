"""One line item across every period of one company's loaded filings, with derived quarters and
restatements flagged: every value in the series' one unit, shown as it is charted and exported."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from parser.doubts import cell_doubts, doubt_text, failed_targets

from .compare import figure, qualifier_rank, scaled
from .numbers import decimals_of
from .text import normalise_label
from .units import unit_text

STATEMENTS = {"income", "balance", "cash_flow", "equity"}


@dataclass(frozen=True)
class Point:
    """One period's value; `source` says where it was printed, or how it was derived."""

    end: date
    months: int
    value: float
    text: str
    source: str
    derived: bool = False
    restated: tuple[tuple[str, str], ...] = ()  # other filings' different figures for the period: (text, source)
    doubt: str = ""  # why the printed cell (or, derived, one of its terms) may not be what it seems

    @property
    def period(self) -> str:
        """'3M to 2004-06-30' or 'at 2004-06-30'."""
        return f"at {self.end.isoformat()}" if self.months == 0 else f"{self.months}M to {self.end.isoformat()}"


@dataclass(frozen=True)
class Series:
    """A line item's points in one currency and scale, ordered by length then end date."""

    label: str
    currency: str | None
    scale: int
    kind: str
    points: tuple[Point, ...]
    company: str = ""

    @property
    def unit(self) -> str:
        """The unit every value is given in."""
        return unit_text(self.currency, self.scale)

    def chart_points(self) -> list[Point]:
        """The points worth charting: quarters when there are two, else the commonest length."""
        counts = Counter(point.months for point in self.points)
        if counts[3] >= 2:
            months = 3
        else:
            months = counts.most_common(1)[0][0] if counts else 0
        return sorted((p for p in self.points if p.months == months), key=lambda p: p.end)


def shift_months(day: date, months: int) -> date:
    """The date `months` later (or earlier), month ends kept as month ends."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _month_end(year, month + 1)
    at_end = day.day == _month_end(day.year, day.month)
    return date(year, month + 1, last if at_end else min(day.day, last))


def _month_end(year: int, month: int) -> int:
    """The last day of a month."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following.toordinal() - date(year, month, 1).toordinal())


def company_key(filing) -> str:
    """Who filed: the CIK from the SEC header, else the company name normalised, else the file itself."""
    if getattr(filing, "cik", ""):
        return f"cik:{int(filing.cik) if str(filing.cik).isdigit() else filing.cik}"
    name = normalise_label(getattr(filing, "company", "") or "")
    return f"name:{name}" if name else f"file:{filing.path}"


def build_series(filings, table, row, column_index: int | None = None, filing=None) -> Series:
    """The row's line item across the filings of the same company as `filing` (the one `table` is in),
    in the currency and scale of the chosen column."""
    filing = filing or next((f for f in filings if any(t is table for t in f.tables)), None)
    company = company_key(filing) if filing is not None else None
    own = [f for f in filings if company is not None and company_key(f) == company] or ([filing] if filing else [])
    columns = [c for c in table.columns if c.period is not None and row.cell(c.index) is not None]
    if column_index is not None and row.cell(column_index) is not None and table.columns[column_index].period:
        anchor = table.columns[column_index]
    else:
        currencies = Counter(c.currency for c in columns)
        anchor = max(columns, key=lambda c: (currencies[c.currency], -qualifier_rank(c.qualifier)), default=None)
    name = (getattr(filing, "company", "") or "") if filing is not None else ""
    if anchor is None:
        return Series(row.display_label, None, 1, "", (), name)
    kind = row.cell(anchor.index).kind
    points = _best_points(own, table, row, anchor, kind)
    if kind == "amount":
        points += derived_quarters(points, decimals_of(row.cell(anchor.index).raw))
    points.sort(key=lambda p: (p.months, p.end))
    return Series(row.display_label, anchor.currency, anchor.scale, kind, tuple(points), name)


def _best_points(filings, table, row, anchor, kind) -> list[Point]:
    """One point per period: the newest filing's figure (a restated figure replaces the old one), within
    a filing a statement's before another table's copy, then the open table; each in the anchor's unit.
    Another filing printing a different figure for the same period (beyond rounding) is a restatement:
    kept on the point (once per filing and value), which is marked."""
    wanted = normalise_label(row.label)
    found: dict[tuple, list] = {}
    failing: dict[int, dict] = {}  # the failing checks of each table met, found once
    for filing in filings:
        newest_first = -(filing.date.toordinal() if filing.date else 0)
        for other in filing.tables:
            for candidate in other.rows:
                if not candidate.label or normalise_label(candidate.label) != wanted:
                    continue
                for column in other.columns:
                    cell = candidate.cell(column.index)
                    if cell is None or column.period is None or column.currency != anchor.currency or cell.kind != kind:
                        continue
                    if cell.value != cell.value:  # too many digits: no value to chart
                        continue
                    value, decimals = scaled(cell.value, kind, column.scale, anchor.scale, decimals_of(cell.raw))
                    step = 10.0 ** -decimals_of(cell.raw) * (column.scale / anchor.scale if kind == "amount" else 1)
                    rank = (qualifier_rank(column.qualifier), newest_first, str(other.kind) not in STATEMENTS,
                            other is not table, other.title != table.title, column.scale)
                    source = f"{filing.name} · table {other.index} · {other.title}"
                    if column.qualifier:
                        source += f" · {column.qualifier}"
                    text = cell.raw if column.scale == anchor.scale or kind != "amount" else figure(value, decimals)
                    key = (column.period.end, column.period.months)
                    if id(other) not in failing:
                        failing[id(other)] = failed_targets(other)
                    failed = failing[id(other)]
                    doubt = doubt_text(cell_doubts(other, candidate, cell, failed))
                    found.setdefault(key, []).append((rank, value, step, text, source, filing.path, doubt))
    points = []
    for key, candidates in found.items():
        candidates.sort(key=lambda item: item[0])
        _, value, step, text, source, path, doubt = candidates[0]
        restated, seen = [], set()
        for _, other_value, other_step, other_text, other_source, other_path, _ in candidates[1:]:
            differs = abs(other_value - value) > max(step, other_step) / 2 + 1e-9 * max(abs(value), 1.0)
            if differs and other_path != path and (other_path, other_value) not in seen:
                seen.add((other_path, other_value))
                restated.append((other_text, other_source))
        points.append(Point(key[0], key[1], value, text, source, restated=tuple(restated), doubt=doubt))
    return points


def derived_quarters(points: list[Point], decimals: int) -> list[Point]:
    """Three-month periods not printed but implied: H1 − Q2 = Q1, H1 − Q1 = Q2, 9M − 6M = Q3."""
    known = {(p.end, p.months) for p in points}
    found: dict[tuple, Point] = {}
    for longer in points:
        for shorter in points:
            if longer.months - shorter.months != 3 or shorter.months == 0:
                continue
            value = longer.value - shorter.value
            how = f"{longer.period} − {shorter.period}"
            if shorter.end == longer.end:
                key = (shift_months(longer.end, -shorter.months), 3)
            elif shift_months(shorter.end, -shorter.months) == shift_months(longer.end, -longer.months):
                key = (longer.end, 3)
            else:
                continue
            if key not in known and key not in found:
                doubt = "; ".join(f"{p.period}: {p.doubt}" for p in (longer, shorter) if p.doubt)
                found[key] = Point(key[0], 3, value, figure(value, decimals), f"derived: {how}", True, doubt=doubt)
    return list(found.values())
