"""Case-blind patterns over a whole filing, tried only where their first word stands.

Python's regular expressions find no fast start for a case-blind pattern ("fiscal", "monday|
tuesday|..."): they try every position of the text, 0.05-0.1 ms per kilobyte for the patterns of
`dates` and `fiscalnames`. On ASCII text a case-blind match starts where the lower-cased text
holds one of its first words, and `str.find` goes there directly; the pattern is then matched at
those positions only, which gives exactly what `search` and `finditer` give (a match at a
position sees the text before it, as a search does). Other text is searched as before.
"""

from __future__ import annotations

import re


def starts_of(lowered: str, words: tuple[str, ...]) -> list[int]:
    """Every position where one of the (lower-case) words starts, in order."""
    found: set[int] = set()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            found.add(at)
            at = lowered.find(word, at + 1)
    return sorted(found)


def search(pattern: re.Pattern[str], text: str, words: tuple[str, ...]) -> re.Match[str] | None:
    """`pattern.search(text)`, for a pattern whose every match starts with one of the words."""
    if not text.isascii():
        return pattern.search(text)
    for start in starts_of(text.lower(), words):
        match = pattern.match(text, start)
        if match:
            return match
    return None


def finditer(pattern: re.Pattern[str], text: str, words: tuple[str, ...]) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))`, for a pattern that never matches the empty string and whose
    every match starts with one of the words."""
    if not text.isascii():
        return list(pattern.finditer(text))
    found: list[re.Match[str]] = []
    position = 0  # where the search goes on after a match, as `finditer` does
    for start in starts_of(text.lower(), words):
        if start < position:
            continue
        match = pattern.match(text, start)
        if match:
            found.append(match)
            position = match.end()
    return found
