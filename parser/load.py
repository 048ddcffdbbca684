"""Entry points: parse text or a file into a Filing, and list the filings of a folder."""

from __future__ import annotations

import dataclasses
import heapq
import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from bisect import bisect_left, bisect_right
from itertools import accumulate

from .arbiter import judge_share_scales
from .continuation import merge_continued
from .blocks import Block, find_single_value_blocks, find_tagged_blocks, find_untagged_blocks, numeric_line_candidates, split_block
from .envelope import read_envelope
from .clues import FilingDates
from .evidence import PERIOD_PHRASE
from .files import Unreadable, read_filing_bytes, skip_reason, unlisted_reason
from .filingdates import filing_dates
from .lines import BLANK, DATA, RULE, TEXT, LazyLines, Line
from .metadata import read_metadata
from .model import Filing, Period, Section, Source, Table
from .names import shown_name
from .keyvalues import find_pair_runs, pairs_table
from .holdings import holdings_period, holdings_table, is_holdings
from .reportdates import PageDates, ReportDates
from .schedule import is_schedule, schedule_table
from .sections import build_tree, find_sections
from .tables import build_table, too_wide
from .text import MAX_BYTES, capitals, decode_bytes, refuse_reason, split_lines
from .units import states_unit

_PAGE = re.compile(r"^<PAGE>|^-?\s*\d{1,3}\s*-?$|^Page\s+\d+|^F-\d+$", re.I)
_SMALL_WORDS = {"and", "or", "of", "the", "a", "an", "in", "on", "for", "to", "from", "with", "by", "at", "per", "except"}


