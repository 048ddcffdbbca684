"""The cells search can find, as flat arrays in ranked order: newest filing first, then table and row;
each with its tier (statement, other table, financial data schedule)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Protocol

import numpy as np

from .lineitems import SCHEDULE_TIER, Item, search_keys
from .vocab import Vocabulary

ITEM_CACHE = 64


class FilingItems(Protocol):
    """A filing's line items by position: a list, or stored rows made Items when read."""

    def __getitem__(self, position: int, /) -> Item: ...
SCHEDULE_PENALTY = 0.9  # a schedule's tag ranks after the statements' own rows and their synonyms


class Postings:
    """One posting per line item: its label key, grouped key, filing and position in the filing."""

    def __init__(self, texts: list[str], label_keys, group_keys, file_of, local, files: list[tuple[str, str]],
                 load_items: Callable[[int], FilingItems], tiers=None) -> None:
        self.texts = texts
        self.label_keys = np.ascontiguousarray(label_keys, dtype=np.int32)
        self.group_keys = np.ascontiguousarray(group_keys, dtype=np.int32)
        self.file_of = np.asarray(file_of, dtype=np.int32)
        self.local = np.asarray(local, dtype=np.int32)
        self.tiers = np.zeros(len(self.label_keys), np.int8) if tiers is None else np.asarray(tiers, dtype=np.int8)
        self.weights = np.where(self.tiers == SCHEDULE_TIER, SCHEDULE_PENALTY, 1.0)
        self.files = files
        self._load_items = load_items
        self._items: OrderedDict[int, FilingItems] = OrderedDict()

        active = np.unique(np.concatenate((self.label_keys, self.group_keys)))
        self.vocabulary = Vocabulary(texts, active)

    def __len__(self) -> int:
        return len(self.label_keys)

    def item(self, posting: int):
        """The line item a posting points to (its filing's items loaded on first use)."""
        file_index = int(self.file_of[posting])
        items = self._items.get(file_index)
        if items is None:
            items = self._items[file_index] = self._load_items(file_index)
            while len(self._items) > ITEM_CACHE:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(file_index)
        return items[int(self.local[posting])]

    @classmethod
    def from_items(cls, filings: dict[str, list]) -> Postings:
        """Postings from in-memory items per filing path."""
        ordered = sorted(filings.items(), key=lambda pair: (_newest(pair[1]), pair[0]))
        ids: dict[str, int] = {}
        label_keys, group_keys, file_of, local, tiers = [], [], [], [], []
        for file_index, (_path, items) in enumerate(ordered):
            for position, item in enumerate(items):
                label, grouped = search_keys(item)
                label_keys.append(ids.setdefault(label, len(ids)))
                group_keys.append(ids.setdefault(grouped, len(ids)))
                file_of.append(file_index)
                local.append(position)
                tiers.append(item.tier)
        files = [(path, items[0].filing_date if items else "") for path, items in ordered]
        return cls(list(ids), label_keys, group_keys, file_of, local, files, lambda k: ordered[k][1], tiers)


def date_rank(date_text: str) -> int:
    """Sort key putting the newest date first and undated filings last."""
    return -int(date_text.replace("-", "") or 0)


def _newest(items: list) -> int:
    return date_rank(items[0].filing_date) if items else 0
