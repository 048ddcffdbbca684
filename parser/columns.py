"""Column extents from the numbers, and every header line attached to the columns it spans."""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable, Iterable, cast

from .dates import MONTH_NAMES
from .lines import DATA, RULE, TEXT, Line
from .values import Token

_CHUNK = re.compile(r"\S+(?: \S+)*")
_RULE_ONLY = re.compile(r"[-_=]{3,}(?: [-_=]+)*")
# A rule drawn in dashes one space apart ("- - - -") is one run; two long rules one space apart
# ("-------- ---------" under "Quarter Ended" and "Year Ended") are two.
_RULE_RUN = re.compile(r"[-_=]+(?: [-_=]{1,2}(?![-_=]))*|[-_=]{1,2}(?: [-_=]+)+")
_REPEATABLE = [
    re.compile(
        rf"(?:{MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{{1,2}},?(?:\s+(?:19|20)\d\d)?",
        re.I,
    ),
    re.compile(rf"\b\d{{1,2}}\s+(?:{MONTH_NAMES})(?:\s+(?:19|20)\d\d)?", re.I),
    re.compile(r"\bQ[1-4]\s*'?\d{2,4}\b", re.I),
    re.compile(r"\bfiscal\s+(?:year\s+)?(?:19|20)\d\d\b", re.I),
    re.compile(r"(?<![\d,])(?:19|20)\d\d(?![\d,])"),
]
_YEAR_PHRASE = re.compile(r"(?:19|20)\d\d,?\s+(?:and|to|through|thru|compared|vs\.?|versus)\s", re.I)
_MONTH_DAY_ALONE = re.compile(
    rf"^(?:{MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{{1,2}},?$",
    re.I,
)
COMPANY = re.compile(
    r"(?:\b(?:inc|corp|corporation|company|co|ltd|plc|l\.?p|llc|incorporated|n\.?v|s\.?a)\.?,?(?:\s+and\s+(?:its\s+)?"
    r"(?:consolidated\s+)?(?:subsidiaries|affiliates))?|\band\s+(?:its\s+)?(?:consolidated\s+)?(?:subsidiaries|affiliates))\s*$",
    re.I,
)
_AT_DATE = re.compile(r"(?:at|as\s+of|as\s+at)\s+\d", re.I)
_SPANNING = re.compile(r"compared\s+(?:to|with)|\bended\b|\bending\b|\bmonths\b|\bweeks\b|\byears?\b", re.I)


@dataclass
class Layout:
    """Where the value columns stand: one anchor (digit right edge) and extent per column."""

    anchors: list[float]
    starts: list[int]
    ends: list[int]
    markers: list[int] | None = None

    @property
    def count(self) -> int:
        """How many value columns."""
        return len(self.anchors)

    def boundary(self, index: int) -> float:
        """Where column `index` begins and column `index - 1` ends: at its `<C>` marker when the
        markers line up with the numbers, else halfway between the two columns' numbers."""
        middle = (self.ends[index - 1] + self.starts[index]) / 2
        if self.markers is not None and self.ends[index - 1] <= self.markers[index] < middle:
            return self.markers[index]
        return middle

    def region(self, index: int, label_width: int) -> tuple[float, float]:
        """The stretch of line owned by column `index`, from its boundary to the next one."""
        left = min(self.starts[index], label_width) if index == 0 else self.boundary(index)
        right = self.boundary(index + 1) if index + 1 < self.count else 10_000
        return left, right

    def use_markers(self, markers: list[int]) -> None:
        """Keep the `<C>` marker columns when there is one per column and each stands left of its
        column's digits: markers that do not line up with the numbers are ignored."""
        if len(markers) == self.count and all(
            marker < anchor and (k == 0 or marker >= self.ends[k - 1] - 1)
            for k, (marker, anchor) in enumerate(zip(markers, self.anchors))
        ):
            self.markers = list(markers)


def layout_columns(data_lines: list[Line], markers: int = 0) -> tuple[Layout, dict[int, list[int | None]]]:
    """Find the value columns and assign each line's tokens to them (line number -> column per token).

    The widest line sets the count, unless it is a lone outlier; a line with as many numbers as
    the `<C>` markers announce is never an outlier."""
    counts = sorted((len(line.values) for line in data_lines), reverse=True)
    outlier = len(counts) > 3 and counts[0] > counts[1] and counts.count(counts[0]) == 1 and counts[0] != markers
    width = counts[1] if outlier else counts[0]
    full = [line for line in data_lines if len(line.values) == width] or data_lines
    anchors = [_median(line.values[k].anchor for line in full if len(line.values) > k) for k in range(width)]
    assignment: dict[int, list[int | None]] = {}
    starts = [10_000] * width
    ends = [0] * width
    for line in data_lines:
        columns = _align(line.values, anchors)
        assignment[line.number] = columns
        for token, column in zip(line.values, columns):
            if column is not None:
                starts[column] = min(starts[column], token.start)
                ends[column] = max(ends[column], token.end)
    for column in range(width):
        if starts[column] == 10_000:
            starts[column] = int(anchors[column]) - 1
            ends[column] = int(anchors[column])
    return Layout(anchors, starts, ends), assignment


