"""Find table blocks (tagged `<TABLE>` regions and untagged fixed-width runs) and split each
block into the tables it holds: a header band, then body lines."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .lines import BLANK, DATA, PERIOD_WORDS, RULE, TAG, TEXT, UNIT_ONLY, UNIT_WORDS, LazyLines, Line, is_marker_line, marker_columns
from .text import capitals

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (PEP 781)
if TYPE_CHECKING:
    from collections.abc import Callable

_OPEN = re.compile(r"^\s*<TABLE[^>]*>", re.IGNORECASE)
_CLOSE = re.compile(r"^\s*</TABLE>", re.IGNORECASE)
_FN_OPEN = re.compile(r"^\s*<FN>", re.IGNORECASE)
_FN_CLOSE = re.compile(r"^\s*</FN>", re.IGNORECASE)


@dataclass
class Segment:
    """The lines of one table inside a block, before columns and rows are read."""

    band: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    before: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    markers: list[int] = field(default_factory=list)
    tagged: bool = True
    context: list[str] = field(default_factory=list)

    @property
    def data_lines(self) -> list[Line]:
        """Body lines that carry values."""
        return [line for line in self.body if line.kind == DATA]

    @property
    def label_width(self) -> int:
        """Column where the leftmost value starts: the label area lies left of it."""
        starts = [line.values[0].start for line in self.data_lines]
        return min(starts) if starts else 0


@dataclass(frozen=True)
class Block:
    """A region of lines that holds one or more tables."""

    first: int
    last: int
    tagged: bool
    closed: bool = True
    kind: str = "table"


_TAG_LINE = re.compile(r"^[ \t]*<(/?)TABLE\b[^>\n]*>", re.I | re.M)
_YEARS = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")
_PAIR = re.compile(r"\d[\d,.)\]%-]*  +(?:[($£\[-]\s*)*\.?\d")


def find_tagged_blocks(text: str, line_of: Callable[[int], int], start: int, stop: int, begin: int = 0, end: int | None = None) -> list[Block]:
    """Every `<TABLE>`..`</TABLE>` region between lines start and stop (0-based indexes).
    `begin` and `end`: where in `text` those lines begin and end, so that a submission of many
    documents is not searched whole for each of them (a tag is one line, so none is cut)."""
    blocks: list[Block] = []
    opened: int | None = None
    for match in _TAG_LINE.finditer(text, begin, len(text) if end is None else end):
        index = line_of(match.start())
        if not start <= index < stop:
            continue
        closing = match.group(1) == "/"
        if opened is None and not closing:
            opened = index
        elif opened is not None and closing:
            blocks.append(Block(opened, index, True))
            opened = None
        elif opened is not None:
            blocks.append(Block(opened, index - 1, True, closed=False))
            opened = index
    if opened is not None:
        blocks.append(Block(opened, stop - 1, True, closed=False))
    return blocks


_NUMBER_RUN = re.compile(r"[\d,.)\]%-]+")
_DIGIT = re.compile(r"\d")
_PAIR_TAIL = re.compile(r"  +(?:[($£\[-]\s*)*\.?\d")


def numeric_line_candidates(text: str, line_of: Callable[[int], int]) -> list[int]:
    """Lines (0-based) where two numbers stand two or more spaces apart: cheap, over the whole text.

    The lines where `_PAIR` is found (`_PAIR.finditer`), found in one pass: a match starts at a
    digit and runs to the end of the run of number characters it stands in, so whether it
    matches depends only on what follows that run, asked once per run (the regular expression
    tried it again from every digit of the run: quadratic in a long run of digits)."""
    found: list[int] = []
    position = 0  # where the search goes on, as `finditer` does after a match
    for run in _NUMBER_RUN.finditer(text):
        first, end = run.span()
        if end <= position:
            continue
        digit = _DIGIT.search(text, max(first, position), end)
        if digit is None:
            continue
        tail = _PAIR_TAIL.match(text, end)
        if tail is None:
            continue
        index = line_of(digit.start())
        if not found or found[-1] != index:
            found.append(index)
        position = tail.end()
    return found


def _is_numeric_row(line: Line) -> bool:
    return line.kind == DATA and not line.is_year_line and len(line.values) >= 2


def find_untagged_blocks(lines: LazyLines, candidates: list[int], ranges: list[tuple[int, int]]) -> list[Block]:
    """Fixed-width tables printed without tags: runs of numeric lines inside the given ranges."""
    blocks: list[Block] = []
    for start, stop in ranges:
        run: list[int] = []
        floor = start
        # The candidates are in line order: take those of this range only (going through all
        # of them for each range cost ranges x candidates, a filing of many tagged tables).
        for index in candidates[bisect_left(candidates, start) : bisect_left(candidates, stop)]:
            if not _is_numeric_row(lines[index]):
                continue
            if run and (index - run[-1] > _MAX_GAP or _breaks_between(lines, run[-1], index)):
                found = _untagged_block(lines, run, floor)
                blocks.extend(found)
                floor = found[-1].last + 1 if found else floor
                run = []
            run.append(index)
        blocks.extend(_untagged_block(lines, run, floor))
    return blocks


_MAX_GAP = 8
# A label, four or more spaces, one number ending the line. Only tested for a match, so the
# label is just the non-space before the spaces (spelt "\S(?: \S+)*", it was searched again
# from every word of a long line of words one space apart: quadratic), and the number is an
# atomic group (only its longest reading can be followed by the line's end, and retrying the
# shorter ones was quadratic in a long run of digits).
_SINGLE = re.compile(r"\S\s{4,}(?:\$\s*)?\(?-?(?>[\d,]*\.?\d+)\)?%?\s*$")


def find_single_value_blocks(lines: LazyLines, ranges: list[tuple[int, int]], taken: set[int]) -> list[Block]:
    """One-column lists printed without tags: three or more lines, a few lines apart, each ending
    in one number right-aligned at the same column far from its label ("POOL TRADING FACTOR
    ....    95.14920194"); at least one of the numbers is not a small integer (not a page list)."""
    blocks: list[Block] = []
    for start, stop in ranges:
        run: list[int] = []
        for index in range(start, stop):
            if index in taken:
                continue
            text = lines.raw[index]
            if len(text) < 40 or text[-1] not in "0123456789)%" or not _SINGLE.search(text):
                continue
            line = lines[index]
            if line.kind != DATA or len(line.values) != 1 or not line.label:
                continue
            if run and (index - run[-1] > 4 or abs(lines[run[-1]].end - line.end) > 2
                        or _breaks_between(lines, run[-1], index)):
                blocks.extend(_single_block(lines, run))
                run = []
            run.append(index)
        blocks.extend(_single_block(lines, run))
    return blocks


def _single_block(lines: LazyLines, run: list[int]) -> list[Block]:
    if len(run) < 3 or not any(any(c in lines[i].values[0].raw for c in ",.") for i in run):
        return []
    first = run[0]
    while first > 0 and first > run[0] - 3 and lines[first - 1].kind == TEXT and not _is_prose(lines[first - 1]):
        first -= 1
    return [Block(first, run[-1], False)]


def _breaks_between(lines: LazyLines, first: int, last: int) -> bool:
    """Running prose or a page break between two rows of numbers: they are not one table."""
    return any(
        (lines[i].kind == TEXT and _is_prose(lines[i])) or lines[i].kind == TAG
        for i in range(first + 1, last)
    )


def _untagged_block(lines: LazyLines, run: list[int], floor: int) -> list[Block]:
    if len(run) < 2 or (len(run) == 2 and not _years_above(lines, run[0], floor)):
        return []
    first = run[0]
    blanks = 0
    while first - 1 >= floor and first > run[0] - 14:
        above = lines[first - 1]
        if above.kind == TAG:
            break
        if above.kind == BLANK:
            blanks += 1
            if blanks >= 2:
                break
        elif above.kind == TEXT and _is_prose(above):
            break
        else:
            blanks = 0
        first -= 1
    last = run[-1]
    while last + 1 < len(lines) and lines[last + 1].kind == TEXT and not _is_prose(lines[last + 1]) and len(lines[last + 1].text.strip()) < 30:
        last += 1
    return [Block(first, last, False)]


def _years_above(lines: LazyLines, first: int, floor: int) -> bool:
    """A line of years a little above a row: the header of a small table."""
    return any(
        lines[i].is_year_line or len(_YEARS.findall(lines[i].text)) >= 2 for i in range(max(floor, first - 8), first)
    )


def _is_prose(line: Line) -> bool:
    """A line of running text: long, or ending a sentence, with words one space apart."""
    text = line.text.strip()
    if "  " in text or _upper(text):
        return False
    words = len(text.split())
    return len(text) > 55 or (words > 3 and text.endswith((".", '."', ".'"))) or (words > 8 and text.endswith(":"))


def _upper(text: str) -> bool:
    letters, share = capitals(text)
    return letters >= 4 and share > 0.9


def split_block(lines: list[Line], block: Block, context: list[str]) -> list[Segment]:
    """Split one block into table segments (header band + body), in order."""
    segments: list[Segment] = []
    current = Segment(tagged=block.tagged, context=context)
    phase = "header"
    gap: list[Line] = []
    in_footnote = False
    width = 0
    for line in lines[block.first : block.last + 1]:
        if line.kind == TAG or (block.tagged and is_marker_line(line.text)):
            if is_marker_line(line.text):
                current.markers = marker_columns(line.text)
            if _FN_OPEN.match(line.text):
                in_footnote = True
            elif _FN_CLOSE.match(line.text):
                in_footnote = False
            continue
        if in_footnote:
            current.notes.append(line)
            continue
        if phase == "header":
            if _page_number(line):
                line = as_heading(line)
            if line.kind == DATA and not line.is_year_line and not _header_words_and_years(line):
                phase = "body"
                width = line.values[0].start
                current.body.append(line)
            else:
                current.band.append(line)
            continue
        if UNIT_ONLY.match(line.text):
            current.notes.append(line)
            continue
        if _starts_header(line, width):
            segments.append(current)
            before = gap if phase == "gap" else _trailing_titles(current)
            current = Segment(tagged=block.tagged, context=context, before=before)
            current.band.append(line)
            phase, gap, width = "header", [], 0
            continue
        if line.kind == DATA and is_year_heading(line, width):
            line = as_heading(line)
        if line.kind == DATA:
            width = min(width, line.values[0].start)
        if phase == "body":
            if line.kind == TEXT and line.label_end > width + 1 and not line.text.rstrip().endswith(":"):
                phase, gap = "gap", [line]
            else:
                current.body.append(line)
        else:
            if line.kind == DATA:
                current.notes.extend(gap)
                current.body.append(line)
                phase, gap = "body", []
            else:
                gap.append(line)
    if phase == "gap":
        current.notes.extend(line for line in gap if line.kind == TEXT)
    segments.append(current)
    return [segment for segment in segments if segment.data_lines]


def _header_words_and_years(line: Line) -> bool:
    """A header line of words over several columns ending in a year ("Total   Total   1996"
    under "% of", "1997 vs."): its words start far right of any label and stand apart."""
    return (all(token.is_year for token in line.values) and line.label_start >= 20
            and "   " in line.label.strip())


def _starts_header(line: Line, width: int) -> bool:
    """A line that opens a new table's header: years, units or text over the value columns."""
    if line.kind == DATA:
        return line.is_year_line and not is_year_heading(line, width)
    if line.kind != TEXT:
        return False
    if line.label_start >= width - 1 and width > 0:
        return True
    text = line.text.strip()
    if UNIT_WORDS.search(text) and "  " in text:
        return True
    return bool(PERIOD_WORDS.search(text)) and line.indent >= 8 and not text.endswith((".", ":", ","))


def _page_number(line: Line) -> bool:
    """A lone small number above a table's header (the page number of an annual report's
    running head), not a row of the table."""
    label = line.label.strip()
    return (
        line.kind == DATA and (not label or bool(re.match(r"^\d{1,3}\b|.*\b(?:exhibit|page)\b", label, re.I)))
        and len(line.values) == 1 and not line.values[0].currency
        and line.values[0].kind == "amount" and "," not in line.values[0].raw and "." not in line.values[0].raw
        and 0 < (line.values[0].value or 0) < 1000 and not line.is_year_line
    )


def is_year_heading(line: Line, width: int) -> bool:
    """A year printed alone in the label area, over the rows of that year ("1993" above the
    quarters of fiscal 1993): a row heading, not a column header."""
    return (
        line.is_year_line and not line.label and len(line.values) == 1 and width > 0
        and line.values[0].end < width - 4
    )


def as_heading(line: Line) -> Line:
    """A line read as text: a row heading."""
    return Line(line.number, line.text, TEXT, line.text.strip(), line.indent)


def _trailing_titles(segment: Segment) -> list[Line]:
    """Text lines after the body's last blank line: they title the next table, not this one."""
    body = segment.body
    cut = len(body)
    while cut > 0 and body[cut - 1].kind in (TEXT, BLANK, RULE):
        cut -= 1
    tail = body[cut:]
    if tail and tail[0].kind == TEXT:
        # Text right after the numbers labels the last row ("(Decrease)/ increase in cash").
        keep = 0
        while keep < len(tail) and tail[keep].kind == TEXT:
            keep += 1
        cut += keep
        tail = body[cut:]
    del body[cut:]
    return tail


def move_headings_to_body(segment: Segment) -> None:
    """Label-only lines at the foot of the band ("Fixed assets") are row headings, not headers."""
    width = segment.label_width
    band = segment.band
    cut = len(band)
    while cut > 0:
        line = band[cut - 1]
        if line.kind == BLANK:
            cut -= 1
            continue
        if line.kind == TEXT and line.label_end <= width and (
                not UNIT_WORDS.search(line.text) or line.text.rstrip().endswith(":")):
            cut -= 1
            continue
        if is_year_heading(line, width):
            cut -= 1
            continue
        break
    moved = [as_heading(line) if line.kind == DATA else line for line in band[cut:]]
    del band[cut:]
    segment.body[:0] = moved
