"""A column's qualifier: the header words that are neither its period nor its unit ("Before
Exceptional Items", "Actual", "GE", "Shares")."""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import DAY_MONTH, MONTH, MONTH_DAY, QUARTER, YEAR, read_parts
from .units import states_unit

_COMPARED = re.compile(r"^\s*compared\s+(?:to|with)\b", re.I)
_NOISE = re.compile(r"^\(?\d\)?$|^\([a-z]{1,4}\)$|^\(?unaudited\)?$|^\(?audited\)?$|^\$$", re.I)
_PERIOD_ONLY = re.compile(r"(?:ended|ending|months?|weeks?|year|" + MONTH + r"|\d{1,2},?)(?:\s+\S+)?", re.I)
_DURATION = re.compile(r"\b(?:\d{1,2}|one|two|three|four|six|nine|twelve)[\s-]+months?\b", re.I)


@lru_cache(maxsize=4096)
def column_qualifier(label: tuple[str, ...]) -> str:
    """The header words that are neither period nor unit, joined by spaces."""
    words: list[str] = []
    for text in label:
        stripped = text.strip()
        if _COMPARED.match(stripped) or _NOISE.match(stripped) or states_unit(stripped):
            continue
        if YEAR.fullmatch(stripped) or QUARTER.search(stripped) or _DURATION.search(stripped):
            continue
        if DAY_MONTH.search(stripped) or MONTH_DAY.search(stripped) or read_parts(stripped).instant:
            continue
        if _PERIOD_ONLY.fullmatch(stripped):
            continue
        words.append(stripped)
    return " ".join(words)
