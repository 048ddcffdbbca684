"""Classify the lines of a body: blank, tag, rule, data (with values) or text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast, overload

from .dates import MONTH_NAMES
from .values import Token, split_line

BLANK = "blank"
TAG = "tag"
RULE = "rule"
DATA = "data"
TEXT = "text"

_TAG = re.compile(
    r"^\s*[<\[]/?(?:TABLE|CAPTION|S|C|FN|PAGE|F\d+|R\d+)[>\]]", re.IGNORECASE
)
_RULE = re.compile(r"^[\s\-=_*]*$")
_MARKER = re.compile(r"[<\[][SC][>\]]", re.IGNORECASE)

PERIOD_WORDS = re.compile(
    r"\b(?:months?|weeks?|years?|quarters?|period|fiscal|ended|ending|as\s+of|as\s+at|"
    r"Q[1-4]\s*'?\d{2,4}|[1-4]Q\s*'?\d{2,4}|FY\s*'?\d{2,4}|H[12]\s*'?\d{2,4})\b"
    rf"|^\s*At\s+\d|\bAt\s+(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})",
    re.IGNORECASE,
)
UNIT_WORDS = re.compile(
    r"GBP\s*'?000|GBP\s*m\b|GBPm\b|£\s*'?000|£m\b|\$\s*'000|\$\s*m\b|US\$|EUR\s*'?000|"
    r"EUR\s*m\b|\bin\s+(?:thousands|millions|billions)\b|\(\s*(?:000|'000)'?s?\s*\)|"
    r"\bthousands\s+of\b|\bmillions\s+of\b|\(unaudited\)|\(audited\)",
    re.IGNORECASE,
)


UNIT_ONLY = re.compile(r"^\s*\((?:in\s+)?(?:thousands|millions|billions)\)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Line:
    """One body line, tabs expanded, with its kind, label and values."""

    number: int
    text: str
    kind: str
    label: str = ""
    label_start: int = 0
    values: tuple[Token, ...] = ()

    @property
    def indent(self) -> int:
        """Leading spaces."""
        return len(self.text) - len(self.text.lstrip())

    @property
    def end(self) -> int:
        """Column after the last printed character."""
        return len(self.text)

    @property
    def label_end(self) -> int:
        """Column after the label's last character."""
        return self.label_start + len(self.label)

    @property
    def is_year_line(self) -> bool:
        """A header line of bare years ("2003   2004"), possibly with a short title."""
        if self.kind != DATA or not all(token.is_year for token in self.values):
            return False
        years = cast("list[float]", [token.value for token in self.values])
        return (
            not self.label
            or (len(years) >= 2 and max(years) - min(years) <= 20)
            or bool(PERIOD_WORDS.search(self.label) or UNIT_WORDS.search(self.label))
            or self.label.isupper()
        )


_DIGIT_OR_NIL = re.compile(r"\d|-(?:-|0-|\s|$)|\bnil\b|\bNM\b|N/A|—|–", re.I)


_BAR = re.compile(r"(?:(?<=\s)|^)\|+(?=\s|$)")
_MARK = re.compile(r"^\(\d\)$|^\([a-z]{1,4}\)$")
_UNIT_TOKEN = re.compile(r"^(?:£|\$|GBP|EUR|€|US\$)\s*'?000$")


class LazyLines:
    """The lines of a text, each classified only when first asked for."""

    def __init__(self, raw: list[str]) -> None:
        self.raw = raw
        self._cache: list[Line | None] = [None] * len(raw)

    def __len__(self) -> int:
        return len(self.raw)

    @overload
    def __getitem__(self, index: int) -> Line: ...
    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...
    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.raw)))]
        line = self._cache[index]
        if line is None:
            line = self._cache[index] = classify(index + 1, self.raw[index])
        return line


def classify(number: int, text: str) -> Line:
    """Classify one line (tabs already expanded). A bar standing alone between columns ("| $
    289,340", drawn between a predecessor's and a successor's periods) is read as a space."""
    if "|" in text:
        text = _BAR.sub(" ", text)
    stripped = text.strip()
    if not stripped:
        return Line(number, text, BLANK)
    if stripped[0] in "<[" and _TAG.match(text):
        return Line(number, text, TAG)
    if stripped[0] in "-=_*" and _RULE.match(text) and re.search(r"[-=_*]{3}", text):
        return Line(number, text, RULE)
    if not _DIGIT_OR_NIL.search(stripped):
        return Line(number, text, TEXT, stripped, len(text) - len(text.lstrip()))
    label, label_start, values = split_line(text)
    if values and not label and all(_MARK.match(token.raw) or _UNIT_TOKEN.match(token.raw) for token in values):
        return Line(number, text, TEXT, stripped, len(text) - len(text.lstrip()))
    if values:
        return Line(number, text, DATA, label, label_start, tuple(values))
    return Line(number, text, TEXT, label, label_start)


def marker_columns(text: str) -> list[int]:
    """Columns where `<C>` markers stand on an `<S> <C> <C>` line."""
    return [m.start() for m in _MARKER.finditer(text) if m.group()[1].upper() == "C"]


def is_marker_line(text: str) -> bool:
    """True for the `<S> <C> <C>` line (or its `[S] [C]` variant)."""
    stripped = text.strip()
    return bool(_MARKER.match(stripped)) and not re.sub(r"[<\[][SC][>\]]|\s", "", stripped, flags=re.I)
