"""The browser over a dataset, read-only (`colt-tui --dataset DIR`): the filing list from `filings/`,
the search from `labels/`, and a filing's full tables parsed on demand from its source. It stands in
for `tui.index.FolderIndex` in the app's loader: same attributes, and nothing to refresh."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date

KEEP = 32  # filings kept parsed in memory


class DatasetIndex:
    """`ordered_paths`, `summaries`, `filing(path)`, `loaded_paths`, `search_index()`, `refresh()`."""

    def __init__(self, out) -> None:
        from ..index.record import Summary
        from .read import current_filings

        self.out = out
        self.note = ""
        try:
            frame = current_filings(out)
        except Exception as error:  # noqa: BLE001 - a damaged Parquet file, an unreadable folder: one note, an empty list
            frame = None
            self.note = _cannot_read(out, error)
        self.summaries: dict[str, Summary] = {}
        if frame is not None:
            for row in frame.to_dict(orient="records"):
                path = row["source_path"]
                self.summaries[path] = Summary(
                    path, row["name"], row["form"] or "", row["company"] or "", _day(row["date"]), row["title"] or "",
                    row["error"] if isinstance(row["error"], str) else None,
                    tuple(row["warnings"]) if row["warnings"] is not None else (),
                    int(row["n_tables"]), int(row["n_facts"]), 0, _day(row["period"]))
        self.ordered_paths = list(self.summaries)
        self._filings: OrderedDict[str, object] = OrderedDict()

    @property
    def loaded_paths(self) -> set[str]:
        return set(self._filings)

    def filing(self, path: str):
        """The full Filing, parsed from its source the first time it is asked for."""
        from .sources import load

        filing = self._filings.get(path)
        if filing is None:
            filing = self._filings[path] = load(path)
            while len(self._filings) > KEEP:
                self._filings.popitem(last=False)
        else:
            self._filings.move_to_end(path)
        return filing

    def search_index(self):
        """A search index over `labels/` (the latest parse of each filing)."""
        from ..data.lineitems import Item, Reading
        from ..data.postings import Postings
        from ..data.search import SearchIndex
        from .read import open_dataset

        try:
            frame = open_dataset(self.out, table="labels")
        except Exception:  # noqa: BLE001 - said once already when the filings could not be read; search stays empty
            return SearchIndex()
        if frame.empty:
            return SearchIndex()
        items: dict[str, list] = {}
        for row in frame.to_dict(orient="records"):
            readings = tuple(Reading(p, u, bool(d)) for p, u, d in zip(row["periods"], row["units"], row["doubted"]))
            items.setdefault(row["source_path"], []).append(Item(
                row["source_path"], row["filing_date"] or "", int(row["table"]), row["table_title"], int(row["row"]),
                row["label"], row["group"], tuple(row["values"]), readings, int(row["tier"])))
        return SearchIndex.from_postings(Postings.from_items(items))

    def refresh(self, progress=None, stop=None):
        """Nothing to parse: a dataset is read-only here (`colt-tui dataset` updates it)."""
        from ..index.build import Report

        return Report(cached=len(self.summaries))

    def close(self) -> None:
        self._filings.clear()


def _cannot_read(out, error: Exception) -> str:
    from ..data.text import safe_name

    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    return f"{safe_name(str(out))}: cannot read the dataset ({safe_name(reason)[:200]})"


def _day(text) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None
