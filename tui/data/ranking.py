"""Score the vocabulary's keys for a query with rapidfuzz, then rank the cells they point to."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .vocab import Vocabulary, matches

PARTIAL_SCORE = 90.0  # WRatio of a query found whole inside a key 1.5 to 8 times its length


def score_keys(vocabulary: Vocabulary, query: str, cutoff: float, prefilter: bool = True):
    """(key ids, WRatio scores) of the keys matching the query at `cutoff` or better."""
    from rapidfuzz import fuzz, process

    texts = vocabulary.texts
    if not prefilter:
        ids = vocabulary.active
        scores = process.cdist([query], [texts[k] for k in ids.tolist()], scorer=fuzz.WRatio,
                               score_cutoff=cutoff, dtype=np.float64)[0]
        keep = [k for k, key in enumerate(ids.tolist()) if scores[k] >= cutoff and matches(query, texts[key])]
        return ids[keep], scores[keep]
    ids = vocabulary.candidates(query)
    size = len(query)
    lengths = vocabulary.lengths[ids]
    ids = ids[(lengths < 8 * size) & (size < 8 * lengths)]  # WRatio < 72 past an 8x length ratio
    if not len(ids):
        return ids, np.zeros(0)
    scores = np.zeros(len(ids))
    long_keys = 2 * vocabulary.lengths[ids] >= 3 * size
    rest = []
    for position, (key, long_key) in enumerate(zip(ids.tolist(), long_keys.tolist())):
        if long_key and cutoff <= PARTIAL_SCORE and query in texts[key]:
            scores[position] = PARTIAL_SCORE
        else:
            rest.append(position)
    if rest:
        scores[rest] = process.cdist([query], [texts[ids[k]] for k in rest], scorer=fuzz.WRatio,
                                     score_cutoff=cutoff, dtype=np.float64)[0]
    keep = scores >= cutoff
    return ids[keep], scores[keep]


def rank(postings, variants: list[tuple[str, str | None]], prefilter: bool = True) -> Results:
    """Every cell whose label (or group and label) matches a query variant, best first."""
    from .search import CUTOFF, GROUP_PENALTY, SYNONYM_CUTOFF, SYNONYM_PENALTY

    vocabulary = postings.vocabulary
    best = np.zeros(vocabulary.size)
    via = np.full(vocabulary.size, -1, dtype=np.int64)
    for number, (text, term) in enumerate(variants):
        weight, cutoff = (1.0, CUTOFF) if term is None else (SYNONYM_PENALTY, SYNONYM_CUTOFF)
        ids, scores = score_keys(vocabulary, text, cutoff, prefilter)
        scores = scores * weight
        better = scores > best[ids]
        best[ids[better]] = scores[better]
        via[ids[better]] = number
    if not len(postings) or not best.any():
        return Results(postings, np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64), variants)
    label_scores = best[postings.label_keys]
    group_scores = best[postings.group_keys] * GROUP_PENALTY
    by_group = group_scores > label_scores
    scores = np.where(by_group, group_scores, label_scores)
    hits = np.flatnonzero(scores >= CUTOFF)
    hit_scores = scores[hits]
    order = np.argsort(-np.rint(hit_scores * 10).astype(np.int64), kind="stable")
    hit_via = np.where(by_group[hits], via[postings.group_keys[hits]], via[postings.label_keys[hits]])
    return Results(postings, hits[order], hit_scores[order], hit_via[order], variants)


class Results(Sequence):
    """Ranked hits, materialised one at a time as they are read (a list view shows only a page)."""

    def __init__(self, postings, order, scores, via, variants) -> None:
        self.postings = postings
        self.order = order
        self.scores = scores
        self.via = via
        self.variants = variants

    def __len__(self) -> int:
        return len(self.order)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        from .search import Hit

        if index < 0:
            index += len(self)
        number = int(self.via[index])
        via = self.variants[number][1] if number >= 0 else None
        return Hit(self.postings.item(int(self.order[index])), float(self.scores[index]), via)

    def same_as(self, other: Results) -> bool:
        """True when both rank the same cells with the same scores and synonyms."""
        return (np.array_equal(self.order, other.order) and np.array_equal(self.scores, other.scores)
                and np.array_equal(self.via, other.via))
