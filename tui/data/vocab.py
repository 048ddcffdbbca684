"""The search vocabulary: unique normalised keys, the words they contain, and the prefilter over them.

A key matches a query when every query word is found among the key's words: as the start of a word,
or inside a word (query words of 3+ characters); a query word of 4+ characters found in no word of the
vocabulary may instead be a typo away from a key's word (Levenshtein distance 1, or 2 from 8 characters).
The word index finds those keys without touching the others; `matches` is the same rule applied to one
key, for checking the index against a full scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import numpy as np

SUBSTRING_MIN = 3
TYPO_MIN = 4
CHUNK = 50_000
WORD_CACHE = 64  # masks of a few hundred KB each; typing reuses the words already typed


def typo_distance(word: str) -> int:
    """How many edits a query word may be from a key's word: 1, or 2 from 8 characters."""
    return 2 if len(word) >= 8 else 1


def word_matches(query_word: str, word: str, typos: bool = False) -> bool:
    """The per-word rule, as the index applies it; `typos` when the query word is in no vocabulary word."""
    if word.startswith(query_word) or (len(query_word) >= SUBSTRING_MIN and query_word in word):
        return True
    if typos and len(query_word) >= TYPO_MIN:
        from rapidfuzz.distance import Levenshtein

        limit = typo_distance(query_word)
        return Levenshtein.distance(query_word, word, score_cutoff=limit) <= limit
    return False


def matches(query: str, text: str, typo_words: frozenset[str] = frozenset()) -> bool:
    """True when every word of the query matches some word of the key text."""
    words = text.split()
    return all(any(word_matches(q, w, q in typo_words) for w in words) for q in set(query.split()))


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
        pair_words, counts = [], []
        active = self.active.tolist()
        for start in range(0, len(active), CHUNK):  # chunks: millions of word strings never live at once
            texts = [self.texts[key] for key in active[start:start + CHUNK]]  # normalised: single spaces
            counts.append(np.fromiter((text.count(" ") + 1 if text else 0 for text in texts), dtype=np.int64,
                                      count=len(texts)))
            flat = " ".join(text for text in texts if text).split(" ") if any(texts) else []
            for word in flat:
                if word not in ids:
                    ids[word] = len(ids)
            pair_words.append(np.fromiter(map(ids.__getitem__, flat), dtype=np.int32, count=len(flat)))
        words = sorted(ids)
        rank = np.empty(len(words), dtype=np.int32)
        rank[np.fromiter(map(ids.__getitem__, words), dtype=np.int64, count=len(words))] = np.arange(len(words))
        pair_word = rank[np.concatenate(pair_words)] if pair_words else np.zeros(0, np.int32)
        del pair_words
        by_word = np.argsort(pair_word, kind="stable")
        self.word_keys = np.repeat(self.active.astype(np.int32), np.concatenate(counts) if counts else 0)[by_word]
        self.word_ptr = np.searchsorted(pair_word[by_word], np.arange(len(words) + 1))
        self.words = words
        self.joined = "\n" + "\n".join(self.words) + "\n"
        lengths = np.fromiter((len(w) + 1 for w in self.words), dtype=np.int64, count=len(self.words))
        self.word_starts = np.concatenate(([1], 1 + np.cumsum(lengths)))[:len(self.words)]

    def candidates(self, query: str, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray | None]:
        """Ids of the keys holding every query word (the prefilter), among the `allowed` ones (a mask);
        for a one-word query of 3+ characters also a mask of the keys holding it inside a word."""
        words = sorted(set(query.split()), key=len, reverse=True)
        mask = allowed
        for word in words:
            keys = self._word_keys(word)[0]
            mask = keys if mask is None else mask & keys
        if mask is None:
            return np.zeros(0, dtype=np.int64), None
        inside = self._word_keys(words[0])[1] if len(words) == 1 and words[0] == query else None
        return np.flatnonzero(mask), inside

    def _keys_for_word(self, word: str) -> tuple[np.ndarray, np.ndarray | None]:
        """Masks over key ids: keys with a word matching `word`; keys with `word` inside a word (3+ chars)."""
        ptr, keys = self.word_ptr, self.word_keys
        inside = np.zeros(self.size, dtype=bool)
        low = bisect_left(self.words, word)
        high = bisect_left(self.words, word + "\U0010ffff", low)
        inside[keys[ptr[low]:ptr[high]]] = True
        if len(word) < SUBSTRING_MIN:
            return inside, None
        positions = [m.start() for m in re.finditer(re.escape(word), self.joined)]
        found = set(np.searchsorted(self.word_starts, positions, side="right").tolist()) if positions else set()
        self._mark(inside, [k for k in found if not low < k <= high])
        mask = inside
        if len(word) >= TYPO_MIN and self.words and not found and low == high:
            from rapidfuzz import process
            from rapidfuzz.distance import Levenshtein

            limit = typo_distance(word)
            distances = process.cdist([word], self.words, scorer=Levenshtein.distance, score_cutoff=limit)
            typos = (np.flatnonzero(distances[0] <= limit) + 1).tolist()
            if typos:
                mask = inside.copy()
                self._mark(mask, typos)
        return mask, inside

    def typo_words(self, query: str) -> frozenset[str]:
        """The query words found in no word of the vocabulary (those may match a typo away)."""
        return frozenset(word for word in query.split() if len(word) >= TYPO_MIN and not self._found(word))

    def _found(self, word: str) -> bool:
        low = bisect_left(self.words, word)
        return (low < len(self.words) and self.words[low].startswith(word)) or f"{word}" in self.joined

    def _mark(self, mask: np.ndarray, words: list[int]) -> None:
        """Set the mask for the keys of the given words (word index + 1)."""
        ptr, keys = self.word_ptr, self.word_keys
        for k in words:
            mask[keys[ptr[k - 1]:ptr[k]]] = True
