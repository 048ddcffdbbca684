"""Find-in-text over a filing's lines: every match, and stepping to the next or previous one."""

from __future__ import annotations

import re

from .text import safe_text

Match = tuple[int, int, int]


def find_all(lines, query: str) -> list[Match]:
    """Every case-insensitive match as (1-based line, start, end) in the safe text of each line."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return [
        (number, match.start(), match.end())
        for number, line in enumerate(lines, start=1)
        for match in pattern.finditer(safe_text(line))
    ]


def step(matches: list[Match], current: Match | None, forward: bool, from_line: int = 0) -> Match | None:
    """The next (or previous) match after `current`, wrapping; from `from_line` when none is current."""
    if not matches:
        return None
    if current is None:
        after = [m for m in matches if m[0] >= from_line]
        return after[0] if after and forward else (matches[0] if forward else matches[-1])
    if forward:
        later = [m for m in matches if m > current]
        return later[0] if later else matches[0]
    earlier = [m for m in matches if m < current]
    return earlier[-1] if earlier else matches[-1]


def deepest_section(filing, line: int):
    """The innermost section whose span holds the line, or None."""
    found = None
    for section in filing.walk_sections():
        if section.first_line <= line <= section.last_line:
            if found is None or section.last_line - section.first_line <= found.last_line - found.first_line:
                found = section
    return found
