"""Filing text made safe to show literally (on screen, or printed on a terminal), and labels normalised
for matching."""

from __future__ import annotations

import re

from parser.names import escape_match
from parser.names import shown_name as safe_name  # a file name or path shown on one line: the parser's rule

__all__ = ["CONTROL", "literal_markup", "normalise_label", "printable", "safe_name", "safe_text", "without_name"]

# Written as escapes, not the characters themselves: pyarrow reads the pattern too (tui/index/facts.py).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_FOOTNOTE = re.compile(r"\s*\((?:\d{1,2}|[a-z]|\*+)\)\s*$")
_NON_WORD = re.compile(r"[^\w%&/]+")


def safe_text(text: str) -> str:
    """Tabs expanded and control characters (ANSI escapes included) shown as \\xNN, not obeyed."""
    text = text.expandtabs(8) if "\t" in text else text
    return CONTROL.sub(escape_match, text)


def printable(text: str) -> str:
    """Filing text as the command line prints it: control characters (ANSI escapes included) shown as
    \\xNN, not obeyed; tabs and newlines kept."""
    return CONTROL.sub(escape_match, text)


def literal_markup(text: str) -> str:
    """Markup that renders as exactly `text`, for the few Textual APIs that take only markup strings.

    Textual's `escape()` is not enough (it drops "[Axis]" from "Segments [Axis]"); escaping
    every opening bracket is.
    """
    return text.replace("[", "\\[")


def normalise_label(label: str) -> str:
    """A label reduced for matching: case folded, footnote markers and punctuation dropped."""
    label = _FOOTNOTE.sub("", label.strip())
    label = label.replace("&", " and ")
    return " ".join(_NON_WORD.sub(" ", label.casefold()).split())


def without_name(message: str, name: str) -> str:
    """A parser message ("NAME: reason") without the file name it begins with (a name may hold ': ')."""
    prefix = f"{name}: "
    return message[len(prefix):] if message.startswith(prefix) else message
