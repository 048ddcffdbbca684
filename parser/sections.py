"""The outline: headings found in the free text (outside table headers and bodies), as a tree
with line spans.

Headings are ranked by how they are printed: the headline and the signature block first, then
centred or capitalised headings, numbered notes ("1."), sub-notes ("5a.", "a."), then short
title-case or sentence-case headings. A heading nests under the nearest heading of lower rank.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from .model import Document, Section
from .text import capitals

_NUMBERED = re.compile(r"^\s*(\d{1,2})\.\s+\S")
_SUBNUMBERED = re.compile(r"^\s*(?:\d{1,2}[a-z]|[a-z])\.\s+\S")
_DATE_ONLY = re.compile(r"^\s*(?:Date:\s*)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*$|^\s*[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s*$")
_PART = re.compile(r"^\s*PART\s+[IVX]+\b", re.I)
_ITEM = re.compile(r"^\s*Item\s+\d{1,2}[A-Z]?\.", re.I)
_SIGNATURES = re.compile(r"^\s*SIGNATURES?\s*$")
_SMALL_WORDS = {"and", "or", "of", "the", "a", "an", "in", "on", "for", "to", "from", "with", "by", "at", "under", "vs", "per"}


@dataclass
class _Heading:
    title: str
    rank: int
    kind: str
    first: int
    last: int
    children: list[_Heading] = field(default_factory=list)
    end: int = 0


def find_sections(
    lines: list[str],
    bodies: list[tuple[int, int]],
    claimed: set[int],
    cover_end: int,
    headline: tuple[int, int] | None,
    documents: list[Document],
    titles: set[int] | frozenset[int] = frozenset(),
) -> list[_Heading]:
    """Headings (0-based line indexes) of each document body, in order."""
    headings: list[_Heading] = []
    many = len(documents) > 1
    for doc_index, (start, stop) in enumerate(bodies):
        if many:
            doc = documents[doc_index]
            name = f"{doc.type} {doc.description}".strip() or f"Document {doc_index + 1}"
            headings.append(_Heading(name, -1, "document", doc.first_line - 1, doc.first_line - 1))
        first_body = start
        if doc_index == 0 and cover_end > start:
            headings.append(_Heading("Cover page", 0, "cover", start, start))
            first_body = cover_end
        if doc_index == 0 and headline:
            text = " ".join(" ".join(lines[i].split()) for i in range(*headline))
            headings.append(_Heading(text, 0, "headline", headline[0], headline[1] - 1))
        headings.extend(_scan(lines, first_body, stop, claimed, headline))
    for heading in headings:
        if heading.first in titles and heading.kind == "heading":
            heading.rank, heading.kind = 1, "statement"
    return headings


def _scan(lines: list[str], start: int, stop: int, claimed: set[int], headline: tuple[int, int] | None) -> list[_Heading]:
    found: list[_Heading] = []
    index = start
    in_signatures = False
    while index < stop:
        if headline and headline[0] <= index < headline[1]:
            index = headline[1]
            continue
        line = lines[index]
        if index in claimed or not line.strip() or in_signatures:
            index += 1
            continue
        if not _blank(lines, index - 1, claimed):
            index += 1
            continue
        paragraph_end = index + 1
        while (
            paragraph_end < stop
            and not _blank(lines, paragraph_end, claimed)
            and paragraph_end - index < 3
        ):
            paragraph_end += 1
        heading = _heading(lines, index, paragraph_end, stop, claimed)
        if heading:
            found.append(heading)
            in_signatures = heading.kind == "signature"
        index = paragraph_end
    return found


def _blank(lines: list[str], index: int, claimed: set[int]) -> bool:
    return index < 0 or not lines[index].strip() or lines[index].lstrip().startswith("<") or index in claimed


def _heading(lines: list[str], first: int, end: int, stop: int, claimed: set[int]) -> _Heading | None:
    """A heading paragraph of one or two lines, followed by a blank line, or None."""
    texts = [lines[i] for i in range(first, end)]
    if len(texts) > 2 or (end < stop and not _blank(lines, end, claimed)):
        return None
    head = texts[0]
    joined = " ".join(" ".join(t.split()) for t in texts)
    if _PART.match(head) and len(joined) < 120:
        return _Heading(joined, 1, "heading", first, end - 1)
    if _ITEM.match(head) and len(joined) < 160 and not joined.endswith("."):
        return _Heading(joined, 2, "heading", first, end - 1)
    if len(texts) == 2 and not (_NUMBERED.match(head) or _SUBNUMBERED.match(head) or _upper(head)):
        return None
    if _SIGNATURES.match(head):
        return _Heading("SIGNATURES", 0, "signature", first, end - 1)
    if (_NUMBERED.match(head) or _SUBNUMBERED.match(head)) and (joined.endswith(".") or len(joined.split()) > 25):
        return None
    if _NUMBERED.match(head) and len(joined) < 160:
        return _Heading(joined, 2, "note", first, end - 1)
    if _SUBNUMBERED.match(head) and len(joined) < 160:
        return _Heading(joined, 3, "note", first, end - 1)
    if len(joined) > 90 or _DATE_ONLY.match(joined) or _not_a_heading(joined):
        return None
    indent = len(head) - len(head.lstrip())
    if _upper(head) or (indent >= 8 and not joined.endswith(".")):
        return _Heading(joined, 1, "heading", first, end - 1)
    if _titleish(joined):
        return _Heading(joined, 4, "heading", first, end - 1)
    return None


def _not_a_heading(text: str) -> bool:
    if sum(c.isalpha() for c in text) < 3:
        return True
    return (
        text[0] in "*-(\"'[<" or "@" in text or "_" in text or "   " in text or "http" in text.lower()
        or bool(re.match(r"^(?:Tel|Fax|Email|E-mail|By|Date)\s*:", text, re.I))
    )


def _upper(text: str) -> bool:
    letters, share = capitals(text)
    return letters >= 3 and share > 0.85


def _titleish(text: str) -> bool:
    words = text.rstrip(":").split()
    if not words or not words[0][0].isupper() or text.endswith((".", ",", ";")):
        return False
    if text.endswith(":"):
        return len(words) <= 5
    if len(words) > 8:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL_WORDS)
    return capitalised == len(words) or len(words) <= 6


def build_tree(headings: list[_Heading], total_lines: int, table_spans: list[tuple[int, int]]) -> tuple[Section, ...]:
    """Nest headings by rank and give each its span to the next heading of the same or lower rank."""
    headings = sorted(headings, key=lambda h: (h.first, h.rank))
    for index, heading in enumerate(headings):
        heading.end = total_lines - 1
        for position in range(index + 1, len(headings)):  # (not a slice: a copy of the rest each time)
            if headings[position].rank <= heading.rank:
                heading.end = headings[position].first - 1
                break
    roots: list[_Heading] = []
    stack: list[_Heading] = []
    for heading in headings:
        while stack and stack[-1].rank >= heading.rank:
            stack.pop()
        (stack[-1].children if stack else roots).append(heading)
        stack.append(heading)
    starts = sorted((first - 1, index) for index, (first, _last) in enumerate(table_spans))
    return tuple(_freeze(h, 1, starts) for h in roots)


def _freeze(heading: _Heading, level: int, starts: list[tuple[int, int]]) -> Section:
    """A heading as a Section; its tables are those starting in its span and in no child's.

    `starts` is (0-based line before the table's first line, table index), sorted: each heading
    looks only at the tables in its span, and a table only at the children that may hold it, so
    a flat outline of many notes each with a table is not headings x tables x children."""
    children = tuple(_freeze(child, level + 1, starts) for child in heading.children)
    inside = starts[bisect_left(starts, (heading.first, -1)) : bisect_right(starts, (heading.end, len(starts)))]
    held = _merged_spans(heading.children)
    tables = tuple(sorted(
        index for line, index in inside
        if not (position := bisect_right(held, (line, float("inf")))) or line > held[position - 1][1]
    ))
    return Section(
        title=heading.title,
        level=level,
        kind=heading.kind,
        first_line=heading.first + 1,
        last_line=heading.end + 1,
        children=children,
        tables=tables,
    )


def _merged_spans(headings: list[_Heading]) -> list[tuple[int, int]]:
    """The (first, end) spans of the headings, sorted, overlapping or touching ones merged."""
    merged: list[tuple[int, int]] = []
    for first, end in sorted((h.first, h.end) for h in headings if h.first <= h.end):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((first, end))
    return merged
