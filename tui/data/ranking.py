"""Score the vocabulary's keys for a query with rapidfuzz, then rank the cells they point to.

The first tier streams at once: a key at least 1.5 times the query's length that does not hold the
query whole scores below 89.95 with WRatio (partial_ratio below 100 for queries up to 100
characters), so every hit ranked at 90.0 or above is known before those keys are scored. They
are scored when the rest of the list is wanted (`Results.complete`, or asking for its length).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from .lineitems import Hit
from .vocab import Vocabulary, matches

CUTOFF = 72.0
SYNONYM_CUTOFF = 88.0  # a synonym must match closely: it widens recall, not noise
SYNONYM_PENALTY = 0.95
GROUP_PENALTY = 0.9
PARTIAL_SCORE = 90.0  # WRatio of a query found whole inside a key 1.5 to 8 times as long (partial_ratio 100 x 0.9)
FIRST_TIER = 900  # scores in tenths: what the first tier holds
DEFER_UP_TO = 100  # query length up to which deferred keys provably score below the first tier


def score_keys(vocabulary: Vocabulary, query: str, cutoff: float, prefilter: bool = True, defer: bool = False):
    """(key ids, WRatio scores) of the keys matching the query at `cutoff` or better, and the ids of keys
    left unscored (`defer`: long keys without the query inside, which cannot reach the first tier)."""
    from rapidfuzz import fuzz, process

    texts = vocabulary.texts
    nothing = np.zeros(0, dtype=np.int64)
    if not prefilter:
        ids = vocabulary.active
        scores = process.cdist([query], [texts[k] for k in ids.tolist()], scorer=fuzz.WRatio,
                               score_cutoff=cutoff, dtype=np.float64)[0]
        typos = vocabulary.typo_words(query)
        kept = [k for k, key in enumerate(ids.tolist()) if scores[k] >= cutoff and matches(query, texts[key], typos)]
        return ids[kept], scores[kept], nothing
    size = len(query)
    lengths = vocabulary.lengths
    allowed = (lengths <= 8 * size) & (size <= 8 * lengths)  # past an 8x length ratio WRatio is at most 60
    ids, inside = vocabulary.candidates(query, allowed)
    scores = np.zeros(len(ids))
    deferred = nothing
    if cutoff > PARTIAL_SCORE:
        rest = np.ones(len(ids), dtype=bool)
    else:
        long_keys = 2 * lengths[ids] >= 3 * size
        if inside is not None:
            shortcut = long_keys & inside[ids]
        else:
            shortcut = np.array([long_key and query in texts[key]
                                 for key, long_key in zip(ids.tolist(), long_keys.tolist())], dtype=bool)
        scores[shortcut] = PARTIAL_SCORE
        rest = ~shortcut
        if defer and size <= DEFER_UP_TO:
            deferred = ids[rest & long_keys]
            rest &= ~long_keys
    rest = np.flatnonzero(rest)
    if len(rest):
        scores[rest] = wratio(query, [texts[key] for key in ids[rest].tolist()], cutoff)
    keep = scores >= cutoff
    return ids[keep], scores[keep], deferred


def wratio(query: str, choices: list[str], cutoff: float) -> np.ndarray:
    """rapidfuzz WRatio of the query against each choice (0 below the cutoff)."""
    from rapidfuzz import fuzz, process

    return process.cdist([query], choices, scorer=fuzz.WRatio, score_cutoff=cutoff, dtype=np.float64)[0]


def rank(postings, variants: list[tuple[str, str | None]], prefilter: bool = True) -> Results:
    """Every cell whose label (or group and label) matches a query variant, best first."""
    vocabulary = postings.vocabulary
    results = Results(postings, variants)
    for number, (text, term) in enumerate(variants):
        weight, cutoff = (1.0, CUTOFF) if term is None else (SYNONYM_PENALTY, SYNONYM_CUTOFF)
        ids, scores, deferred = score_keys(vocabulary, text, cutoff, prefilter, defer=True)
        results.merge(ids, scores * weight, number)
        if len(deferred):
            results.pending.append((number, text, cutoff, weight, deferred))
    results.order_hits()
    return results


class Results(Sequence):
    """Ranked hits, built one at a time as they are read; `ready` of them are final while some keys wait."""

    def __init__(self, postings, variants) -> None:
        size = postings.vocabulary.size
        self.postings = postings
        self.variants = variants
        self.best = np.zeros(size)
        self.best_via = np.full(size, -1, dtype=np.int64)
        self.pending: list[tuple] = []
        empty: np.ndarray = np.zeros(0)
        self.order = self.scores = self.via = empty

        self.ready = 0
        self._lock = threading.Lock()

    def merge(self, ids, scores, number: int) -> None:
        """Keep each key's best score and the variant that gave it (the earlier one on ties)."""
        held = self.best[ids]
        better = (scores > held) | ((scores == held) & (scores > 0) & (number < self.best_via[ids]))
        self.best[ids[better]] = scores[better]
        self.best_via[ids[better]] = number

    def order_hits(self) -> None:
        """Rank the cells by their best key score (label, or group and label at a penalty; a schedule's tag at
        a penalty), then by filing (newest first), tier (statements first) and position."""
        postings, best, via = self.postings, self.best, self.best_via
        if not len(postings) or not best.any():
            order, scores, hit_via = np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64)
        else:
            label_scores = best[postings.label_keys]
            group_scores = best[postings.group_keys] * GROUP_PENALTY
            by_group = group_scores > label_scores
            all_scores = np.where(by_group, group_scores, label_scores) * postings.weights
            hits = np.flatnonzero(all_scores >= CUTOFF)
            tenths = np.rint(all_scores[hits] * 10).astype(np.int64)
            ranked = np.lexsort((hits, postings.tiers[hits], postings.file_of[hits], -tenths))
            order, scores = hits[ranked], all_scores[hits][ranked]
            hit_via = np.where(by_group[order], via[postings.group_keys[order]], via[postings.label_keys[order]])
            if self.pending:
                ready = int(np.count_nonzero(tenths >= FIRST_TIER))
        with self._lock:
            self.order, self.scores, self.via = order, scores, hit_via
            self.ready = ready if self.pending and len(order) else len(order)

    def complete(self) -> Results:
        """Score the deferred keys and rank every hit (safe to call from a worker thread)."""
        with self._lock:
            pending, self.pending = self.pending, []
        if pending:
            texts = self.postings.vocabulary.texts
            for number, text, cutoff, weight, ids in pending:
                scores = wratio(text, [texts[key] for key in ids.tolist()], cutoff)
                keep = scores >= cutoff
                self.merge(ids[keep], scores[keep] * weight, number)
            self.order_hits()
        return self

    @property
    def is_complete(self) -> bool:
        """True once every hit is ranked."""
        return not self.pending

    def __len__(self) -> int:
        return len(self.complete().order)

    def __getitem__(self, index):
        if isinstance(index, slice):
            stop, start = index.stop, index.start or 0
            if self.pending and (stop is None or stop < 0 or start < 0 or stop > self.ready):
                self.complete()
            return [self[k] for k in range(*index.indices(len(self.order)))]
        if index < 0:
            index += len(self)
        if index >= self.ready:
            self.complete()
        with self._lock:
            posting, score, number = int(self.order[index]), float(self.scores[index]), int(self.via[index])
        via = self.variants[number][1] if number >= 0 else None
        return Hit(self.postings.item(posting), score, via)

    def same_as(self, other: Results) -> bool:
        """True when both rank the same cells with the same scores and synonyms."""
        self.complete(), other.complete()
        return (np.array_equal(self.order, other.order) and np.array_equal(self.scores, other.scores)
                and np.array_equal(self.via, other.via))