def load_filing(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> Filing:
    """Read and parse one file; problems come back as `Filing.error` or warnings, never raised.

    Only a regular file (or a symbolic link to one) is read, and never more than `MAX_BYTES`: a FIFO,
    a device or a socket is refused in one line. `Filing.name` is the file name as `shown_name` shows it.
    """
    path = Path(os.fsdecode(path))
    name = shown_name(path.name)
    try:
        data = read_filing_bytes(path, MAX_BYTES)
    except Unreadable as error:
        return Filing(str(path), name, error=f"{name}: {error.reason}")
    return parse_bytes(data, name, str(path))


def filing_lines(path: str | os.PathLike[str]) -> tuple[str, ...] | None:
    """A file's lines exactly as `load_filing` gives them in `Filing.lines`, or None when it cannot be
    read as text now (a cache stores parsed filings without their lines and reads them back here)."""
    try:
        data = read_filing_bytes(Path(os.fsdecode(path)), MAX_BYTES)
    except Unreadable:
        return None
    if refuse_reason(data):
        return None
    return tuple(_raw_lines(decode_bytes(data).text))


def _raw_lines(text: str) -> list[str]:
    """The text's lines, without the empty one after a final newline."""
    raw = split_lines(text)
    if raw and raw[-1] == "":
        raw.pop()
    return raw


def parse_bytes(data: bytes, name: str, path: str) -> Filing:
    """Parse a filing's bytes (already read, uncompressed, within `MAX_BYTES`), as `load_filing` does after
    reading a file: refused when they are no text, decoded, parsed; never raises."""
    reason = refuse_reason(data)
    if reason:
        return Filing(str(path), name, error=f"{name}: {reason}")
    decoded = decode_bytes(data)
    filing = parse_text(decoded.text, name, path)
    if decoded.warning:
        filing = dataclasses.replace(filing, warnings=(f"{name}: {decoded.warning}",) + filing.warnings)
    return filing


def parse_text(text: str, name: str = "<text>", path: str | None = None) -> Filing:
    """Parse a filing's text into a frozen Filing."""
    raw = _raw_lines(text)
    envelope = read_envelope(raw)
    lines = LazyLines(raw)
    warnings = [f"{name}: {warning}" for warning in envelope.warnings]
    blocks = _blocks(lines, envelope.bodies)
    for block in blocks:
        if block.tagged and not block.closed:
            warnings.append(f"{name}: line {block.first + 1}: table not closed (no </TABLE> before line {block.last + 2})")
    doc_type = envelope.documents[0].type if envelope.documents else ""
    meta = read_metadata(raw, envelope.fields, envelope.bodies[0], doc_type)
    dates = filing_dates(raw, lines, blocks, envelope.fields, meta.form, envelope.bodies)
    kept_as_text: list[str] = []
    tables, claimed, titles = _tables(lines, blocks, dates, kept_as_text)
    warnings.extend(f"{name}: {reason}" for reason in kept_as_text)
    tables = [judge_share_scales(table) for table in merge_continued(tables, dates, raw)]
    headings = find_sections(raw, envelope.bodies, claimed, meta.cover_end, meta.headline, envelope.documents, titles)
    spans = [(table.first_line, table.last_line) for table in tables]
    sections = build_tree(headings, len(raw), spans)
    tables = _titles_from_sections(tables, sections)
    return Filing(
        path=path or name,
        name=name,
        form=meta.form,
        company=meta.company,
        cik=meta.cik,
        report_month=meta.report_month,
        date=meta.date,
        title=meta.title,
        lines=tuple(raw),
        period=dates.report_end,
        documents=tuple(envelope.documents),
        sections=sections,
        tables=tuple(tables),
        warnings=tuple(warnings),
    )


def _blocks(lines: LazyLines, bodies: list[tuple[int, int]]) -> list[Block]:
    text = "\n".join(lines.raw)
    starts = list(accumulate((len(line) + 1 for line in lines.raw), initial=0))

    def line_of(position: int) -> int:
        return bisect_right(starts, position) - 1

    tagged: list[Block] = []
    for start, stop in bodies:
        tagged.extend(_with_header_above(lines, block) for block in find_tagged_blocks(
            text, line_of, start, stop, starts[min(start, len(lines.raw))], starts[min(stop, len(lines.raw))]))
    free: list[tuple[int, int]] = []
    firsts = [block.first for block in tagged]
    in_order = all(a <= b for a, b in zip(firsts, firsts[1:]))
    for start, stop in bodies:
        cursor = start
        # The tagged blocks of this body: one run of them when they are in line order (looking
        # at all of them for each body was bodies x tables, a submission of many documents).
        chosen = tagged[bisect_left(firsts, start) : bisect_left(firsts, stop)] if in_order else tagged
        for block in chosen:
            if start <= block.first < stop:
                free.append((cursor, block.first))
                cursor = block.last + 1
        free.append((cursor, stop))
    candidates = numeric_line_candidates(text, line_of)
    ranges = [r for r in free if r[1] > r[0]]
    untagged = find_untagged_blocks(lines, candidates, ranges)
    taken = {i for block in untagged for i in range(block.first, block.last + 1)}
    pairs = [Block(first, last, False, kind="pairs") for first, last in find_pair_runs(lines, ranges, taken)]
    taken.update(i for block in pairs for i in range(block.first, block.last + 1))
    singles = find_single_value_blocks(lines, ranges, taken)
    return sorted(tagged + untagged + pairs + singles, key=lambda block: block.first)


def _with_header_above(lines: LazyLines, block: Block) -> Block:
    """A tagged table whose column header was printed above its <TABLE> tag (a caption set
    outside the tags: years, "Shares  Amount") takes those header lines in, when nothing but
    tags stands between its <TABLE> tag and its first row."""
    for index in range(block.first + 1, min(block.last + 1, block.first + 12)):
        line = lines[index]
        if line.kind == DATA and not line.is_year_line:
            break
        if not line.text.lstrip().startswith("<") and _header_like(line) and line.kind != RULE:
            return block
    first, index, blanks, header = block.first, block.first - 1, 0, False
    while index >= 0 and block.first - index <= 12:
        line = lines[index]
        if line.kind == BLANK:
            blanks += 1
            if blanks > 1:
                break
        elif line.text.lstrip().startswith("<") or not _header_like(line):
            break
        else:
            blanks = 0
            header = header or (line.kind == DATA and line.is_year_line) or _columns_of_words(line)
            first = index
        index -= 1
    return dataclasses.replace(block, first=first) if header else block


def _header_like(line: Line) -> bool:
    """A line over a table's columns: a rule, years, or text well indented."""
    return line.kind == RULE or (line.kind == DATA and line.is_year_line) or (
        line.kind == TEXT and line.indent >= 20)


def _columns_of_words(line: Line) -> bool:
    """Several short headings side by side ("Shares   Amount   Capital")."""
    return line.kind == TEXT and len(re.findall(r"\S+(?: \S+)?", line.text.strip())) >= 3 and "   " in line.text.strip()


def _context(lines: LazyLines, block: Block) -> list[str]:
    """Caption lines printed just above a table block (title, "(Dollars in millions)")."""
    context: list[str] = []
    index = block.first - 1
    blanks = 0
    while index >= 0 and len(context) < 5 and block.first - index < 20:
        line = lines[index]
        if line.kind in (BLANK, RULE):
            blanks += line.kind == BLANK
            if blanks > 2 and context:
                break
        elif line.text.strip().startswith("<") or not _caption_like(line.text):
            break
        else:
            context.insert(0, " ".join(line.text.split()))
            blanks = 0
        index -= 1
    return context


def _caption_like(text: str) -> bool:
    """A short centred or capitalised line, as printed above a table; not running prose."""
    stripped = text.strip()
    indent = len(text) - len(text.lstrip())
    letters, share = capitals(stripped)
    upper = letters > 0 and share > 0.8
    titled = all(word[0].isupper() or not word[0].isalpha() or word.lower() in _SMALL_WORDS for word in stripped.split())
    phrase = len(stripped.split()) <= 10 and not stripped.endswith(".") and bool(
        PERIOD_PHRASE.search(stripped) or states_unit(stripped)
    )
    return len(stripped) <= 100 and (indent >= 8 or upper or stripped.startswith("(") or phrase
                                     or (titled and len(stripped.split()) <= 8))


def _heading(lines: LazyLines, block: Block, floor: int) -> tuple[str, ...]:
    """Unit and period statements printed further up the page or section a table stands in
    ("(Dollars in millions)" under a page heading), nearest first; never past another table."""
    found: list[str] = []
    index = block.first - 1
    while index > floor and block.first - index <= 60:
        line = lines[index]
        text = line.text.strip()
        if _PAGE.match(text) or text.startswith("<"):
            break
        if line.kind == TEXT and len(text) <= 100 and (states_unit(text) or PERIOD_PHRASE.search(text)):
            found.append(" ".join(text.split()))
        index -= 1
    return tuple(found)


def _tables(lines: LazyLines, blocks: list[Block], dates: FilingDates,
            kept_as_text: list[str] | None = None) -> tuple[list[Table], set[int], set[int]]:
    """The tables of every block; the 0-based lines their headers and bodies use; their titles.
    A segment too wide to be a table is left as text, and why is added to `kept_as_text`."""
    tables: list[Table] = []
    claimed: set[int] = set()
    titles: set[int] = set()
    floor = -1
    pages = PageDates([line for line in lines.raw], dates.report_months) if dates.report_months else None
    for block in blocks:
        context = _context(lines, block)
        heading = _heading(lines, block, floor)
        floor = block.last
        block_lines = lines[block.first : block.last + 1]
        special = None
        if block.kind == "pairs":
            period = Period(dates.report_end, 0) if dates.holdings and dates.report_end else None
            special = pairs_table(block_lines, len(tables), period, Source.FILING)
            if special is None:
                continue
        elif is_schedule(block_lines):
            special = schedule_table(block_lines, len(tables), dates.currency)
        elif is_holdings(block_lines):
            period, source = holdings_period(context, dates.report_end)
            title = next((text for text in reversed(context) if re.search(r"13F|holdings|information\s+table", text, re.I)
                          and ":" not in text and "$" not in text), "Form 13F information table")
            special = holdings_table(block_lines, len(tables), title, period, source)
        if special is not None:
            tables.append(special)
            claimed.update(range(block.first, block.last + 1))
            continue
        for segment in split_block(lines, block, context):
            reason = too_wide(segment)
            if reason is not None:
                if kept_as_text is not None:
                    kept_as_text.append(reason)
                continue
            report = pages.around(segment.body[0].number - 1) if pages and segment.body else ReportDates()
            table, used, title_lines = build_table(segment, len(tables), dates.for_block(block.first), heading, report)
            tables.append(table)
            claimed.update(number - 1 for number in used)
            titles.update(number - 1 for number in title_lines)
    return tables, claimed, titles


def _titles_from_sections(tables: list[Table], sections: tuple[Section, ...]) -> list[Table]:
    """A table with no title of its own takes the title of the section it stands in."""
    owners = _last_holders([node for section in sections for node in section.walk()],
                           sorted({table.first_line for table in tables if not table.title}))
    result = []
    for table in tables:
        if not table.title:
            owner = owners.get(table.first_line)
            if owner is not None and owner.kind not in ("cover", "document"):
                table = dataclasses.replace(table, title=owner.title)
        result.append(table)
    return result


def _last_holders(nodes: list[Section], lines: list[int]) -> dict[int, Section]:
    """For each line (sorted), the last of the nodes (in their order) whose span holds it.

    One sweep down the lines with the spans begun so far in a heap, latest node first: asking
    every node for every table was sections x tables, a filing of many notes each with a table."""
    order = sorted(range(len(nodes)), key=lambda position: nodes[position].first_line)
    begun: list[tuple[int, int]] = []
    owners: dict[int, Section] = {}
    cursor = 0
    for line in lines:
        while cursor < len(order) and nodes[order[cursor]].first_line <= line:
            heapq.heappush(begun, (-order[cursor], nodes[order[cursor]].last_line))
            cursor += 1
        while begun and begun[0][1] < line:
            heapq.heappop(begun)  # ended above this line, so above every later one
        if begun:
            owners[line] = nodes[-begun[0][0]]
    return owners


def iter_filing_paths(path: str | os.PathLike[str]) -> Iterator[Path]:
    """The entries a path names: itself, or every entry of a folder (sorted; hidden ones skipped).

    Entries of a folder that are not filings (sub-folders, other file types) are yielded too, so
    that each can be reported in one line; `skip_reason` tells which they are. A folder that cannot
    be listed is yielded itself; `unlisted_reason` tells why.
    """
    path = Path(path)
    if not path.is_dir():
        yield path
        return
    try:
        with os.scandir(path) as entries:
            names = sorted(entry.name for entry in entries if not entry.name.startswith("."))
    except OSError:
        yield path
        return
    for name in names:
        yield path / name


def load_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Filing]:
    """Load every filing the paths name; a folder means every filing in it. Entries of a folder
    that are not filings come back as a Filing whose error says why, so each can be reported."""
    filings = []
    for given in paths:
        folder = Path(given).is_dir()
        for entry in iter_filing_paths(given):
            reason: str | None
            if folder and entry == Path(given):
                reason = unlisted_reason(entry)
            else:
                reason = skip_reason(entry) if folder else None
            if reason:
                name = shown_name(entry.name)
                filings.append(Filing(str(entry), name, error=f"{name}: {reason}"))
            else:
                filings.append(load_filing(entry))
    return filings
