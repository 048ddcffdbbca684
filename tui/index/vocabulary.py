"""Build the search index of a folder from the cache: key texts and per-file postings, no Filing unpickled."""

from __future__ import annotations

import numpy as np

from ..data.postings import FilingItems, Postings, date_rank
from ..data.lineitems import Item, Reading
from ..data.search import SearchIndex
from .record import Summary


def load_search_index(store, summaries: list[Summary], item_rows_of) -> SearchIndex:
    """A SearchIndex over the cached line items of these files; `item_rows_of(path)` reads a file's items
    when they are shown."""
    files = sorted((s for s in summaries if s.n_items and not s.error),
                   key=lambda s: (date_rank(s.date.isoformat() if s.date else ""), s.path))
    blobs = store.blobs([s.path for s in files], "postings")
    arrays, file_of, local = [], [], []
    kept: list[Summary] = []
    for summary in files:
        blob = blobs.get(summary.path)
        if not blob:
            continue
        pairs = np.frombuffer(blob, dtype=np.int32).reshape(-1, 3)
        arrays.append(pairs)
        file_of.append(np.full(len(pairs), len(kept), dtype=np.int32))
        local.append(np.arange(len(pairs), dtype=np.int32))
        kept.append(summary)
    if not arrays:
        return SearchIndex()
    pairs = np.concatenate(arrays)
    refs = [(s.path, s.date.isoformat() if s.date else "") for s in kept]

    def load_items(file_index: int) -> FilingItems:

        path, date = refs[file_index]
        return _Items(path, date, item_rows_of(path))

    postings = Postings(store.key_texts(), pairs[:, 0], pairs[:, 1], np.concatenate(file_of),
                        np.concatenate(local), refs, load_items, tiers=pairs[:, 2])
    return SearchIndex.from_postings(postings)


class _Items:
    """A filing's stored item rows, each made an Item only when it is shown."""

    def __init__(self, path: str, date: str, rows: list[tuple]) -> None:
        self.path, self.date, self.rows = path, date, rows

    def __getitem__(self, position: int) -> Item:
        table, title, row, label, group, values, readings, tier = self.rows[position]
        return Item(self.path, self.date, table, title, row, label, group, values,
                    tuple(Reading(*reading) for reading in readings), tier)
