"""Filing text and file names made safe to print on a terminal: control characters shown, not obeyed."""

from __future__ import annotations

import re

from parser.names import shown_name

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def safe(text: str) -> str:
    """Filing text made safe for a terminal: control characters and escapes shown, not obeyed."""
    return CONTROL.sub(lambda m: shown_name(m.group()), text)
