"""The search vocabulary: unique normalised keys, the words they contain, and the prefilter over them.

A key matches a query when every query word is found among the key's words: as the start of a word,
inside a word (query words of 3+ characters), or one typo away (4+ characters, rapidfuzz ratio ≥ 75).
The word index finds those keys without touching the others; `matches` is the same rule applied to one
key, for checking the index against a full scan.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from functools import lru_cache

import numpy as np

SUBSTRING_MIN = 3
TYPO_MIN = 4
TYPO_RATIO = 75.0
WORD_CACHE = 256


def word_matches(query_word: str, word: str) -> bool:
    """The per-word rule, as the index applies it."""
    if word.startswith(query_word) or (len(query_word) >= SUBSTRING_MIN and query_word in word):
        return True
    if len(query_word) >= TYPO_MIN:
        from rapidfuzz import fuzz

        return fuzz.ratio(query_word, word, score_cutoff=TYPO_RATIO) >= TYPO_RATIO
    return False


def matches(query: str, text: str) -> bool:
    """True when every word of the query matches some word of the key text."""
    words = text.split()
    return all(any(word_matches(q, w) for w in words) for q in set(query.split()))


class Vocabulary:
    """Keys by id (their normalised text) with an inverted index from words to keys."""

    def __init__(self, texts: list[str], active) -> None:
        self.texts = texts
        self.size = len(texts)
        self.active = np.asarray(active, dtype=np.int64)
        self.lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
        self._index_words()
        self._word_keys = lru_cache(maxsize=WORD_CACHE)(self._keys_for_word)

    def _index_words(self) -> None:
        """Sorted unique words; for each, the ids of the keys containing it (CSR arrays)."""
        ids: dict[str, int] = {}
        pair_word, pair_key = array("i"), array("i")
        texts = self.texts
        for key in self.active.tolist():
            for word in set(texts[key].split()):
                word_id = ids.get(word)
                if word_id is None:
                    word_id = ids[word] = len(ids)
                pair_word.append(word_id)
                pair_key.append(key)
        words = list(ids)
        order = sorted(range(len(words)), key=words.__getitem__)
        rank = np.empty(len(words), dtype=np.int64)
        rank[np.asarray(order, dtype=np.int64)] = np.arange(len(words))
        pw = rank[np.frombuffer(pair_word, dtype=np.int32)] if len(pair_word) else np.zeros(0, np.int64)
        by_word = np.argsort(pw, kind="stable")
        self.words = [words[k] for k in order]
        self.word_keys = np.frombuffer(pair_key, dtype=np.int32)[by_word] if len(pair_key) else np.zeros(0, np.int32)
        self.word_ptr = np.searchsorted(pw[by_word], np.arange(len(words) + 1))
        self.joined = "\n" + "\n".join(self.words) + "\n"
        lengths = np.fromiter((len(w) + 1 for w in self.words), dtype=np.int64, count=len(self.words))
        self.word_starts = np.concatenate(([1], 1 + np.cumsum(lengths)))[:len(self.words)]

    def candidates(self, query: str) -> np.ndarray:
        """Ids of the keys holding every query word (the prefilter)."""
        result = None
        for word in sorted(set(query.split()), key=len, reverse=True):
            keys = self._word_keys(word)
            result = keys if result is None else np.intersect1d(result, keys, assume_unique=True)
            if not len(result):
                break
        return result if result is not None else np.zeros(0, dtype=np.int32)

    def _keys_for_word(self, word: str) -> np.ndarray:
        """Sorted unique ids of the keys with a word matching `word`."""
        ptr, keys = self.word_ptr, self.word_keys
        low = bisect_left(self.words, word)
        high = bisect_left(self.words, word + "\U0010ffff", low)
        parts = [keys[ptr[low]:ptr[high]]]
        extra = set()
        if len(word) >= SUBSTRING_MIN:
            positions = [m.start() for m in re.finditer(re.escape(word), self.joined)]
            if positions:
                extra.update(np.searchsorted(self.word_starts, positions, side="right").tolist())
        if len(word) >= TYPO_MIN and self.words:
            from rapidfuzz import fuzz, process

            scores = process.cdist([word], self.words, scorer=fuzz.ratio, score_cutoff=TYPO_RATIO, dtype=np.float64)
            extra.update((np.flatnonzero(scores[0] >= TYPO_RATIO) + 1).tolist())
        parts += [keys[ptr[k - 1]:ptr[k]] for k in extra if not low < k <= high]
        return np.unique(np.concatenate(parts)) if len(parts) > 1 else np.unique(parts[0])