def _align(tokens: tuple[Token, ...], anchors: list[float]) -> list[int | None]:
    """Order-preserving assignment of tokens to columns with the least total distance."""
    count, width = len(tokens), len(anchors)
    if count == width:
        return list(range(width))
    if count * width > 20_000:
        return _align_greedy(tokens, anchors)
    skip_cost = 40.0
    # best[i][j]: least cost placing the first i tokens among the first j columns.
    inf = float("inf")
    best = [[inf] * (width + 1) for _ in range(count + 1)]
    choice: dict[tuple[int, int], str] = {}
    for j in range(width + 1):
        best[0][j] = 0.0
    for i in range(1, count + 1):
        best[i][0] = best[i - 1][0] + skip_cost
        choice[(i, 0)] = "skip"
        for j in range(1, width + 1):
            options = {
                "take": best[i - 1][j - 1] + abs(tokens[i - 1].anchor - anchors[j - 1]),
                "empty": best[i][j - 1],
                "skip": best[i - 1][j] + skip_cost,
            }
            move = min(options, key=cast("Callable[[str], float]", options.get))
            best[i][j] = options[move]
            choice[(i, j)] = move
    result: list[int | None] = [None] * count
    i, j = count, width
    while i > 0:
        move = choice[(i, j)]
        if move == "take":
            result[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif move == "empty":
            j -= 1
        else:
            i -= 1
    return result


def _align_greedy(tokens: tuple[Token, ...], anchors: list[float]) -> list[int | None]:
    """Each token to the nearest column not yet taken to its left: linear, for very wide tables."""
    from bisect import bisect_left

    result: list[int | None] = []
    floor = 0
    for token in tokens:
        position = bisect_left(anchors, token.anchor, lo=floor)
        candidates = [k for k in (position - 1, position) if floor <= k < len(anchors)]
        if not candidates:
            result.append(None)
            continue
        column = min(candidates, key=lambda k: abs(anchors[k] - token.anchor))
        result.append(column)
        floor = column + 1
    return result


@dataclass
class HeaderResult:
    """Column labels (top to bottom) and the header text that belongs to the whole table."""

    labels: list[list[str]]
    table_text: list[str]
    spans: list[list[int]]


def _median(values: Iterable[float]) -> float:
    """`statistics.median`, the same arithmetic without its overhead (asked for every column of every table)."""
    ordered = sorted(values)
    if not ordered:
        raise statistics.StatisticsError("no median for empty data")
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def assign_headers(band: list[Line], layout: Layout, label_width: int) -> HeaderResult:
    """Attach each header chunk to the columns it spans, working up from the line above the data."""
    labels: list[list[str]] = [[] for _ in range(layout.count)]
    spans: list[list[int]] = [[] for _ in range(layout.count)]
    table_text: list[str] = []
    regions = [layout.region(k, label_width) for k in range(layout.count)]
    groups: list[list[int]] = [[k] for k in range(layout.count)]
    singles = _Spans(regions)
    # Read bottom up: each column's labels and the table's text are gathered nearest the data
    # first and turned top to bottom at the end.
    for line in reversed(band):
        if line.kind == RULE:
            groups = _merge_under_rules(line.text, groups, layout, label_width)
            continue
        chunks = _chunks(line)
        rules = [c for c in chunks if _RULE_ONLY.fullmatch(c[0])]
        if rules:
            groups = _merge_under_rules(_rule_text(rules), groups, layout, label_width)
            chunks = [c for c in chunks if not _RULE_ONLY.fullmatch(c[0])]
        value_chunks = []
        for text, start, end in chunks:
            if end <= label_width or end <= regions[0][0] or start < label_width // 2 or COMPANY.search(text):
                table_text.append(text)
            else:
                value_chunks.extend(_split_repeated(text, start, end, singles, layout))
        if not value_chunks:
            continue
        groups = _split_under_chunks(value_chunks, groups, regions)
        claims = _claim(value_chunks, groups, regions, layout)
        widths: dict[int, int] = {}
        owner: int | None
        for index, owner in claims.items():
            widths[owner] = widths.get(owner, 0) + len(groups[index])
        merged: list[list[int]] = []
        for index, group in enumerate(groups):
            owner = claims.get(index)
            if owner is not None:
                for column in group:
                    labels[column].append(value_chunks[owner][0])
                    spans[column].append(widths[owner])
            if owner is not None and merged and claims.get(index - 1) == owner:
                merged[-1].extend(group)
            else:
                merged.append(list(group))
        groups = merged
    for column in range(layout.count):
        labels[column].reverse()
        spans[column].reverse()
    table_text.reverse()
    return HeaderResult(labels, table_text, spans)


def _split_under_chunks(chunks: list[tuple[str, int, int]], groups: list[list[int]], regions: list[tuple[float, float]]) -> list[list[int]]:
    """A group joined by a rule is split again where one header line prints a chunk over each
    of its columns ("1993  1992  1991" above a rule drawn under all three)."""
    result: list[list[int]] = []
    for group in groups:
        if len(group) > 1:
            owners = {
                max(range(len(chunks)), key=lambda ci: _overlap(chunks[ci][1:], regions[column]))
                for column in group
                if any(_overlap(chunk[1:], regions[column]) > 0 for chunk in chunks)
            }
            inside = [c for c in chunks if _overlap(c[1:], _span(group, regions)) > 0]
            if len(owners) == len(group) and len(inside) == len(group):
                result.extend([column] for column in group)
                continue
        result.append(group)
    return result


def _rule_text(rules: list[tuple[str, int, int]]) -> str:
    """Rebuild a line holding only the rule chunks, at their columns."""
    parts: list[str] = []
    width = 0
    for chunk, start, _ in rules:
        if start > width:
            parts.append(" " * (start - width))
            width = start
        parts.append(chunk)
        width += len(chunk)
    return "".join(parts)


def _merge_under_rules(text: str, groups: list[list[int]], layout: Layout, label_width: int) -> list[list[int]]:
    """A rule drawn under a spanning header ("____  ____" under "March 31,") joins the columns it
    spans; a rule across the whole width, label area included, only separates."""
    merged = [list(group) for group in groups]
    for run in _RULE_RUN.finditer(text):
        if run.end() - run.start() < 3 or run.start() < min(label_width - 8, 8):
            continue
        covered = [gi for gi, group in enumerate(merged) if _overlap((run.start(), run.end()), (layout.starts[group[0]], layout.ends[group[-1]])) > 0]
        if len(covered) < 2:
            continue
        first, last = covered[0], covered[-1]
        merged[first : last + 1] = [[column for group in merged[first : last + 1] for column in group]]
    return merged


def _chunks(line: Line) -> list[tuple[str, int, int]]:
    if line.kind == DATA and not line.label:
        return [(token.raw, token.start, token.end) for token in line.values]
    if line.kind not in (DATA, TEXT):
        return []
    return [(m.group(), m.start(), m.end()) for m in _CHUNK.finditer(line.text)]


def _span(group: list[int], regions: list[tuple[float, float]]) -> tuple[float, float]:
    return regions[group[0]][0], regions[group[-1]][1]


_CHANGE_WORD = re.compile(r"%|change|increase|\(?decrease\)?|variance|percent", re.I)


def _split_words(text: str, start: int, end: int, layout: Layout) -> list[tuple[str, int, int]]:
    """Cut a chunk whose words each stand over the digits of a different column ("2003 Change"
    printed one space apart over two columns) into one piece per column."""
    words = [(m.group(), start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text)]
    years = [re.fullmatch(r"(?:19|20)\d\d", word) for word, _, _ in words]
    others = [word for (word, _, _), year in zip(words, years) if not year]
    if len(words) > 3 or not any(years) or not all(_CHANGE_WORD.fullmatch(word) for word in others):
        return [(text, start, end)]
    owners = []
    for _word, left, right in words:
        over = [k for k in range(layout.count) if _overlap((left, right), (layout.starts[k], layout.ends[k])) > 0]
        if len(over) != 1:
            return [(text, start, end)]
        owners.append(over[0])
    if len(set(owners)) < 2 or owners != sorted(owners):
        return [(text, start, end)]
    pieces: list[tuple[str, int, int]] = []
    for (word, left, right), owner, previous in zip(words, owners, [None, *owners]):
        if owner == previous:
            text_so_far, first, _ = pieces[-1]
            pieces[-1] = (f"{text_so_far} {word}", first, right)
        else:
            pieces.append((word, left, right))
    return pieces


def _split_repeated(text: str, start: int, end: int, columns: _Spans, layout: Layout | None = None) -> list[tuple[str, int, int]]:
    """Cut "March 28, March 29," into one piece per column when it stands over several
    (`columns`: the regions of the single columns)."""
    covered = columns.touching(start, end)
    if len(covered) < 2 or _SPANNING.search(text):
        return [(text, start, end)]
    matches = []
    for pattern in _REPEATABLE:
        matches = list(pattern.finditer(text))
        if pattern is _REPEATABLE[-1] and _YEAR_PHRASE.search(text):
            matches = []  # "1998 and March 30, 1997": one phrase over the columns, not a year over each
        if len(matches) >= 2:
            break
    if len(matches) < 2:
        return _split_words(text, start, end, layout) if layout is not None else [(text, start, end)]
    pieces = []
    for index, match in enumerate(matches):
        stop = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        piece = text[match.start() : stop].strip()
        pieces.append((piece, start + match.start(), start + match.start() + len(piece)))
    return pieces


def _centred_run(start: int, end: int, touched: list[int], groups: list[list[int]], layout: Layout) -> list[int]:
    """The run of touched groups whose printed extent is centred nearest the chunk."""
    centre = (start + end) / 2
    best: tuple[float, int, list[int]] | None = None
    for i in range(len(touched)):
        for j in range(i, len(touched)):
            run = touched[i : j + 1]
            left = layout.starts[groups[run[0]][0]]
            right = layout.ends[groups[run[-1]][-1]]
            key = (abs((left + right) / 2 - centre), len(run), run)
            if best is None or key[:2] < best[:2]:
                best = key
    assert best is not None  # `touched` is never empty
    return best[2]


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


class _Spans:
    """Spans (left, right) of a header's columns or groups, left to right, asked which of them
    a chunk overlaps. Spans whose left and right ends both go up from one to the next (as the
    columns of a table do) are searched by bisection, so that a header line of n chunks over n
    columns is not n x n; the few others (the last column's region reaches a fixed column
    10,000, which a very long line passes) are each tried."""

    def __init__(self, spans: list[tuple[float, float]]) -> None:
        self.spans = spans
        self.kept: list[int] = []
        self.others: list[int] = []
        for index, (left, right) in enumerate(spans):
            if not self.kept or (left >= spans[self.kept[-1]][0] and right >= spans[self.kept[-1]][1]):
                self.kept.append(index)
            else:
                self.others.append(index)
        self.lefts = [spans[index][0] for index in self.kept]
        self.rights = [spans[index][1] for index in self.kept]

    def touching(self, start: float, end: float) -> list[int]:
        """Indexes of the spans that overlap (start, end) by more than nothing, in order."""
        if end <= start:
            return []
        # Overlap needs left < end (a first run of the kept spans) and right > start (a last run).
        first, stop = bisect_right(self.rights, start), bisect_left(self.lefts, end)
        found = [self.kept[k] for k in range(first, stop) if self.rights[k] > self.lefts[k]]
        if self.others:
            found.extend(index for index in self.others if _overlap((start, end), self.spans[index]) > 0)
            found.sort()
        return found


def _claim(chunks: list[tuple[str, int, int]], groups: list[list[int]], regions: list[tuple[float, float]], layout: Layout) -> dict[int, int]:
    """Which chunk (index) each group (index) falls under on one header line.

    A chunk over several columns is centred over the ones it spans: of the runs of groups it
    touches, it takes the run whose centre is nearest its own. Where two chunks want a group,
    the one covering more of it wins.
    """
    spans = [_span(group, regions) for group in groups]
    overlaps = _Spans(spans)
    wanted: dict[int, list[tuple[float, int]]] = {}
    for ci, (_, start, end) in enumerate(chunks):
        touched = overlaps.touching(start, end)
        if not touched:
            continue
        printed = [gi for gi in touched
                   if _overlap((start, end), (layout.starts[groups[gi][0]], layout.ends[groups[gi][-1]])) > 0]
        if len(touched) > 24:
            chosen = touched
        elif len(printed) >= 2:
            chosen = list(range(printed[0], printed[-1] + 1))
        else:
            reach = touched
            if end - start > 4 and len(touched) == 1:
                reach = [gi for gi in (touched[0] - 1, touched[0], touched[0] + 1) if 0 <= gi < len(groups)]
            chosen = _centred_run(start, end, reach, groups, layout)
            if not set(chosen) & set(touched):
                chosen = touched
        for gi in chosen:
            wanted.setdefault(gi, []).append((_overlap((start, end), spans[gi]), ci))
    claims = {gi: max(options)[1] for gi, options in wanted.items()}
    spanning = [ci for ci, (text, _, _) in enumerate(chunks)
                if (_SPANNING.search(text) and len(text.split()) >= 2) or _AT_DATE.match(text)
                or _MONTH_DAY_ALONE.match(text)]
    if len(spanning) > 1 and all(sum(1 for claimed in claims.values() if claimed == ci) == 1 for ci in spanning):
        spanning = []  # "June 28," and "Dec. 28," each over its own column: not spanning the rest
    for gi in range(len(groups)):
        if gi in claims or not spanning:
            continue
        left, right = spans[gi]
        claims[gi] = min(spanning, key=lambda ci: max(chunks[ci][1] - right, left - chunks[ci][2], 0))
    return claims
