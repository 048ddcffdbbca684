"""What the cache keeps of one parsed file: a summary row, compressed blobs and its search keys."""

from __future__ import annotations

import dataclasses
import json
import pickle
import zlib
from array import array
from dataclasses import dataclass, field
from functools import lru_cache, partial
from operator import attrgetter
from pathlib import Path

from .summary import Summary

LEVEL = 1  # zlib level: blobs are written once per parse and read often; speed beats ratio


@dataclass
class Record:
    """A parsed file ready to store: built in a worker process, written by the parent."""

    path: str
    size: int
    mtime_ns: int
    version: str  # cache_version(): the parser's and the storing code's
    summary: Summary
    filing: bytes
    facts: bytes | None
    facts_csv: bytes | None
    items: bytes
    keys: list[str] = field(default_factory=list)
    item_keys: list[tuple[int, int, int]] = field(default_factory=list)  # label key, grouped key, tier

    def summary_row(self) -> tuple:
        """The `files` row."""
        s = self.summary
        return (self.path, str(Path(self.path).parent), self.size, self.mtime_ns, self.version, s.name,
                s.form, s.company, s.date.isoformat() if s.date else "", s.title, s.error,
                json.dumps(list(s.warnings)), s.n_tables, s.n_facts, s.n_items,
                s.period.isoformat() if s.period else "")

    def blob_row(self, key_ids: list[int]) -> tuple:
        """The `blobs` row, with each item's (label key, grouped key) given as global key ids, and its
        tier (see `search.Item.tier`)."""
        postings = array("i")
        for label_key, group_key, tier in self.item_keys:
            postings.extend((key_ids[label_key], key_ids[group_key], tier))
        return (self.path, self.filing, self.facts, self.facts_csv, self.items, postings.tobytes())


def make_record(path: str, size: int, mtime_ns: int) -> Record:
    """Parse one file and pack what the cache keeps of it; never raises on bad content."""
    from parser import load_filing

    return pack(load_filing(path), size, mtime_ns)


def pack(filing, size: int, mtime_ns: int) -> Record:
    """A Record from a parsed Filing, stored under the current cache version: its facts as plain tuples
    and their CSV lines, built without pandas (pool workers never import it)."""
    from parser.facts import fact_rows

    from ..data.lineitems import items_of, search_keys
    from .version import cache_version

    items = items_of(filing) if not filing.error else []
    keys: dict[str, int] = {}
    item_keys = []
    for item in items:
        label, grouped = search_keys(item)
        item_keys.append((keys.setdefault(label, len(keys)), keys.setdefault(grouped, len(keys)), item.tier))
    facts = fact_rows(filing) if not filing.error else []
    summary = Summary(filing.path, filing.name, filing.form, filing.company, filing.date, filing.title,
                      filing.error, tuple(filing.warnings), len(filing.tables), len(facts), len(items), filing.period)
    # The text is not stored a second time: the cache key guarantees the file is unchanged, and
    # FolderIndex.filing reads the lines back from it.
    stored = filing if filing.error else dataclasses.replace(filing, lines=())
    return Record(filing.path, size, mtime_ns, cache_version(), summary, compress(stored),
                  compress(facts) if facts else None, csv_body(facts) if facts else None,
                  compress(item_rows(items)), list(keys), item_keys)


def item_rows(items: list) -> list[tuple]:
    """The stored form of a filing's line items (the Item fields after its path and date)."""
    return [(i.table_index, i.table_title, i.row_index, i.label, i.group, i.values,
             tuple((r.period, r.unit, r.doubted) for r in i.readings), i.tier) for i in items]


def compress(value) -> bytes:
    """Pickle and compress."""
    _fast_pickling()
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), LEVEL)


def csv_body(rows: list[tuple]) -> bytes:
    """A filing's facts (tuples in FACT_COLUMNS order) as the CSV lines `colt-tui facts` prints, no
    header, compressed for the cache: byte for byte what pandas writes for `frame_of_records(rows)`
    (tests/test_facts_csv.py holds them equal), without pandas."""
    from .facts import csv_text

    return zlib.compress(csv_text(rows).encode("utf-8"), LEVEL)


@lru_cache(maxsize=1)
def _fast_pickling() -> None:
    """Pickle the parser's frozen dataclasses as (class, field values): three times faster than the
    default for slotted dataclasses, and the stream still unpickles without this registration."""
    import copyreg
    import dataclasses

    from parser import model

    for cls in vars(model).values():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__:
            fields = dataclasses.fields(cls)
            if all(f.init for f in fields) and len(fields) > 1:
                copyreg.pickle(cls, partial(_reduce, attrgetter(*(f.name for f in fields))))


def _reduce(values, obj) -> tuple:
    return type(obj), values(obj)
